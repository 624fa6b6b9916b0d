package org.varflow.models.testfunctions;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.varflow.api.BlockGradient;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * The separable (tilted) double well on R^d
 *
 * <pre>
 *   E(x) = sum_i (x_i^2 - 1)^2 / 4 - tilt * sum_i x_i
 *   dE(x)_i = x_i (x_i^2 - 1) - tilt
 *   Hess E(x) = diag(3 x_i^2 - 1)
 * </pre>
 *
 * The sum runs over every coordinate i = 1..d and the same tilt is applied to each. Untilted, every coordinate has
 * two minima x_i = -1 and x_i = +1 with E = 0, separated by a barrier of height 1/4 at x_i = 0 (a saddle or, for all
 * coordinates at once, the maximum E = d/4): the 2^d corners of {-1, 1}^d are the minima. A tilt t lowers the
 * well on the side of sign(t); the wells survive while |t| &lt; 2 / (3 sqrt 3) ~ 0.385 (beyond that the cubic
 * x^3 - x = t has a single real root and only one well is left).
 *
 * <p>The standard example of metastability: gradient descent stays in the well it starts in, while Langevin dynamics
 * crosses the barrier at the Arrhenius / Kramers rate ~ exp(-beta * 1/4) per coordinate and samples both wells.
 */
public final class DoubleWellEnergyFactory implements EnergyFactory {

    @Override
    public String id() {
        return "double-well";
    }

    @Override
    public String summary() {
        return "separable double well sum_i (x_i^2 - 1)^2 / 4 - tilt sum_i x_i: minima at x_i = +-1, barrier 1/4";
    }

    @Override
    public String formula() {
        return "E(x) = sum_{i=1..d} (x_i^2 - 1)^2 / 4 - tilt * sum_{i=1..d} x_i,  grad_i E = x_i (x_i^2 - 1) - tilt,"
                + "  Hess E = diag(3 x_i^2 - 1)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.real("tilt", 0, -Double.MAX_VALUE, Double.MAX_VALUE,
                "linear tilt t added as -t * sum_i x_i to every coordinate; t > 0 favours the well at +1"
                        + " (two wells while |t| < 0.385)"));
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        return new DoubleWell(parameters.real("tilt"));
    }

    /** E(x) = sum_i (x_i^2 - 1)^2 / 4 - tilt * x_i; separable, so a run's gradients are one loop. */
    private record DoubleWell(double tilt) implements BlockGradient {

        @Override
        public double value(double[] x) {
            double e = 0;
            for (double xi : x) {
                double s = xi * xi - 1;
                e += 0.25 * s * s - tilt * xi;
            }
            return e;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            for (int i = 0; i < x.length; i++) {
                out[i] = x[i] * (x[i] * x[i] - 1) - tilt;
            }
        }

        @Override
        public void gradients(double[] xs, int count, int d, double[] out) {
            int length = count * d;
            for (int k = 0; k < length; k++) {
                double xk = xs[k];
                out[k] = xk * (xk * xk - 1) - tilt;
            }
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            double e = 0;
            for (int i = 0; i < x.length; i++) {
                double xi = x[i];
                double s = xi * xi - 1;
                e += 0.25 * s * s - tilt * xi;
                gradient[i] = xi * s - tilt;
            }
            return e;
        }

        @Override
        public void hessian(double[] x, double[] out) {
            int d = x.length;
            Arrays.fill(out, 0, d * d, 0.0);
            for (int i = 0; i < d; i++) {
                out[i * d + i] = 3 * x[i] * x[i] - 1;
            }
        }
    }
}
