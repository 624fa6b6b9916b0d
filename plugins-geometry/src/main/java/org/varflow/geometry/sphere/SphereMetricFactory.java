package org.varflow.geometry.sphere;

import java.util.List;
import java.util.Set;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceKinds;

/**
 * The round metric of the unit sphere S^{d-1}, induced by R^d, in ambient coordinates. Its Onsager operator is the
 * orthogonal projection onto the tangent space T_x S = { v : x.v = 0 }:
 *
 * <pre>
 *   K(x) = I - x x^T / |x|^2       (= I - x x^T on the sphere; the 0-homogeneous extension off it)
 *   Riemannian gradient  grad E = K(x) dE(x) = dE - (x.dE) x
 *   S(x) = K(x)                    (a projection: K K^T = K)
 *   div K(x) = -(d - 1) x / |x|^2  (the Ito drift that keeps Brownian motion on the sphere)
 * </pre>
 *
 * Retractions ({@code retraction}): {@code normalize} R_x(v) = (x + v) / |x + v| (the metric projection, second
 * order), or {@code exp}, the exponential map R_x(v) = cos|v| x + sin|v| v/|v| along the great circle (v first
 * projected onto T_x S). Both renormalise their result, so runs stay on the sphere to rounding (|x| = 1 +- 1e-15).
 */
public final class SphereMetricFactory implements MetricFactory {

    @Override
    public String id() {
        return "sphere";
    }

    @Override
    public String summary() {
        return "round metric of the unit sphere: K(x) = I - x x^T (tangent projection), normalize or exp retraction";
    }

    @Override
    public String formula() {
        return "K(x) = I - x x^T/|x|^2,  S = K,  div K = -(d-1) x/|x|^2;"
                + "  R_x(v) = (x+v)/|x+v|  or  cos|v| x + sin|v| v/|v|";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(SpaceKinds.SPHERE);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.choice("retraction", List.of("normalize", "exp"),
                "how a state moves along a velocity: normalize (x+v)/|x+v|, or exp (along the great circle)"));
    }

    @Override
    public Metric create(Parameters parameters, Space space) {
        return new SphereMetric(parameters.text("retraction").equals("exp"));
    }

    /** K = I - x x^T / |x|^2. Stateless. */
    record SphereMetric(boolean exponential) implements Metric {

        @Override
        public void raise(double[] x, double[] covector, double[] out) {
            int d = x.length;
            double xx = 0;
            double xc = 0;
            for (int i = 0; i < d; i++) {
                xx += x[i] * x[i];
                xc += x[i] * covector[i];
            }
            double s = xc / xx;
            for (int i = 0; i < d; i++) {
                out[i] = covector[i] - s * x[i];
            }
        }

        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            raise(x, xi, out);
        }

        @Override
        public void divergence(double[] x, double[] out) {
            int d = x.length;
            double xx = 0;
            for (int i = 0; i < d; i++) {
                xx += x[i] * x[i];
            }
            double s = -(d - 1) / xx;
            for (int i = 0; i < d; i++) {
                out[i] = s * x[i];
            }
        }

        @Override
        public void retract(double[] x, double[] v, double[] out) {
            int d = x.length;
            if (exponential) {
                double xx = 0;
                double xv = 0;
                for (int i = 0; i < d; i++) {
                    xx += x[i] * x[i];
                    xv += x[i] * v[i];
                }
                double s = xv / xx;
                double vv = 0;
                for (int i = 0; i < d; i++) {
                    double t = v[i] - s * x[i];
                    vv += t * t;
                }
                double norm = Math.sqrt(vv);
                double r = Math.sqrt(xx);
                // unit-speed great circle through x/|x| with direction t/|t|; t = v - (x.v/|x|^2) x is tangent
                double c = Math.cos(norm);
                double sinc = norm == 0 ? 1.0 : Math.sin(norm) / norm;
                for (int i = 0; i < d; i++) {
                    out[i] = c * x[i] / r + sinc * (v[i] - s * x[i]);
                }
            } else {
                for (int i = 0; i < d; i++) {
                    out[i] = x[i] + v[i];
                }
            }
            double nn = 0;
            for (int i = 0; i < d; i++) {
                nn += out[i] * out[i];
            }
            double inv = 1.0 / Math.sqrt(nn);
            for (int i = 0; i < d; i++) {
                out[i] *= inv;
            }
        }
    }
}
