package org.varflow.geometry.poincare;

import java.util.Set;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceKinds;

/**
 * The hyperbolic metric of the Poincare ball, conformal to the Euclidean one:
 *
 * <pre>
 *   g(x) = lambda(x)^2 I,   lambda(x) = 2 / (1 - |x|^2)          (curvature -1)
 *   K(x) = (1 - |x|^2)^2 / 4  I,    S(x) = (1 - |x|^2) / 2  I
 *   div K(x) = -(1 - |x|^2) x
 *   R_x(v) = exp_x(v) = x (+) tanh(lambda(x) |v| / 2) v / |v|      (Moebius addition (+))
 *   x (+) y = ((1 + 2 x.y + |y|^2) x + (1 - |x|^2) y) / (1 + 2 x.y + |x|^2 |y|^2)
 * </pre>
 *
 * The retraction is the exact exponential map, so every step stays inside the ball; when tanh rounds to 1 (a
 * hyperbolic step longer than about 38), the result is pulled back to radius 1 - 1e-15. The hyperbolic distance
 * is d(x, y) = arccosh(1 + 2 |x - y|^2 / ((1 - |x|^2)(1 - |y|^2))).
 */
public final class PoincareMetricFactory implements MetricFactory {
    /** Largest radius a state may have. */
    static final double MAX_RADIUS = 1 - 1e-15;

    @Override
    public String id() {
        return "poincare";
    }

    @Override
    public String summary() {
        return "hyperbolic metric of the Poincare ball: K = ((1 - |x|^2)^2 / 4) I, exponential-map retraction";
    }

    @Override
    public String formula() {
        return "g = (2/(1-|x|^2))^2 I,  K = (1-|x|^2)^2/4 I,  S = (1-|x|^2)/2 I,  div K = -(1-|x|^2) x;"
                + "  R_x(v) = x (+) tanh(|v|/(1-|x|^2)) v/|v|  (Moebius addition)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(SpaceKinds.POINCARE_BALL);
    }

    @Override
    public Metric create(Parameters parameters, Space space) {
        return PoincareMetric.INSTANCE;
    }

    /** Stateless. */
    enum PoincareMetric implements Metric {
        INSTANCE;

        private static double squaredNorm(double[] x) {
            double s = 0;
            for (double v : x) {
                s += v * v;
            }
            return s;
        }

        @Override
        public void raise(double[] x, double[] covector, double[] out) {
            double q = 1 - squaredNorm(x);
            double k = 0.25 * q * q;
            for (int i = 0; i < x.length; i++) {
                out[i] = k * covector[i];
            }
        }

        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            double s = 0.5 * (1 - squaredNorm(x));
            for (int i = 0; i < x.length; i++) {
                out[i] = s * xi[i];
            }
        }

        @Override
        public void divergence(double[] x, double[] out) {
            double q = 1 - squaredNorm(x);
            for (int i = 0; i < x.length; i++) {
                out[i] = -q * x[i];
            }
        }

        @Override
        public void retract(double[] x, double[] v, double[] out) {
            int d = x.length;
            double xx = squaredNorm(x);
            double vv = 0;
            for (int i = 0; i < d; i++) {
                vv += v[i] * v[i];
            }
            double norm = Math.sqrt(vv);
            if (norm == 0) {
                System.arraycopy(x, 0, out, 0, d);
                return;
            }
            // y = tanh(lambda |v| / 2) v / |v|, lambda = 2 / (1 - |x|^2)
            double scale = Math.tanh(norm / (1 - xx)) / norm;
            double xy = 0;
            double yy = 0;
            for (int i = 0; i < d; i++) {
                double y = scale * v[i];
                xy += x[i] * y;
                yy += y * y;
            }
            double a = 1 + 2 * xy + yy;
            double b = 1 - xx;
            double den = 1 + 2 * xy + xx * yy;
            double rr = 0;
            for (int i = 0; i < d; i++) {
                out[i] = (a * x[i] + b * scale * v[i]) / den;
                rr += out[i] * out[i];
            }
            if (!(rr < MAX_RADIUS * MAX_RADIUS)) {
                double shrink = MAX_RADIUS / Math.sqrt(rr);
                for (int i = 0; i < d; i++) {
                    out[i] *= shrink;
                }
            }
        }
    }
}
