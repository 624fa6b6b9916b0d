package org.varflow.examples;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Plugin;
import org.varflow.api.Space;

/**
 * A metric written by a user: a diagonal metric whose mobility falls off away from the origin in each coordinate,
 *
 * <pre>
 *   K(x) = diag(k(x_i)),   k(u) = 1 / (1 + (u / w)^2)
 *   S(x) = diag(sqrt(k(x_i)))                              (S S^T = K, for noise)
 *   (div K)_i = k'(x_i) = -2 x_i / (w^2 (1 + (x_i / w)^2)^2)   (the Ito correction)
 * </pre>
 *
 * With thermal noise and the Ito correction the sampled law is still the Gibbs law exp(-E/T)/Z: the metric changes
 * how fast the flow gets there, not where it goes.
 */
// tag::metric[]
public final class SoftWalls implements MetricFactory {

    @Override
    public String id() {
        return "soft-walls";
    }

    @Override
    public String summary() {
        return "diagonal metric whose mobility falls off away from the origin: K = diag(1 / (1 + (x_i / w)^2))";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.positive("width", 1, "w: where the mobility has fallen to one half"));
    }

    @Override
    public Metric create(Parameters parameters, Space space) {
        return new Walls(parameters.real("width"));
    }

    /** Stateless and allocation-free: one instance serves every particle block. */
    record Walls(double width) implements Metric {
        private double k(double u) {
            double r = u / width;
            return 1 / (1 + r * r);
        }

        @Override
        public void raise(double[] x, double[] covector, double[] out) {
            for (int i = 0; i < x.length; i++) {
                out[i] = k(x[i]) * covector[i];
            }
        }

        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            for (int i = 0; i < x.length; i++) {
                out[i] = Math.sqrt(k(x[i])) * xi[i];
            }
        }

        @Override
        public void divergence(double[] x, double[] out) {
            for (int i = 0; i < x.length; i++) {
                double q = k(x[i]);
                out[i] = -2 * x[i] * q * q / (width * width);
            }
        }
    }

    /** The plugin that provides it: list it in META-INF/services/org.varflow.api.Plugin to ship it as a jar. */
    public static final class WallsPlugin implements Plugin {
        @Override
        public String id() {
            return "soft-walls";
        }

        @Override
        public Collection<MetricFactory> metrics() {
            return List.of(new SoftWalls());
        }
    }
}
// end::metric[]
