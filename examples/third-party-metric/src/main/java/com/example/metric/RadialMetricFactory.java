package com.example.metric;

import java.util.List;
import java.util.Set;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * A radially scaled (conformal) metric on R^d: steps are shortened far from the origin,
 *
 * <pre>
 *   K(x) = k(x) I,   k(x) = c / (1 + |x|^2 / r^2)
 *   S(x) = sqrt(k(x)) I                       (S S^T = K, for noise)
 *   div K(x) = grad k(x) = -2 c x / (r^2 (1 + |x|^2 / r^2)^2)   (the Ito correction with noise)
 * </pre>
 *
 * The factory is stateless; {@link #create} validates the parameters and builds the per-run metric, whose methods
 * keep no state, allocate nothing and write only into the arrays they are given.
 */
public final class RadialMetricFactory implements MetricFactory {

    @Override
    public String id() {
        return "radial";
    }

    @Override
    public String summary() {
        return "radially scaled Euclidean metric: K(x) = c / (1 + |x|^2 / r^2) I";
    }

    @Override
    public String formula() {
        return "K(x) = c / (1 + |x|^2/r^2) I,  S = sqrt(K),  div K = -2 c x / (r^2 (1 + |x|^2/r^2)^2)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.positive("c", 1, "mobility at the origin"),
                Parameter.positive("r", 1, "radius beyond which the mobility falls off like (r / |x|)^2"));
    }

    @Override
    public Metric create(Parameters parameters, Space space) {
        return new Radial(parameters.real("c"), parameters.real("r"));
    }

    /** K = k(x) I; a record: immutable, shared safely by every particle block. */
    private record Radial(double c, double r) implements Metric {

        private double k(double[] x) {
            double s = 0;
            for (double v : x) {
                s += v * v;
            }
            return c / (1 + s / (r * r));
        }

        @Override
        public void raise(double[] x, double[] covector, double[] out) {
            double k = k(x);
            for (int i = 0; i < x.length; i++) {
                out[i] = k * covector[i];
            }
        }

        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            double s = Math.sqrt(k(x));
            for (int i = 0; i < x.length; i++) {
                out[i] = s * xi[i];
            }
        }

        @Override
        public void divergence(double[] x, double[] out) {
            double s = 0;
            for (double v : x) {
                s += v * v;
            }
            double q = 1 + s / (r * r);
            double f = -2 * c / (r * r * q * q);
            for (int i = 0; i < x.length; i++) {
                out[i] = f * x[i];
            }
        }
    }
}
