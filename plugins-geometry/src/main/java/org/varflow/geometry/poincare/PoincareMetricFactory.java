package org.varflow.geometry.poincare;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameter;
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
 *   exp_x(u) = x (+) tanh(lambda(x) |u| / 2) u / |u|      (Moebius addition (+))
 *   x (+) y = ((1 + 2 x.y + |y|^2) x + (1 - |x|^2) y) / (1 + 2 x.y + |x|^2 |y|^2)
 *   Gamma_x(v, v) = (2 / (1 - |x|^2)) (2 (x.v) v - |v|^2 x)     (Christoffel symbols of g, conformal)
 *   R_x(v) = exp_x(v + Gamma_x(v, v) / 2)    [retraction=ito, the default]      R_x(v) = exp_x(v)    [exp]
 * </pre>
 *
 * Both retractions go through the exponential map, so every step stays inside the ball; when tanh rounds to 1 (a
 * hyperbolic step longer than about 38), the result is pulled back to radius 1 - 1e-15. exp_x(u) = x + u
 * - Gamma_x(u, u) / 2 + O(|u|^3), so {@code ito} is x + v + O(|v|^3) in coordinates: noise through it has exactly
 * the Ito drift T div K and Euler-Maruyama samples the Gibbs law. The bare exponential map ({@code exp}, a geodesic
 * step) adds the drift -T Gamma:K under noise, so it refuses noise. The hyperbolic distance is
 * d(x, y) = arccosh(1 + 2 |x - y|^2 / ((1 - |x|^2)(1 - |y|^2))).
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
        return "hyperbolic metric of the Poincare ball: K = ((1 - |x|^2)^2 / 4) I, retraction through the"
                + " exponential map";
    }

    @Override
    public String formula() {
        return "g = (2/(1-|x|^2))^2 I,  K = (1-|x|^2)^2/4 I,  S = (1-|x|^2)/2 I,  div K = -(1-|x|^2) x;"
                + "  R_x(v) = exp_x(v + Gamma(v,v)/2) [ito] or exp_x(v) [exp],"
                + " exp_x(u) = x (+) tanh(|u|/(1-|x|^2)) u/|u|  (Moebius addition)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(SpaceKinds.POINCARE_BALL);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.choice("retraction", List.of("ito", "exp"), "how a state moves: ito"
                + " exp_x(v + Gamma(v,v)/2), right to second order in coordinates, for noise; exp the exponential map"
                + " (a geodesic step), first order in coordinates, refuses noise"));
    }

    @Override
    public Metric create(Parameters parameters, Space space) {
        return parameters.text("retraction").equals("exp") ? PoincareMetric.GEODESIC : PoincareMetric.ITO;
    }

    /** Stateless. */
    enum PoincareMetric implements Metric {
        /** exp_x(v + Gamma_x(v, v) / 2). */
        ITO,
        /** exp_x(v). */
        GEODESIC;

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
            if (this == GEODESIC) {
                throw new ConfigurationException("metric 'poincare' with retraction=exp is a geodesic step, right to"
                        + " first order in coordinates only: noise through it adds the drift -T Gamma:K beside the Ito"
                        + " drift T div K, so it refuses noise; use retraction=ito");
            }
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
            if (this == GEODESIC) {
                exp(x, v, out);
                return;
            }
            // u = v + Gamma(v, v) / 2 into out, then exp_x(u) in place (exp reads u before it writes)
            int d = x.length;
            double q = 1 - squaredNorm(x);
            double xv = 0;
            double vv = 0;
            for (int i = 0; i < d; i++) {
                xv += x[i] * v[i];
                vv += v[i] * v[i];
            }
            for (int i = 0; i < d; i++) {
                out[i] = v[i] + (2 * xv * v[i] - vv * x[i]) / q;
            }
            exp(x, out, out);
        }

        /** out = exp_x(v); {@code out} may be {@code v}. */
        private static void exp(double[] x, double[] v, double[] out) {
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
