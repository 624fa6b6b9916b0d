package org.varflow.testkit;

import org.varflow.api.ConstrainedSpace;
import org.varflow.api.Metric;

/**
 * The third-party example of the issue that asked for this kit: the upper half-plane {y &gt; 0} with the hyperbolic
 * metric K = y^2 I (S = y I, div K = (0, 2y)) and three retractions:
 *
 * <pre>
 *   LEAVING         (x + v_x, y + v_y)                            right to second order, but y can become negative
 *   FIRST_ORDER     (x + v_x, y e^{v_y / y})                      positive, but y (v_y/y)^2 / 2 adds an Ito drift
 *   ITO             (x + v_x, y e^{v_y / y - (v_y / y)^2 / 2})    positive and right to second order
 * </pre>
 */
final class HalfPlane {
    private HalfPlane() {
    }

    static final ConstrainedSpace SPACE = new ConstrainedSpace() {
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
            return new double[] {0.3, 1.0};
        }

        @Override
        public String coordinateName(int i) {
            return i == 0 ? "x" : "y";
        }

        @Override
        public boolean contains(double[] x) {
            return x[1] > 0;
        }

        @Override
        public String constraint() {
            return "y > 0";
        }

        @Override
        public String violation(double[] x) {
            return x[1] > 0 ? null : "y = " + x[1] + " (y > 0)";
        }
    };

    /** The three retractions. */
    enum Retraction {
        LEAVING, FIRST_ORDER, ITO
    }

    static Metric metric(Retraction r) {
        return new Metric() {
            @Override
            public void raise(double[] x, double[] c, double[] out) {
                double k = x[1] * x[1];
                out[0] = k * c[0];
                out[1] = k * c[1];
            }

            @Override
            public void sqrtRaise(double[] x, double[] xi, double[] out) {
                out[0] = x[1] * xi[0];
                out[1] = x[1] * xi[1];
            }

            @Override
            public void divergence(double[] x, double[] out) {
                out[0] = 0;
                out[1] = 2 * x[1];
            }

            @Override
            public void retract(double[] x, double[] v, double[] out) {
                out[0] = x[0] + v[0];
                double u = v[1] / x[1];
                out[1] = switch (r) {
                    case LEAVING -> x[1] + v[1];
                    case FIRST_ORDER -> x[1] * Math.exp(u);
                    case ITO -> x[1] * Math.exp(u - u * u / 2);
                };
            }
        };
    }
}
