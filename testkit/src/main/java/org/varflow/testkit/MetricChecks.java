package org.varflow.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.varflow.api.ConstantMetric;
import org.varflow.api.ConstrainedSpace;
import org.varflow.api.Metric;
import org.varflow.api.PoissonMetric;
import org.varflow.api.Space;

/**
 * The check kit for metric authors (what {@code varflow check METRIC-ID} runs), in the spirit of Manopt's
 * checkgradient / checkretraction. At seeded sample points x - the space's initial state and the states of a random
 * walk x_{k+1} = R_{x_k}(v_k), v_k = sigma K(x_k) xi_k (+ J xi_k), made with the metric's own retraction - it checks
 *
 * <pre>
 *   K(x) symmetric                   max |K - K^T| &lt;= 1e-10 max(1, |K|)         (K column j = raise(x, e_j))
 *   K(x) positive (semi-)definite    eigenvalues &gt;= -1e-10 max|lambda|, rank = the space's tangent dimension (d,
 *                                    or a {@link ConstrainedSpace}'s declared one: d - 1 on sphere and simplex) and
 *                                    K = P K P with P the space's tangent projection (velocities are tangent); rank
 *                                    not checked for metrics with a Poisson part or on measure spaces
 *   S S^T = K                        max |S S^T - K| &lt;= 1e-10 max(1, |K|)      (S column j = sqrtRaise(x, e_j))
 *   div K                            matches central differences of K to 1e-6 max(1, |K|, |div|); zero (and K the
 *                                    same at every point) when the metric says it is constant
 *   J(x) antisymmetric               (only when the metric has a Poisson part) max |J + J^T| &lt;= 1e-10 max(1, |J|)
 *   retraction first order           e(t) = |R_x(t v) - x - t v|, t = 1e-2 / 2^j (j = 0..3), v a unit velocity K w /
 *                                    |K w|: exact (e &lt;= 1e-9 t) or fitted order log2 e(t)/e(t/2) &gt;= 1.8
 *   stochastic retraction            the Euler-Maruyama step at E = 0, y = R_x(h T div K + sqrt(2 h T) S xi), has
 *                                    E[y - x] = h T div K + o(h) and Cov[y - x] = 2 h T K + o(h): T = 1,
 *                                    h = 1e-6 / max|K|, 4000 antithetic pairs (xi, -xi), so the mean's error is the
 *                                    retraction's second-order term alone; within 5 standard errors + twice the change
 *                                    from h to h/4 with the same xi (the O(h) bias) + 1e-6 max(1, |K|, |div K|). A
 *                                    retraction right to first order only adds an Ito drift here
 *   states stay on the space         a 100-step walk and noise steps R_x(sqrt(2 h) S xi), h max|K| = 1e-4 ... 1e-2,
 *                                    |xi| up to 6, stay in the space ({@link ConstrainedSpace#contains}); finite on
 *                                    spaces that declare no constraint
 *   shared instance thread-safe      raise, sqrtRaise, retract of one instance from 4 threads at once (as the runner
 *                                    steps particles) give bitwise the results it gives alone, at 8 sample points
 *   hot methods allocate nothing     raise, sqrtRaise, retract, 200 calls each after warm-up (WARN only)
 * </pre>
 *
 * {@link MetricContract} runs the same checks as JUnit 5 tests, for a plugin's own test suite.
 */
public final class MetricChecks {
    static final double ALGEBRA = 1e-10;
    static final double DIVERGENCE = 1e-6;
    static final double ORDER = 1.8;
    static final double ON_SPACE = 1e-12;
    public static final String STOCHASTIC_CHECK = "stochastic retraction: Ito-consistent noise step";
    public static final String THREADS_CHECK = "shared instance thread-safe";

    private MetricChecks() {
    }

