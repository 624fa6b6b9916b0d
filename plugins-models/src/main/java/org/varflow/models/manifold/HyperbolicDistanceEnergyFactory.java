package org.varflow.models.manifold;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceKinds;

/**
 * The Frechet (Karcher) variance of anchor points a_1..a_m in the Poincare ball,
 *
 * <pre>
 *   E(x) = (1 / 2m) sum_j d(x, a_j)^2,   d(x, a) = arccosh(1 + 2 |x - a|^2 / ((1 - |x|^2)(1 - |a|^2)))
 * </pre>
 *
 * the hyperbolic distance d; its minimiser is the hyperbolic (Frechet) mean of the anchors. With one anchor the
 * Riemannian gradient of d^2/2 is minus the logarithm map, of length d, so under the Poincare metric the exact flow
 * runs along the geodesic to the anchor with d(x(t), a) = d(x0, a) e^{-t}. E = +infinity outside the ball.
 */
public final class HyperbolicDistanceEnergyFactory implements EnergyFactory {
    static final String OWNER = "energy 'hyperbolic-distance'";

    @Override
    public String id() {
        return "hyperbolic-distance";
    }

    @Override
    public String summary() {
        return "Frechet variance (1/2m) sum_j d_H(x, a_j)^2 in the Poincare ball; one anchor: d(t) = d0 e^-t";
    }

    @Override
    public String formula() {
        return "E(x) = (1/2m) sum_j d(x, a_j)^2,  d(x, a) = arccosh(1 + 2|x-a|^2 / ((1-|x|^2)(1-|a|^2)))"
                + "  (anchors a_j: rows of 'anchors', default the origin)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(SpaceKinds.POINCARE_BALL);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.matrix("anchors", "anchor points a_j inside the ball, one per row (default: the"
                + " origin)"));
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        int d = space.dimension();
        double[][] anchors = parameters.has("anchors") ? parameters.matrix("anchors") : new double[][] {new double[d]};
        double[] flat = new double[anchors.length * d];
        for (int j = 0; j < anchors.length; j++) {
            if (anchors[j].length != d) {
                throw new ConfigurationException(OWNER + ": anchor " + (j + 1) + " has " + anchors[j].length
                        + " coordinates but the space has dimension " + d);
            }
            double r = 0;
            for (int i = 0; i < d; i++) {
                r += anchors[j][i] * anchors[j][i];
                flat[j * d + i] = anchors[j][i];
            }
            if (!(r < 1)) {
                throw new ConfigurationException(OWNER + ": anchor " + (j + 1) + " has norm " + Math.sqrt(r)
                        + "; anchors must lie inside the ball |a| < 1");
            }
        }
        return new FrechetVariance(flat, anchors.length, d);
    }

    /** (1/2m) sum_j d(x, a_j)^2. */
    record FrechetVariance(double[] anchors, int m, int d) implements Energy {

        @Override
        public double value(double[] x) {
            double xx = 0;
            for (int i = 0; i < d; i++) {
                xx += x[i] * x[i];
            }
            if (!(xx < 1)) {
                return Double.POSITIVE_INFINITY;
            }
            double e = 0;
            for (int j = 0; j < m; j++) {
                double dist = distance(x, xx, j);
                e += dist * dist;
            }
            return e / (2 * m);
        }

        private double distance(double[] x, double xx, int j) {
            double aa = 0;
            double diff = 0;
            for (int i = 0; i < d; i++) {
                double a = anchors[j * d + i];
                aa += a * a;
                diff += (x[i] - a) * (x[i] - a);
            }
            double delta = 2 * diff / ((1 - xx) * (1 - aa));
            return Math.log1p(delta + Math.sqrt(delta * (2 + delta)));
        }

        @Override
        public void gradient(double[] x, double[] out) {
            double xx = 0;
            for (int i = 0; i < d; i++) {
                xx += x[i] * x[i];
                out[i] = 0;
            }
            if (!(xx < 1)) {
                java.util.Arrays.fill(out, 0, d, Double.NaN);
                return;
            }
            double alpha = 1 - xx;
            for (int j = 0; j < m; j++) {
                double aa = 0;
                double diff = 0;
                for (int i = 0; i < d; i++) {
                    double a = anchors[j * d + i];
                    aa += a * a;
                    diff += (x[i] - a) * (x[i] - a);
                }
                double beta = 1 - aa;
                double delta = 2 * diff / (alpha * beta);
                double root = Math.sqrt(delta * (2 + delta));
                double dist = Math.log1p(delta + root);
                double ratio = root == 0 ? 1.0 : dist / root; // d / sqrt(u^2 - 1) -> 1 as x -> a
                // grad delta = (4 / (alpha beta)) [ (x - a) + |x - a|^2 x / alpha ]
                double k = ratio * 4 / (alpha * beta) / m;
                for (int i = 0; i < d; i++) {
                    out[i] += k * ((x[i] - anchors[j * d + i]) + diff * x[i] / alpha);
                }
            }
        }
    }
}
