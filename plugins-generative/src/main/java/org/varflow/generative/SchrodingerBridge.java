package org.varflow.generative;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.varflow.ot.ExactOT;
import org.varflow.ot.Sinkhorn;
import org.varflow.ot.SinkhornResult;

/**
 * The Schrödinger bridge between two sample sets, static and dynamic.
 *
 * <h2>Static: entropic optimal transport</h2>
 * For uniform weights a, b on clouds x_1..x_n and y_1..y_m and C_ij = |x_i - y_j|^2,
 * <pre>
 *   pi_eps = argmin { &lt;C, P&gt; + eps KL(P | a (x) b) : P 1 = a, P^T 1 = b },   P_ij = a_i b_j exp((f_i + g_j -
 * C_ij) / eps),
 * </pre>
 * computed by ot's log-domain {@link Sinkhorn}: alternately making the row and the column marginals exact is
 * iterative proportional fitting, i.e. alternating KL projections onto the two marginal constraints. Equivalently
 * pi_eps minimises KL(P | R) with R_ij proportional to a_i b_j exp(-C_ij / eps): the endpoint law of Brownian motion
 * with variance sigma^2 = eps / 2 per unit time (its transition density is proportional to
 * exp(-|x - y|^2 / 2 sigma^2)), so eps plays the temperature. As eps -&gt; 0 the transport cost &lt;C, pi_eps&gt;
 * decreases to the exact OT cost min &lt;C, P&gt; ({@link ExactOT}); it is non-decreasing in eps.
 *
 * <h2>Dynamic: a mixture of Brownian bridges</h2>
 * The bridge path measure is R conditioned on its ends, mixed over pi_eps: draw (i, j) ~ pi_eps, then
 * <pre>
 *   X_t = (1 - t) x_i + t y_j + sigma sqrt(t (1 - t)) Z,   sigma^2 = eps / 2,   Z ~ N(0, I).
 * </pre>
 * Its time-t marginal has mean (1 - t) E x + t E y (exactly, for any coupling with the right marginals) and
 * covariance (1 - t)^2 Sigma_x + t^2 Sigma_y + t (1 - t) (Cov(x, y) + Cov(y, x) + sigma^2 I).
 *
 * <h2>Gaussian closed form</h2>
 * Between N(m_0, A) and N(m_1, B) the entropic plan is Gaussian with cross-covariance (Janati et al. 2020; Mallasto
 * et al. 2021; here with their sigma^2 = eps / 2)
 * <pre>
 *   Cov(x, y) = (1/2) A^1/2 D A^-1/2 - (sigma^2 / 2) I,   D = (4 A^1/2 B A^1/2 + sigma^4 I)^1/2,
 * </pre>
 * in 1-D c = (sqrt(16 a b + eps^2) - eps) / 4: the cross-precision of the plan is -2/eps, as exp(2 x y / eps) says.
 */
public final class SchrodingerBridge {

    private SchrodingerBridge() {
    }

    /**
     * Transport costs of the entropic plans against the exact OT cost.
     *
     * @param epsilons       the regularisations, in the order given
     * @param costs          &lt;C, pi_eps&gt; per eps
     * @param objectives     &lt;C, pi_eps&gt; + eps KL(pi_eps | a (x) b) per eps
     * @param iterations     Sinkhorn iterations per eps
     * @param marginalErrors L1 marginal violations of the returned plans
     * @param exactCost      min &lt;C, P&gt; by the network simplex
     */
    public record Result(double[] epsilons, double[] costs, double[] objectives, int[] iterations,
                         double[] marginalErrors, double exactCost) {
        public Result {
            epsilons = epsilons.clone();
            costs = costs.clone();
            objectives = objectives.clone();
            iterations = iterations.clone();
            marginalErrors = marginalErrors.clone();
        }

        /** The gaps &lt;C, pi_eps&gt; - exact cost, per eps. */
        public double[] gaps() {
            double[] g = new double[costs.length];
            for (int k = 0; k < g.length; k++) {
                g[k] = costs[k] - exactCost;
            }
            return g;
        }

        @Override
        public double[] epsilons() {
            return epsilons.clone();
        }

        @Override
        public double[] costs() {
            return costs.clone();
        }

        @Override
        public double[] objectives() {
            return objectives.clone();
        }

        @Override
        public int[] iterations() {
            return iterations.clone();
        }

        @Override
        public double[] marginalErrors() {
            return marginalErrors.clone();
        }

        @Override
        public String toString() {
            return "SchrodingerBridge.Result[epsilons=" + java.util.Arrays.toString(epsilons) + ", costs="
                    + java.util.Arrays.toString(costs) + ", exactCost=" + exactCost + "]";
        }
    }

    /** The default regularisations of the demonstration: 1, 0.3, 0.1, 0.03, 0.01, 0.003. */
    public static double[] defaultEpsilons() {
        return new double[] {1, 0.3, 0.1, 0.03, 0.01, 0.003};
    }

    /** The demonstration source: n points of N((0, 0), diag(1, 0.25)). */
    public static double[] demoSource(int n, long seed) {
        return gaussian(n, new double[] {0, 0}, new double[] {1, 0, 0, 0.25}, new SplittableRandom(seed));
    }

    /** The demonstration target: m points of the 2-D mixture {@link DiffusedGaussianMixture#demo2d()}. */
    public static double[] demoTarget(int m, long seed) {
        return DiffusedGaussianMixture.demo2d().sample(m, new SplittableRandom(seed).split());
    }

    /**
     * The preset's demonstration: 200 points of {@link #demoSource} to 240 of {@link #demoTarget} over
     * {@link #defaultEpsilons()}.
     */
    public static Result demo(long seed) {
        return run(demoSource(200, seed), demoTarget(240, seed), 2, defaultEpsilons());
    }