    /** Runs every check of {@code metric} on {@code space} at {@code points} walk points plus the initial state. */
    public static List<CheckResult> run(Metric metric, Space space, int points, long seed) {
        List<CheckResult> out = new ArrayList<>();
        List<double[]> xs = new ArrayList<>();
        try {
            xs.addAll(walk(metric, space, seed, points, 0.3));
        } catch (RuntimeException e) {
            out.add(new CheckResult("sample points (random walk with the retraction)", CheckResult.Status.FAIL,
                    "threw " + e, "no exception"));
            xs.clear();
            xs.add(space.initialState());
        }
        out.add(guard("K(x) symmetric", () -> symmetric(metric, xs)));
        out.add(guard("K(x) positive definite on the tangent space", () -> positive(metric, space, xs,
                expectedRank(metric, space))));
        String noNoise = noiseRefusal(metric, xs.get(0));
        if (noNoise == null) {
            out.add(guard("sqrtRaise: S S^T = K", () -> squareRoot(metric, xs)));
            out.add(guard("div K = finite differences of K", () -> divergence(metric, xs)));
        } else {
            // K^{1/2} and div K exist only to scale noise and its Ito correction; a metric that refuses noise on
            // this space (grid densities carry their entropy in the free energy instead) has neither to check
            out.add(new CheckResult("sqrtRaise: S S^T = K", CheckResult.Status.SKIP, noNoise, ""));
            out.add(new CheckResult("div K = finite differences of K", CheckResult.Status.SKIP, "no noise here", ""));
        }
        if (metric instanceof PoissonMetric) {
            out.add(guard("J(x) antisymmetric", () -> antisymmetric(metric, xs)));
        }
        out.add(guard("retraction first order: R_x(tv) = x + tv + O(t^2)", () -> retraction(metric, xs, seed)));
        if (noNoise == null) {
            out.add(guard(STOCHASTIC_CHECK, () -> stochasticRetraction(metric, xs, seed)));
        } else {
            out.add(CheckResult.skip(STOCHASTIC_CHECK, "no noise here"));
        }
        out.add(guard("states stay on the space", () -> staysOnSpace(metric, space, seed)));
        out.add(guard(THREADS_CHECK, () -> threadSafety(metric, xs, noNoise == null)));
        out.add(guard("raise, sqrtRaise, retract allocate nothing", () -> allocations(metric, xs.get(xs.size() - 1),
                noNoise == null)));
        return out;
    }

    /** Null when the metric gives a noise square root at x, else its reason for refusing one. */
    private static String noiseRefusal(Metric metric, double[] x) {
        try {
            metric.sqrtRaise(x, new double[x.length], new double[x.length]);
            return null;
        } catch (org.varflow.api.ConfigurationException e) {
            return "sqrtRaise refuses noise on this space";
        } catch (RuntimeException e) {
            return null; // a broken square root: the S S^T = K check reports it
        }
    }

