package org.varflow.models.manifold;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.FisherInformation;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * Fitting a categorical law p = softmax(theta) on d outcomes to observed counts (cross-entropy = average negative
 * log-likelihood of the observations):
 *
 * <pre>
 *   E(theta) = -sum_j q_j log p_j(theta) = log sum_j e^{theta_j} - q . theta,   q = counts / sum(counts)
 *   dE = p - q,     F(theta) = diag(p) - p p^T   (Fisher information of one draw = Hess E)
 * </pre>
 *
 * F is singular along (1, ..., 1) (adding a constant to every logit changes nothing), so natural gradient needs
 * damping. The minimisers are theta = log q + const (q &gt; 0). Since dp/dtheta = F, under the natural-gradient flow
 * theta' = -(F + delta I)^-1 (p - q) the probabilities move as p' = -F (F + delta I)^-1 (p - q), which tends to
 * -(p - q) as delta -&gt; 0 (p - q sums to zero, so it lies in the range of F): p(t) = q + (p0 - q) e^-t, a straight
 * line to the data, whereas the Euclidean flow in theta slows down where p is small.
 */
public final class CategoricalFitEnergyFactory implements EnergyFactory {
    static final String OWNER = "energy 'categorical-fit'";

    @Override
    public String id() {
        return "categorical-fit";
    }

    @Override
    public String summary() {
        return "softmax (categorical) fit to counts by cross-entropy; knows its Fisher diag(p) - p p^T";
    }

    @Override
    public String formula() {
        return "E(theta) = log sum_j exp(theta_j) - q.theta,  q = counts/sum,  dE = p - q,  F = diag(p) - p p^T";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.vector("counts", null, "observed counts of the d outcomes, >= 0, not all zero"
                + " (one number is used for every outcome); default counts_j = j"));
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        int d = space.dimension();
        double[] q;
        if (parameters.has("counts")) {
            q = Parameters.broadcast(OWNER, "counts", parameters.vector("counts"), d, "dimension " + d + " is needed");
        } else {
            q = new double[d];
            for (int j = 0; j < d; j++) {
                q[j] = j + 1;
            }
        }
        double total = 0;
        for (int j = 0; j < d; j++) {
            if (!(q[j] >= 0)) {
                throw new ConfigurationException(OWNER + ": count " + (j + 1) + " = " + Parameter.format(q[j])
                        + " is negative");
            }
            total += q[j];
        }
        if (!(total > 0) || !Double.isFinite(total)) {
            throw new ConfigurationException(OWNER + ": the counts sum to " + total + "; give at least one count > 0");
        }
        for (int j = 0; j < d; j++) {
            q[j] /= total;
        }
        return new CategoricalFit(q);
    }

    /** Cross-entropy of softmax(theta) against frequencies q. */
    public record CategoricalFit(double[] q) implements Energy, FisherInformation {

        /** The observed frequencies (a copy). */
        @Override
        public double[] q() {
            return q.clone();
        }

        private static double max(double[] t, int d) {
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < d; j++) {
                m = Math.max(m, t[j]);
            }
            return m;
        }

        @Override
        public double value(double[] theta) {
            int d = q.length;
            double m = max(theta, d);
            double z = 0;
            double qt = 0;
            for (int j = 0; j < d; j++) {
                z += Math.exp(theta[j] - m);
                qt += q[j] * theta[j];
            }
            return m + Math.log(z) - qt;
        }

        @Override
        public void gradient(double[] theta, double[] out) {
            int d = q.length;
            double m = max(theta, d);
            double z = 0;
            for (int j = 0; j < d; j++) {
                out[j] = Math.exp(theta[j] - m);
                z += out[j];
            }
            for (int j = 0; j < d; j++) {
                out[j] = out[j] / z - q[j];
            }
        }

        @Override
        public void fisher(double[] theta, double[] out) {
            int d = q.length;
            double m = max(theta, d);
            double z = 0;
            for (int j = 0; j < d; j++) {
                z += Math.exp(theta[j] - m);
            }
            for (int i = 0; i < d; i++) {
                double pi = Math.exp(theta[i] - m) / z;
                for (int j = 0; j < d; j++) {
                    double pj = Math.exp(theta[j] - m) / z;
                    out[i * d + j] = (i == j ? pi : 0.0) - pi * pj;
                }
            }
        }

        @Override
        public void hessian(double[] theta, double[] out) {
            fisher(theta, out);
        }
    }
}
