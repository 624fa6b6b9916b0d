package org.varflow.geometry.diagonal;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.ConstantMetric;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * A constant diagonal metric g = diag(1/k), so K = diag(k): diagonally preconditioned gradient descent, and with
 * noise the Langevin sampler whose per-coordinate mobility is k_i (same Gibbs law, different speed).
 */
public final class DiagonalMetricFactory implements MetricFactory {

    @Override
    public String id() {
        return "diagonal";
    }

    @Override
    public String summary() {
        return "constant diagonal preconditioner: K = diag(k)";
    }

    @Override
    public String formula() {
        return "K = diag(k_1, ..., k_d),  K^{1/2} = diag(sqrt k_i),  div K = 0";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.vector("k", "1", "mobilities k_i > 0 (one number is used for every coordinate)"));
    }

    @Override
    public Metric create(Parameters parameters, Space space) {
        int d = space.dimension();
        double[] k = parameters.vector("k");
        if (k.length != 1 && k.length != d) {
            throw new ConfigurationException("metric 'diagonal': parameter 'k' has " + k.length
                    + " entries but the space has dimension " + d + "; give 1 or " + d + " entries");
        }
        double[] full = new double[d];
        double[] root = new double[d];
        for (int i = 0; i < d; i++) {
            full[i] = k.length == 1 ? k[0] : k[i];
            if (!(full[i] > 0)) {
                throw new ConfigurationException("metric 'diagonal': k_" + (i + 1) + " = " + full[i]
                        + " is not valid; every mobility must be > 0");
            }
            root[i] = Math.sqrt(full[i]);
        }
        return new DiagonalMetric(full, root);
    }

    /** K = diag(k). */
    private record DiagonalMetric(double[] k, double[] root) implements ConstantMetric {
        @Override
        public void raise(double[] x, double[] covector, double[] out) {
            for (int i = 0; i < k.length; i++) {
                out[i] = k[i] * covector[i];
            }
        }

        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            for (int i = 0; i < k.length; i++) {
                out[i] = root[i] * xi[i];
            }
        }
    }
}