    /** A check that throws is a failure naming the exception, never a crash of the kit. */
    private static CheckResult guard(String name, java.util.function.Supplier<CheckResult> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return new CheckResult(name, CheckResult.Status.FAIL, "threw " + e, "no exception");
        }
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }

    /** K(x) as a row-major matrix, column j = raise(x, e_j). */
    public static double[] matrixOfK(Metric m, double[] x) {
        return columns(x, m::raise);
    }

    /** J(x) as a row-major matrix, column j = applyPoisson(x, e_j). */
    private static double[] matrixOfJ(Metric m, double[] x) {
        return m instanceof PoissonMetric p ? columns(x, p::applyPoisson) : new double[x.length * x.length];
    }

    /** A linear map at x, out = A(x) c, as a row-major matrix built column by column. */
    private interface LinearAt {
        void apply(double[] x, double[] c, double[] out);
    }

    /** The matrix of {@code a} at x: column j = a(x, e_j). */
    private static double[] columns(double[] x, LinearAt a) {
        int d = x.length;
        double[] k = new double[d * d];
        double[] e = new double[d];
        double[] col = new double[d];
        for (int j = 0; j < d; j++) {
            e[j] = 1;
            a.apply(x, e, col);
            e[j] = 0;
            for (int i = 0; i < d; i++) {
                k[i * d + j] = col[i];
            }
        }
        return k;
    }

    static double maxAbs(double[] a) {
        double s = 0;
        for (double v : a) {
            s = Math.max(s, Math.abs(v));
        }
        return s;
    }

    public static CheckResult symmetric(Metric m, List<double[]> xs) {
        Worst worst = new Worst();
        for (double[] x : xs) {
            int d = x.length;
            double[] k = matrixOfK(m, x);
            double scale = Math.max(1, maxAbs(k));
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    double r = Math.abs(k[i * d + j] - k[j * d + i]) / scale;
                    double kij = k[i * d + j];
                    double kji = k[j * d + i];
                    String entry = (i + 1) + "," + (j + 1);
                    String swapped = (j + 1) + "," + (i + 1);
                    worst.offer(r, r <= ALGEBRA, () -> Samples.at(x) + ": K_" + entry + " = " + kij + ", K_"
                            + swapped + " = " + kji);
                }
            }
        }
        return CheckResult.of("K(x) symmetric", worst.ok(), fmt(worst.value()), "1e-10 max(1,|K|)",
                worst.where());
    }

    public static CheckResult positive(Metric m, Space space, List<double[]> xs) {
        return positive(m, space, xs, expectedRank(m, space));
    }

    /**
     * The rank K must have: the space's tangent dimension, or null (semi-definite only) for metrics with a Poisson
     * part (K acts on momenta only, or is zero) and on measure spaces.
     */
    public static Integer expectedRank(Metric m, Space space) {
        return m instanceof PoissonMetric ? null : SpaceConstraints.tangentDimension(space);
    }

    /** K(x) positive semi-definite with exactly {@code expected} eigenvalues above 1e-10 max|lambda| (null: any). */
    public static CheckResult positive(Metric m, Space space, List<double[]> xs, Integer expected) {
        double worstNegative = 0;
        double outside = 0;
        int rankMin = Integer.MAX_VALUE;
        int rankMax = 0;
        boolean ok = true;
        String where = "";
        for (double[] x : xs) {
            int d = x.length;
            double[] k = matrixOfK(m, x);
            double[][] rows = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    rows[i][j] = 0.5 * (k[i * d + j] + k[j * d + i]);
                }
            }
            double[] lambda = new EigenDecomposition(new Array2DRowRealMatrix(rows)).getRealEigenvalues();
            double top = maxAbs(lambda);
            int rank = 0;
            for (double l : lambda) {
                if (top > 0 && l < -ALGEBRA * top) {
                    ok = false;
                    if (-l / top > worstNegative) {
                        worstNegative = -l / top;
                        where = Samples.at(x) + ": eigenvalue " + l + ", largest |eigenvalue| " + top;
                    }
                }
                if (l > ALGEBRA * top) {
                    rank++;
                }
            }
            if (!Double.isFinite(top)) {
                ok = false;
                where = Samples.at(x) + ": an eigenvalue of K is " + top;
            }
            rankMin = Math.min(rankMin, rank);
            rankMax = Math.max(rankMax, rank);
            if (expected != null && rank != expected) {
                ok = false;
                where = Samples.at(x) + ": rank " + rank + ", the tangent dimension is " + expected
                        + ", eigenvalues " + Arrays.toString(Arrays.stream(lambda).sorted().limit(6).toArray())
                        + (lambda.length > 6 ? " (the 6 smallest)" : "");
            }
            if (space instanceof ConstrainedSpace c && c.tangentDimension() < d) {
                double off = outsideTangent(c, k, x);
                if (!(off <= ALGEBRA * Math.max(1, maxAbs(k)))) {
                    ok = false;
                    outside = Math.max(outside, off);
                    where = Samples.at(x) + ": |K - P K P| = " + off + ", P the tangent projection";
                }
            }
        }
        String ranks = rankMin == rankMax ? "rank " + rankMin : "rank " + rankMin + ".." + rankMax;
        String worst = ranks + (worstNegative > 0 ? ", eigenvalue " + fmt(-worstNegative) + " max|lambda|" : "")
                + (outside > 0 ? ", |K - P K P| = " + fmt(outside) + " (velocities leave the tangent space)" : "");
        String allowed = "lambda >= -1e-10 max|lambda|" + (expected == null ? " (rank not checked: "
                + (m instanceof PoissonMetric ? "a Poisson part" : "a measure space") + ")" : ", rank " + expected);
        return CheckResult.of("K(x) positive definite on the tangent space", ok, worst, allowed, where);
    }

    /** max |K - P K P| with P the space's tangent projection at x. */
    private static double outsideTangent(ConstrainedSpace c, double[] k, double[] x) {
        int d = x.length;
        double[] p = columns(x, (y, v, out) -> c.projectTangent(y, v, out));
        double[] pk = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int l = 0; l < d; l++) {
                    s += p[i * d + l] * k[l * d + j];
                }
                pk[i * d + j] = s;
            }
        }
        double worst = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int l = 0; l < d; l++) {
                    s += pk[i * d + l] * p[l * d + j];
                }
                worst = Math.max(worst, Math.abs(s - k[i * d + j]));
            }
        }
        return worst;
    }

    public static CheckResult squareRoot(Metric m, List<double[]> xs) {
        Worst worst = new Worst();
        for (double[] x : xs) {
            int d = x.length;
            double[] k = matrixOfK(m, x);
            double[] s = columns(x, m::sqrtRaise);
            double scale = Math.max(1, maxAbs(k));
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double sst = 0;
                    for (int l = 0; l < d; l++) {
                        sst += s[i * d + l] * s[j * d + l];
                    }
                    double r = Math.abs(sst - k[i * d + j]) / scale;
                    double product = sst;
                    double kij = k[i * d + j];
                    String entry = (i + 1) + "," + (j + 1);
                    worst.offer(r, r <= ALGEBRA, () -> Samples.at(x) + ": (S S^T)_" + entry + " = " + product
                            + ", K_" + entry + " = " + kij);
                }
            }
        }
        return CheckResult.of("sqrtRaise: S S^T = K", worst.ok(), fmt(worst.value()), "1e-10 max(1,|K|)",
                worst.where());
    }

    public static CheckResult divergence(Metric m, List<double[]> xs) {
        Worst worst = new Worst();
        String note = "";
        String constant = "";
        double[] k0 = matrixOfK(m, xs.get(0));
        for (double[] x : xs) {
            int d = x.length;
            double[] div = new double[d];
            m.divergence(x, div);
            double[] fd = NoiseChecks.divergenceByDifferences(m, x);
            double scale = Math.max(1, Math.max(maxAbs(matrixOfK(m, x)), maxAbs(fd)));
            for (int i = 0; i < d; i++) {
                double r = Math.abs(div[i] - fd[i]) / scale;
                double given = div[i];
                double differences = fd[i];
                int component = i + 1;
                worst.offer(r, r <= DIVERGENCE, () -> Samples.at(x) + ", component " + component + ": divergence "
                        + given + ", differences " + differences);
            }
            if (m instanceof ConstantMetric && constant.isEmpty()) {
                if (maxAbs(div) != 0) {
                    note = ", a ConstantMetric but div K != 0";
                    constant = Samples.at(x) + ": div K = " + Arrays.toString(div);
                } else if (!Arrays.equals(k0, matrixOfK(m, x))) {
                    note = ", a ConstantMetric but K varies";
                    constant = Samples.at(x) + ": K differs from K at " + Samples.at(xs.get(0));
                }
            }
        }
        boolean ok = worst.ok() && constant.isEmpty();
        return CheckResult.of("div K = finite differences of K", ok, fmt(worst.value()) + note,
                "1e-6 max(1,|K|,|div K|)", worst.ok() ? constant : worst.where());
    }

    public static CheckResult antisymmetric(Metric m, List<double[]> xs) {
        Worst worst = new Worst();
        for (double[] x : xs) {
            int d = x.length;
            double[] j = matrixOfJ(m, x);
            double scale = Math.max(1, maxAbs(j));
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    double r = Math.abs(j[a * d + b] + j[b * d + a]) / scale;
                    double jab = j[a * d + b];
                    double jba = j[b * d + a];
                    String entry = (a + 1) + "," + (b + 1);
                    String swapped = (b + 1) + "," + (a + 1);
                    worst.offer(r, r <= ALGEBRA, () -> Samples.at(x) + ": J_" + entry + " = " + jab + ", J_"
                            + swapped + " = " + jba);
                }
            }
        }
        return CheckResult.of("J(x) antisymmetric", worst.ok(), fmt(worst.value()), "1e-10 max(1,|J|)",
                worst.where());
    }

    public static CheckResult retraction(Metric m, List<double[]> xs, long seed) {
        Random rnd = new Random(seed + 7);
        double worstOrder = Double.POSITIVE_INFINITY;
        boolean ok = true;
        boolean allExact = true;
        String where = "";
        int tested = 0;
        for (double[] x : xs) {
            int d = x.length;
            double[] w = new double[d];
            for (int i = 0; i < d; i++) {
                w[i] = rnd.nextGaussian();
            }
            double[] v = direction(m, x, w);
            if (v == null) {
                continue;
            }
            tested++;
            double[] tv = new double[d];
            double[] out = new double[d];
            double[] errors = new double[4];
            double t = 1e-2;
            boolean exact = true;
            for (int j = 0; j < 4; j++, t /= 2) {
                for (int i = 0; i < d; i++) {
                    tv[i] = t * v[i];
                }
                m.retract(x, tv, out);
                double s = 0;
                for (int i = 0; i < d; i++) {
                    double r = out[i] - x[i] - tv[i];
                    s += r * r;
                }
                errors[j] = Math.sqrt(s);
                exact &= errors[j] <= 1e-9 * t;
            }
            if (exact) {
                continue;
            }
            allExact = false;
            double order = Math.log(errors[0] / errors[3]) / Math.log(8);
            if (!(order >= worstOrder)) {
                worstOrder = order;
                where = Samples.at(x) + ": |R_x(tv) - x - tv| = " + Arrays.toString(Arrays.stream(errors)
                        .map(e -> Double.parseDouble(String.format(Locale.ROOT, "%.3e", e))).toArray())
                        + " at t = 1e-2 / 1, 2, 4, 8";
            }
            ok &= order >= ORDER;
        }
        if (tested == 0) {
            return new CheckResult("retraction first order: R_x(tv) = x + tv + O(t^2)", CheckResult.Status.SKIP,
                    "K w = 0 at every point", "");
        }
        String worst = allExact ? "exact (x + v)" : "order " + String.format(Locale.ROOT, "%.2f", worstOrder);
        return CheckResult.of("retraction first order: R_x(tv) = x + tv + O(t^2)", ok, worst,
                "error order >= 1.8 in t (or exact)", where);
    }

    /** A unit velocity K w (or J w, or w, when K w = 0). */
    private static double[] direction(Metric m, double[] x, double[] w) {
        int d = x.length;
        double[] v = new double[d];
        m.raise(x, w, v);
        double n = Math.sqrt(dot(v, v));
        if (!(n > 1e-300) && m instanceof PoissonMetric p) {
            p.applyPoisson(x, w, v);
            n = Math.sqrt(dot(v, v));
        }
        if (!(n > 1e-300) || !Double.isFinite(n)) {
            return null;
        }
        for (int i = 0; i < d; i++) {
            v[i] /= n;
        }
        return v;
    }

    public static CheckResult staysOnSpace(Metric m, Space space, long seed) {
        String name = "states stay on the space";
        List<double[]> states = walk(m, space, seed + 1, 100, 0.5);
        double worst = 0;
        for (int k = 0; k < states.size(); k++) {
            String problem = SpaceConstraints.violation(space, states.get(k));
            if (problem != null) {
                return new CheckResult(name, CheckResult.Status.FAIL, "walk step " + k + ": " + problem,
                        SpaceConstraints.describe(space), k == 0 ? "the initial state"
                        : "from " + Samples.at(states.get(k - 1)));
            }
            worst = Math.max(worst, SpaceConstraints.defect(space, states.get(k)));
        }
        String noise = "";
        if (space instanceof ConstrainedSpace c && noiseRefusal(m, states.get(0)) == null) {
            String left = noiseStepsInside(m, c, states.subList(0, Math.min(4, states.size())), seed);
            if (left != null) {
                return new CheckResult(name, CheckResult.Status.FAIL, "a noise step leaves the space",
                        SpaceConstraints.describe(space), left);
            }
            noise = ", noise steps inside";
        }
        return new CheckResult(name, CheckResult.Status.PASS, SpaceConstraints.known(space)
                ? "defect " + fmt(worst) + " over " + (states.size() - 1) + " walk steps" + noise : (states.size() - 1)
                + " steps finite", SpaceConstraints.describe(space));
    }

    /**
     * Where a noise step R_x(sqrt(2 h) S xi) (T = 1, h max|K| = 1e-4, 1e-3, 1e-2; 200 random xi and xi = +-6 e_j)
     * leaves the space, or null. The retraction must keep every noise step inside: Gaussian xi is unbounded, so no
     * step size keeps an x + v retraction inside for sure.
     */
    private static String noiseStepsInside(Metric m, ConstrainedSpace c, List<double[]> xs, long seed) {
        Random rnd = new Random(seed + 31);
        for (double[] x : xs) {
            int d = x.length;
            double kmax = maxAbs(matrixOfK(m, x));
            if (!(kmax > 0)) {
                continue;
            }
            double[] xi = new double[d];
            double[] s = new double[d];
            double[] y = new double[d];
            for (double hk : new double[] {1e-4, 1e-3, 1e-2}) {
                double h = hk / kmax;
                double scale = Math.sqrt(2 * h);
                int draws = 200 + 2 * Math.min(d, 20);
                for (int r = 0; r < draws; r++) {
                    if (r < 200) {
                        for (int i = 0; i < d; i++) {
                            xi[i] = rnd.nextGaussian();
                        }
                    } else {
                        Arrays.fill(xi, 0);
                        xi[(r - 200) / 2] = (r % 2 == 0 ? 6 : -6);
                    }
                    m.sqrtRaise(x, xi, s);
                    for (int i = 0; i < d; i++) {
                        s[i] *= scale;
                    }
                    m.retract(x, s, y);
                    String problem = SpaceConstraints.violation(c, y);
                    if (problem != null) {
                        return "from " + Samples.at(x) + " with h = " + String.format(Locale.ROOT, "%.3g", h)
                                + " and " + (r < 200 ? "a random xi" : "xi_" + ((r - 200) / 2 + 1) + " = "
                                + (r % 2 == 0 ? 6 : -6)) + ": " + problem;
                    }
                }
            }
        }
        return null;
    }

    /**
     * The Euler-Maruyama step through the retraction at E = 0, y = R_x(a + w), a = h T div K(x), w = sqrt(2 h T) S xi,
     * T = 1, h = 1e-6 / max|K|, against the Ito-consistent increment: E[y - x] = a + o(h), Cov[y - x] = 2 h T K
     * + o(h). Antithetic pairs (xi, -xi) cancel the first-order term of the mean exactly, so its error is the
     * retraction's second-order term Q(w) (plus O(h^2)): its estimate (y+ + y-)/2 - x has a standard deviation of
     * order h and 4000 pairs resolve a spurious drift of a few percent of T |K| / scale. Tolerance: 5 standard errors
     * per coordinate, plus twice the change of the estimate from h to h/4 with the same xi (the O(h) remainder: a
     * second-order error does not change with h, a higher-order one shrinks), plus 1e-6 max(1, |K|, |div K|) and the
     * rounding of x, eps |x| / h.
     */
    public static CheckResult stochasticRetraction(Metric m, List<double[]> xs, long seed) {
        Random rnd = new Random(seed + 37);
        Worst worst = new Worst();
        int d = xs.get(0).length;
        int pairs = d <= 20 ? 4000 : d <= 100 ? 1000 : 300;
        List<double[]> pts = xs.subList(0, Math.min(d <= 20 ? 3 : 1, xs.size()));
        double temperature = 1;
        for (double[] x : pts) {
            double[] k = matrixOfK(m, x);
            double kmax = maxAbs(k);
            if (!(kmax > 0)) {
                continue;
            }
            double h = 1e-6 / kmax;
            double[] div = new double[d];
            m.divergence(x, div);
            double[] a = new double[d];
            for (int i = 0; i < d; i++) {
                a[i] = h * temperature * div[i];
            }
            double scale = Math.sqrt(2 * h * temperature);
            double[] xi = new double[d];
            double[] w = new double[d];
            double[] v = new double[d];
            double[] yp = new double[d];
            double[] ym = new double[d];
            double[] mean = new double[d];
            double[] quarter = new double[d];
            double[] sq = new double[d];
            double[] inc = new double[d];
            double hq = h / 4;
            double scaleq = Math.sqrt(2 * hq * temperature);
            boolean cov = d <= 30;
            double[] c = cov ? new double[d * d] : null;
            for (int r = 0; r < pairs; r++) {
                for (int i = 0; i < d; i++) {
                    xi[i] = rnd.nextGaussian();
                }
                m.sqrtRaise(x, xi, w);
                for (int i = 0; i < d; i++) {
                    v[i] = a[i] + scale * w[i];
                }
                m.retract(x, v, yp);
                for (int i = 0; i < d; i++) {
                    v[i] = a[i] - scale * w[i];
                }
                m.retract(x, v, ym);
                for (int i = 0; i < d; i++) {
                    double mi = ((yp[i] - x[i]) + (ym[i] - x[i])) / (2 * h);
                    mean[i] += mi;
                    sq[i] += mi * mi;
                    inc[i] = (yp[i] - x[i]) / Math.sqrt(h);
                }
                // the same xi at h / 4: what changes between the two is the O(h) bias, not noise
                for (int i = 0; i < d; i++) {
                    v[i] = a[i] / 4 + scaleq * w[i];
                }
                m.retract(x, v, yp);
                for (int i = 0; i < d; i++) {
                    v[i] = a[i] / 4 - scaleq * w[i];
                }
                m.retract(x, v, ym);
                for (int i = 0; i < d; i++) {
                    quarter[i] += ((yp[i] - x[i]) + (ym[i] - x[i])) / (2 * hq);
                }
                if (cov) {
                    for (int i = 0; i < d; i++) {
                        for (int j = 0; j <= i; j++) {
                            c[i * d + j] += inc[i] * inc[j];
                        }
                    }
                }
            }
            double xmax = maxAbs(x);
            double floor = 1e-6 * Math.max(1, Math.max(kmax, maxAbs(div))) + 1e-15 * Math.max(1, xmax) / hq;
            for (int i = 0; i < d; i++) {
                double mu = mean[i] / pairs;
                double sd = Math.sqrt(Math.max(0, sq[i] / pairs - mu * mu));
                double se = sd / Math.sqrt(pairs);
                double expected = temperature * div[i];
                double err = Math.abs(mu - expected);
                double bias = Math.abs(mu - quarter[i] / pairs);
                double allowed = 5 * se + 2 * bias + floor;
                int coord = i;
                worst.offer(err / Math.max(allowed, 1e-300), err <= allowed, () -> Samples.at(x) + ": coordinate "
                        + (coord + 1) + " drifts " + String.format(Locale.ROOT, "%.5g", mu) + " per unit time, the"
                        + " Ito drift T div K is " + String.format(Locale.ROOT, "%.5g", expected) + " (standard"
                        + " error " + String.format(Locale.ROOT, "%.2g", se) + ")");
            }
            if (cov) {
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j <= i; j++) {
                        double est = c[i * d + j] / pairs;
                        double expected = 2 * temperature * 0.5 * (k[i * d + j] + k[j * d + i]);
                        double se = Math.sqrt((4 * temperature * temperature * (Math.abs(k[i * d + i] * k[j * d + j])
                                + k[i * d + j] * k[i * d + j])) / pairs);
                        double err = Math.abs(est - expected);
                        double allowed = 5 * se + 1e-6 * 2 * temperature * kmax;
                        int r = i;
                        int q = j;
                        worst.offer(err / Math.max(allowed, 1e-300), err <= allowed, () -> Samples.at(x)
                                + ": Cov[y - x]_" + (r + 1) + "," + (q + 1) + " / h = " + String.format(Locale.ROOT,
                                "%.5g", est) + ", 2 T K = " + String.format(Locale.ROOT, "%.5g", expected));
                    }
                }
            }
        }
        return CheckResult.of(STOCHASTIC_CHECK, worst.ok(), "worst " + String.format(Locale.ROOT, "%.2f",
                worst.value()) + " of the allowed", "mean h T div K, covariance 2 h T K: 5 SE + O(h) change + 1e-6",
                worst.where());
    }

    /**
     * raise, sqrtRaise (when the metric gives noise) and a short retract of one shared instance, called from 4 threads
     * at once for 0.1 s, against the results alone, bitwise, at up to 8 sample points: the runner steps particles in
     * parallel with one metric, so scratch kept in a field mixes particles' numbers.
     */
    public static CheckResult threadSafety(Metric m, List<double[]> xs, boolean withNoise) {
        List<double[]> pts = xs.subList(0, Math.min(8, xs.size()));
        int d = pts.get(0).length;
        int n = pts.size();
        Random rnd = new Random(11);
        double[][] covectors = new double[n][d];
        double[][] steps = new double[n][d];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < d; i++) {
                covectors[k][i] = rnd.nextGaussian();
            }
            m.raise(pts.get(k), covectors[k], steps[k]);
            double len = Math.sqrt(dot(steps[k], steps[k]));
            double scale = 1e-3 / Math.max(1, len);
            for (int i = 0; i < d; i++) {
                steps[k][i] *= scale;
            }
        }
        String[] methods = withNoise ? new String[] {"raise", "sqrtRaise", "retract"}
                : new String[] {"raise", "retract"};
        SharedUse.Call call = (k, out) -> {
            double[] x = pts.get(k).clone();
            double[] r = new double[d];
            m.raise(x, covectors[k].clone(), r);
            System.arraycopy(r, 0, out, 0, d);
            int at = d;
            if (withNoise) {
                m.sqrtRaise(x, covectors[k].clone(), r);
                System.arraycopy(r, 0, out, at, d);
                at += d;
            }
            m.retract(x, steps[k].clone(), r);
            System.arraycopy(r, 0, out, at, d);
        };
        return SharedUse.check(THREADS_CHECK, n, methods.length * d, call,
                i -> methods[i / d] + " component " + (i % d + 1), k -> Samples.at(pts.get(k)), 100_000_000L);
    }

    public static CheckResult allocations(Metric m, double[] x, boolean withNoise) {
        int d = x.length;
        double[] c = new double[d];
        for (int i = 0; i < d; i++) {
            c[i] = 0.1 * (i + 1);
        }
        double[] out = new double[d];
        double[] v = new double[d];
        m.raise(x, c, v);
        for (int i = 0; i < d; i++) {
            v[i] *= 1e-3;
        }
        long bytes = Allocations.allocatedBy(() -> {
            for (int r = 0; r < 200; r++) {
                m.raise(x, c, out);
                if (withNoise) {
                    m.sqrtRaise(x, c, out);
                }
                m.retract(x, v, out);
            }
        });
        if (bytes < 0) {
            return new CheckResult("raise, sqrtRaise, retract allocate nothing", CheckResult.Status.SKIP,
                    "this JVM cannot count allocations", "");
        }
        boolean ok = bytes < 200;
        return new CheckResult("raise, sqrtRaise, retract allocate nothing", ok ? CheckResult.Status.PASS
                : CheckResult.Status.WARN, bytes + " bytes in 200 x 3 calls", "< 200 bytes (counter overhead);"
                + " a warning only");
    }

    /**
     * The initial state and {@code steps} states of a random walk with the metric's retraction: v = sigma (K xi
     * [+ J xi]), shortened to at most sigma (1 + |x|).
     */
    public static List<double[]> walk(Metric m, Space space, long seed, int steps, double sigma) {
        Random rnd = new Random(seed);
        int d = space.dimension();
        double[] x = space.initialState();
        List<double[]> out = new ArrayList<>();
        out.add(x.clone());
        double[] xi = new double[d];
        double[] v = new double[d];
        double[] j = new double[d];
        double[] next = new double[d];
        for (int k = 0; k < steps; k++) {
            for (int i = 0; i < d; i++) {
                xi[i] = rnd.nextGaussian();
            }
            m.raise(x, xi, v);
            if (m instanceof PoissonMetric p) {
                p.applyPoisson(x, xi, j);
                for (int i = 0; i < d; i++) {
                    v[i] += j[i];
                }
            }
            double len = sigma * Math.sqrt(dot(v, v));
            double cap = sigma * (1 + Math.sqrt(dot(x, x)));
            double scale = len > cap ? sigma * cap / len : sigma;
            for (int i = 0; i < d; i++) {
                v[i] *= scale;
            }
            m.retract(x, v, next);
            if (!SpaceConstraints.retractionKeeps(space)) {
                // on grid densities the retraction is x + v and positivity is kept by the scheme's step size, not
                // by the geometry: shorten the step until it lands on the space, as a stable run would
                for (int halvings = 0; SpaceConstraints.violation(space, next) != null && halvings < 40;
                        halvings++) {
                    for (int i = 0; i < d; i++) {
                        v[i] *= 0.5;
                    }
                    m.retract(x, v, next);
                }
            }
            System.arraycopy(next, 0, x, 0, d);
            out.add(x.clone());
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