    /** Entropic plans for every eps and the exact plan between two clouds (row-major, dimension d). */
    public static Result run(double[] x, double[] y, int d, double[] epsilons) {
        if (d < 1 || x.length == 0 || y.length == 0 || x.length % d != 0 || y.length % d != 0) {
            throw new IllegalArgumentException("schrodinger bridge: clouds of " + x.length + " and " + y.length
                    + " coordinates do not form non-empty rows of dimension " + d);
        }
        int e = epsilons.length;
        double[] costs = new double[e];
        double[] objectives = new double[e];
        int[] iterations = new int[e];
        double[] errors = new double[e];
        for (int k = 0; k < e; k++) {
            SinkhornResult r = new Sinkhorn(checkEpsilon(epsilons[k])).squaredEuclidean(x, y, d);
            costs[k] = r.cost();
            objectives[k] = r.objective();
            iterations[k] = r.iterations();
            errors[k] = r.marginalError();
        }
        return new Result(epsilons, costs, objectives, iterations, errors, ExactOT.squaredEuclidean(x, y, d).cost());
    }

    /**
     * Samples of the bridge at time t: k paths, each a pair (i, j) drawn from the plan and a Brownian-bridge point.
     *
     * @param plan the coupling, row-major n x m (e.g. {@link SinkhornResult#plan()}), total mass 1
     * @return row-major k x d
     */
    public static double[] sampleAt(double[] x, double[] y, int d, double[] plan, double epsilon, double t, int k,
                                    RandomGenerator rng) {
        checkEpsilon(epsilon);
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("schrodinger bridge: t = " + t + " is not valid; expected t in [0, 1]");
        }
        int n = x.length / d;
        int m = y.length / d;
        if (plan.length != n * m) {
            throw new IllegalArgumentException("schrodinger bridge: plan of length " + plan.length + " for " + n
                    + " x " + m + " points");
        }
        double[] cumulative = new double[plan.length];
        double acc = 0;
        for (int q = 0; q < plan.length; q++) {
            acc += plan[q];
            cumulative[q] = acc;
        }
        double spread = Math.sqrt(epsilon / 2 * t * (1 - t));
        double[] out = new double[k * d];
        for (int p = 0; p < k; p++) {
            double u = rng.nextDouble() * acc;
            int q = java.util.Arrays.binarySearch(cumulative, u);
            q = q >= 0 ? Math.min(q + 1, plan.length - 1) : Math.min(-q - 1, plan.length - 1);
            int i = q / m;
            int j = q % m;
            for (int c = 0; c < d; c++) {
                out[p * d + c] = (1 - t) * x[i * d + c] + t * y[j * d + c] + spread * rng.nextGaussian();
            }
        }
        return out;
    }

    /**
     * The cross-covariance Cov(x, y) of the entropic plan between N(., A) and N(., B) in 2-D (closed form above).
     *
     * @param a A, row-major 2 x 2, symmetric positive definite
     * @param b B, likewise
     * @return row-major 2 x 2
     */
    public static double[] gaussianCrossCovariance2d(double[] a, double[] b, double epsilon) {
        double s2 = checkEpsilon(epsilon) / 2;
        double[] ah = sqrt2(a);
        double[] ahInv = inverse2(ah);
        double[] inner = mul2(mul2(ah, b), ah);
        for (int q = 0; q < 4; q++) {
            inner[q] *= 4;
        }
        inner[0] += s2 * s2;
        inner[3] += s2 * s2;
        double[] dm = sqrt2(inner);
        double[] c = mul2(mul2(ah, dm), ahInv);
        for (int q = 0; q < 4; q++) {
            c[q] *= 0.5;
        }
        c[0] -= s2 / 2;
        c[3] -= s2 / 2;
        return c;
    }

    private static double checkEpsilon(double epsilon) {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("schrodinger bridge: epsilon = " + epsilon
                    + " is not valid; expected a finite real number > 0");
        }
        return epsilon;
    }

    static double[] gaussian(int n, double[] mean, double[] cov, RandomGenerator rng) {
        int d = mean.length;
        double l11 = Math.sqrt(cov[0]);
        double l21 = d == 2 ? cov[2] / l11 : 0;
        double l22 = d == 2 ? Math.sqrt(cov[3] - l21 * l21) : 0;
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            double z1 = rng.nextGaussian();
            out[i * d] = mean[0] + l11 * z1;
            if (d == 2) {
                out[i * d + 1] = mean[1] + l21 * z1 + l22 * rng.nextGaussian();
            }
        }
        return out;
    }

    /**
     * The symmetric positive definite square root of a 2 x 2 SPD matrix: (M + sqrt(det) I) / sqrt(tr + 2 sqrt(det)).
     */
    static double[] sqrt2(double[] mtx) {
        double s = Math.sqrt(mtx[0] * mtx[3] - mtx[1] * mtx[2]);
        double t = Math.sqrt(mtx[0] + mtx[3] + 2 * s);
        return new double[] {(mtx[0] + s) / t, mtx[1] / t, mtx[2] / t, (mtx[3] + s) / t};
    }

    static double[] inverse2(double[] mtx) {
        double det = mtx[0] * mtx[3] - mtx[1] * mtx[2];
        return new double[] {mtx[3] / det, -mtx[1] / det, -mtx[2] / det, mtx[0] / det};
    }

    static double[] mul2(double[] p, double[] q) {
        return new double[] {p[0] * q[0] + p[1] * q[2], p[0] * q[1] + p[1] * q[3], p[2] * q[0] + p[3] * q[2],
                p[2] * q[1] + p[3] * q[3]};
    }
}
