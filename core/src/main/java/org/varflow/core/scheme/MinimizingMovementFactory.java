package org.varflow.core.scheme;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConstantMetric;
import org.varflow.api.Energy;
import org.varflow.api.Flow;
import org.varflow.api.Metric;
import org.varflow.api.NumericalException;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.RandomStream;
import org.varflow.api.Scheme;
import org.varflow.api.SchemeFactory;
import org.varflow.api.Space;
import org.varflow.api.StepContext;
import org.varflow.api.linalg.Lu;

/**
 * Minimizing movement (proximal point, implicit Euler) in the metric g = K^-1 frozen at the current point:
 *
 * <pre>
 *   x_{k+1} = argmin_y  E(y) + (y - x_k)^T g(x_k) (y - x_k) / 2h
 * </pre>
 *
 * solved by damped Newton on the optimality condition r(y) = y - x_k + h K(x_k) dE(y) = 0, with Jacobian
 * I + h K(x_k) Hess E(y) and backtracking on |r|. The inner solve stops when
 * max_i |r_i(y)| &lt;= tolerance (1 + max_i |x_k,i|), and fails with a {@link NumericalException} after
 * {@code maxIterations}. On a quadratic E = x^T A x / 2 - b^T x with K = I, one Newton step is exact:
 * x_{k+1} = (I + hA)^-1 (x_k + h b). Unconditionally stable for convex E; first order in h.
 */
public final class MinimizingMovementFactory implements SchemeFactory {
    /** Largest dimension for the dense Newton solve. */
    public static final int MAX_DIMENSION = 2000;

    @Override
    public String id() {
        return "minimizing-movement";
    }

    @Override
    public String summary() {
        return "minimizing movement (proximal / implicit Euler), solved by Newton to a stated tolerance";
    }

