package org.varflow.examples;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.varflow.api.ConstrainedSpace;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameters;
import org.varflow.api.Plugin;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;

/**
 * The hyperbolic upper half-plane {(x, y) : y &gt; 0} as a space and a metric, written against {@code varflow-api}
 * alone, the way a part author ships them:
 *
 * <pre>
 *   space     contains (x, y) iff y &gt; 0                    (a ConstrainedSpace: the runner enforces it)
 *   metric    K = y^2 I,  S = y I,  div K = (0, 2y)
 *             R(v) = (x + v_x, y exp(u - u^2 / 2)),  u = v_y / y
 * </pre>
 *
 * The retraction stays in the half-plane for every v and is x + v + O(|v|^3): its second-order term is zero, so
 * noise through it adds no drift beside the Ito drift T div K. The obvious choices are wrong: y + v_y leaves the
 * space, y e^{u} adds the drift T y (the check kit's "stochastic retraction" check catches both).
 */
public final class HalfPlane {
    private HalfPlane() {
    }

    // tag::space[]
    /** The upper half-plane: it says what it contains, and every step of a run is checked against it. */
    public record UpperHalfPlane(double x0, double y0) implements ConstrainedSpace {
        @Override
        public String kind() {
            return "half-plane";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double[] initialState() {
            return new double[] {x0, y0};
        }

        @Override
        public String coordinateName(int i) {
            return i == 0 ? "x" : "y";
        }

        @Override
        public boolean contains(double[] s) {       // hot: every particle, every step; no allocation
            return s[1] > 0;
        }

        @Override
        public String constraint() {
            return "y > 0";
        }

        @Override
        public String violation(double[] s) {       // only after contains said no: name the coordinate
            return s[1] > 0 ? null : "y = " + s[1] + " (y > 0)";
        }
    }
    // end::space[]

    // tag::metric[]
    /** K = y^2 I with a retraction that stays inside and is right to second order. Stateless. */
    public enum Hyperbolic implements Metric {
        INSTANCE;

        @Override
        public void raise(double[] s, double[] covector, double[] out) {
            double k = s[1] * s[1];
            out[0] = k * covector[0];
            out[1] = k * covector[1];
        }

        @Override
        public void sqrtRaise(double[] s, double[] xi, double[] out) {   // S S^T = K
            out[0] = s[1] * xi[0];
            out[1] = s[1] * xi[1];
        }

        @Override
        public void divergence(double[] s, double[] out) {              // (div K)_i = sum_j dK_ij / ds_j
            out[0] = 0;
            out[1] = 2 * s[1];
        }

        @Override
        public void retract(double[] s, double[] v, double[] out) {
            double u = v[1] / s[1];
            out[0] = s[0] + v[0];
            out[1] = s[1] * Math.exp(u - u * u / 2);                    // = y + v_y + O(v^3), always > 0
        }
    }
    // end::metric[]

    /** The plugin: list it in META-INF/services/org.varflow.api.Plugin to ship both parts as a jar. */
    public static final class HalfPlanePlugin implements Plugin {
        @Override
        public String id() {
            return "half-plane";
        }

        @Override
        public Collection<SpaceFactory> spaces() {
            return List.of(new SpaceFactory() {
                @Override
                public String id() {
                    return "half-plane";
                }

                @Override
                public String summary() {
                    return "the upper half-plane y > 0";
                }

                @Override
                public Space create(Parameters parameters) {
                    return new UpperHalfPlane(0, 1);
                }
            });
        }

        @Override
        public Collection<MetricFactory> metrics() {
            return List.of(new MetricFactory() {
                @Override
                public String id() {
                    return "hyperbolic-half-plane";
                }

                @Override
                public String summary() {
                    return "the hyperbolic metric K = y^2 I of the upper half-plane";
                }

                @Override
                public Set<String> spaces() {
                    return Set.of("half-plane");
                }

                @Override
                public Metric create(Parameters parameters, Space space) {
                    return Hyperbolic.INSTANCE;
                }
            });
        }
    }
}