    @Override
    public String formula() {
        return "x_{k+1} = argmin_y E(y) + |y - x_k|^2_{g(x_k)} / 2h";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.real("tolerance", 1e-12, 1e-16, 1e-2,
                        "inner solve stops when max |y - x_k + h K dE(y)| <= tolerance (1 + max |x_k|)"),
                Parameter.integer("maxIterations", 100, 1, 100_000, "Newton iterations allowed per step"));
    }

    @Override
    public Scheme create(Parameters parameters, Flow flow) {
        Space space = flow.space();
        if (space.dimension() > MAX_DIMENSION) {
            throw new org.varflow.api.ConfigurationException("scheme 'minimizing-movement' solves a dense d x d"
                    + " Newton system per step; the space has dimension " + space.dimension() + ", more than "
                    + MAX_DIMENSION + "; use scheme 'euler' or 'dormand-prince'");
        }
        double tolerance = parameters.real("tolerance");
        int maxIterations = (int) parameters.integer("maxIterations");
        return blockFlow -> new ProximalStepper(blockFlow, tolerance, maxIterations);
    }

    /** Per-block Newton solver with its scratch. */
    private static final class ProximalStepper implements Scheme.Stepper {
        private static final int MAX_HALVINGS = 40;
        private final Energy energy;
        private final Metric metric;
        private final double tolerance;
        private final int maxIterations;
        private final int d;
        private final double[] k;       // K(x_k), row-major
        private final double[] hess;
        private final double[] jac;
        private final double[] y;
        private final double[] trial;
        private final double[] r;
        private final double[] delta;
        private final double[] grad;
        private final double[] kg;
        private final double[] unit;
        private boolean kCached;
        private boolean gradientBroken;

        ProximalStepper(Flow flow, double tolerance, int maxIterations) {
            this.energy = flow.energy();
            this.metric = flow.metric();
            this.tolerance = tolerance;
            this.maxIterations = maxIterations;
            this.d = flow.dimension();
            this.k = new double[d * d];
            this.hess = new double[d * d];
            this.jac = new double[d * d];
            this.y = new double[d];
            this.trial = new double[d];
            this.r = new double[d];
            this.delta = new double[d];
            this.grad = new double[d];
            this.kg = new double[d];
            this.unit = new double[d];
        }

        @Override
        public void step(double[] x, double[] aux, StepContext step, RandomStream rng) {
            double h = step.dt();
            loadK(x);
            System.arraycopy(x, 0, y, 0, d);
            double scale = 1.0;
            for (double v : x) {
                scale = Math.max(scale, 1.0 + Math.abs(v));
            }
            double limit = tolerance * scale;
            double norm = residual(x, y, h, r);
            for (int it = 0; ; it++) {
                if (norm <= limit) {
                    System.arraycopy(y, 0, x, 0, d);
                    return;
                }
                if (gradientBroken) {
                    throw new NumericalException("minimizing movement: the energy's gradient is not finite at a Newton"
                            + " iterate" + (d <= 8 ? " " + java.util.Arrays.toString(y) : ""),
                            org.varflow.api.PartKind.ENERGY);
                }
                if (it == maxIterations || !Double.isFinite(norm)) {
                    throw new NumericalException("minimizing movement: the inner Newton solve stopped after " + it
                            + " iterations with residual " + norm + " > " + limit
                            + "; raise scheme.maxIterations or take a smaller dt (now " + h + ")");
                }
                // Newton direction: (I + h K H) delta = -r
                energy.hessian(y, hess);
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        double s = 0;
                        for (int m = 0; m < d; m++) {
                            s += k[i * d + m] * hess[m * d + j];
                        }
                        jac[i * d + j] = h * s + (i == j ? 1.0 : 0.0);
                    }
                    delta[i] = -r[i];
                }
                if (!Lu.solveInPlace(jac, delta, d)) {
                    // singular Newton system (non-convex E and large h): fall back to the residual direction
                    for (int i = 0; i < d; i++) {
                        delta[i] = -r[i];
                    }
                }
                double lambda = 1.0;
                double next = Double.NaN;
                for (int halving = 0; halving < MAX_HALVINGS; halving++) {
                    for (int i = 0; i < d; i++) {
                        trial[i] = y[i] + lambda * delta[i];
                    }
                    next = residual(x, trial, h, kg);
                    if (next < norm) {
                        break;
                    }
                    lambda *= 0.5;
                }
                if (!(next < norm) && gradientBroken) {
                    throw new NumericalException("minimizing movement: the energy's gradient is not finite along the"
                            + " Newton direction from " + (d <= 8 ? java.util.Arrays.toString(y) : "the iterate"),
                            org.varflow.api.PartKind.ENERGY);
                }
                if (!(next < norm)) {
                    throw new NumericalException("minimizing movement: no decrease of the optimality residual "
                            + norm + " along the Newton direction; take a smaller dt (now " + h + ")");
                }
                System.arraycopy(trial, 0, y, 0, d);
                System.arraycopy(kg, 0, r, 0, d);
                norm = next;
            }
        }

        /** out = y - x + h K dE(y); returns its max norm. */
        private double residual(double[] x, double[] yy, double h, double[] out) {
            energy.gradient(yy, grad);
            gradientBroken = false;
            for (int i = 0; i < d; i++) {
                if (!Double.isFinite(grad[i])) {
                    gradientBroken = true;
                }
            }
            double norm = 0;
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int m = 0; m < d; m++) {
                    s += k[i * d + m] * grad[m];
                }
                out[i] = yy[i] - x[i] + h * s;
                norm = Math.max(norm, Math.abs(out[i]));
            }
            return Double.isNaN(norm) ? Double.POSITIVE_INFINITY : norm;
        }

        /** K(x) as a matrix, column by column (once per run when K is constant). */
        private void loadK(double[] x) {
            if (kCached) {
                return;
            }
            for (int j = 0; j < d; j++) {
                unit[j] = 1.0;
                metric.raise(x, unit, kg);
                unit[j] = 0.0;
                for (int i = 0; i < d; i++) {
                    k[i * d + j] = kg[i];
                }
            }
            kCached = metric instanceof ConstantMetric;
        }
    }
}
