package org.varflow.testkit;

import org.varflow.api.ConstantMetric;
import org.varflow.api.PoissonMetric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.varflow.api.Metric;
import org.varflow.api.Space;

/**
 * The check kit for metric authors (what {@code varflow check METRIC-ID} runs), in the spirit of Manopt's
 * checkgradient / checkretraction. At seeded sample points x - the space's initial state and the states of a random
 * walk x_{k+1} = R_{x_k}(v_k), v_k = sigma K(x_k) xi_k (+ J xi_k), made with the metric's own retraction - it checks
 *
 * <pre>
 *   K(x) symmetric                   max |K - K^T| &lt;= 1e-10 max(1, |K|)         (K column j = raise(x, e_j))
 *   K(x) positive (semi-)definite    eigenvalues &gt;= -1e-10 max|lambda|, and rank = the tangent dimension for the
 *                                    known kinds (d; d - 1 on sphere and simplex, whose normal K must annihilate)
 *   S S^T = K                        max |S S^T - K| &lt;= 1e-10 max(1, |K|)      (S column j = sqrtRaise(x, e_j))
 *   div K                            matches central differences of K to 1e-6 max(1, |K|, |div|); zero (and K the
 *                                    same at every point) when the metric says it is constant
 *   J(x) antisymmetric               (only when the metric has a Poisson part) max |J + J^T| &lt;= 1e-10 max(1, |J|)
 *   retraction first order           e(t) = |R_x(t v) - x - t v|, t = 1e-2 / 2^j (j = 0..3), v a unit velocity K w /
 *                                    |K w|: exact (e &lt;= 1e-9 t) or fitted order log2 e(t)/e(t/2) &gt;= 1.8
 *   states stay on the space         100 walk steps: sphere ||x| - 1| &lt;= 1e-12, simplex |sum x - 1| &lt;= 1e-12 and
 *                                    x &gt; 0, positive-orthant x &gt; 0, poincare-ball |x| &lt; 1; finite elsewhere
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
        out.add(guard("K(x) positive definite on the tangent space", () -> positive(metric, space, xs)));
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
        out.add(guard("states stay on the space", () -> staysOnSpace(metric, space, seed)));
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

    private static String at(double[] x) {
        return x.length <= 6 ? " at " + Arrays.toString(Arrays.stream(x).map(v -> Math.round(v * 1e4) / 1e4)
                .toArray()) : "";
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
        double worst = 0;
        String where = "";
        boolean ok = true;
        for (double[] x : xs) {
            int d = x.length;
            double[] k = matrixOfK(m, x);
            double scale = Math.max(1, maxAbs(k));
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    double r = Math.abs(k[i * d + j] - k[j * d + i]) / scale;
                    if (!(r <= worst)) {
                        worst = r;
                        where = at(x);
                    }
                    ok &= r <= ALGEBRA;
                }
            }
        }
        return new CheckResult("K(x) symmetric", ok ? CheckResult.Status.PASS : CheckResult.Status.FAIL,
                fmt(worst) + (ok ? "" : where), "1e-10 max(1,|K|)");
    }

    public static CheckResult positive(Metric m, Space space, List<double[]> xs) {
        return positive(m, space, xs, SpaceConstraints.tangentDimension(space));
    }

    /** K(x) positive semi-definite with exactly {@code expected} eigenvalues above 1e-10 max|lambda| (null: any). */
    public static CheckResult positive(Metric m, Space space, List<double[]> xs, Integer expected) {
        double worstNegative = 0;
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
                        where = at(x);
                    }
                }
                if (l > ALGEBRA * top) {
                    rank++;
                }
            }
            if (!Double.isFinite(top)) {
                ok = false;
                where = at(x);
            }
            rankMin = Math.min(rankMin, rank);
            rankMax = Math.max(rankMax, rank);
            if (expected != null && rank != expected) {
                ok = false;
                where = at(x);
            }
        }
        String ranks = rankMin == rankMax ? "rank " + rankMin : "rank " + rankMin + ".." + rankMax;
        String worst = ranks + (worstNegative > 0 ? ", eigenvalue " + fmt(-worstNegative) + " max|lambda|" : "")
                + (ok ? "" : where);
        String allowed = "lambda >= -1e-10 max|lambda|" + (expected == null ? " (kind " + space.kind()
                + " unknown: rank not checked)" : ", rank " + expected);
        return new CheckResult("K(x) positive definite on the tangent space", ok ? CheckResult.Status.PASS
                : CheckResult.Status.FAIL, worst, allowed);
    }

    public static CheckResult squareRoot(Metric m, List<double[]> xs) {
        double worst = 0;
        boolean ok = true;
        String where = "";
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
                    if (!(r <= worst)) {
                        worst = r;
                        where = at(x);
                    }
                    ok &= r <= ALGEBRA;
                }
            }
        }
        return new CheckResult("sqrtRaise: S S^T = K", ok ? CheckResult.Status.PASS : CheckResult.Status.FAIL,
                fmt(worst) + (ok ? "" : where), "1e-10 max(1,|K|)");
    }

    public static CheckResult divergence(Metric m, List<double[]> xs) {
        double worst = 0;
        boolean ok = true;
        String where = "";
        String note = "";
        double[] k0 = matrixOfK(m, xs.get(0));
        for (double[] x : xs) {
            int d = x.length;
            double[] div = new double[d];
            m.divergence(x, div);
            double[] fd = new double[d];
            double[] xp = x.clone();
            double[] e = new double[d];
            double[] plus = new double[d];
            double[] minus = new double[d];
            for (int j = 0; j < d; j++) {
                double eta = 1e-5 * Math.max(1, Math.abs(x[j]));
                e[j] = 1;
                xp[j] = x[j] + eta;
                m.raise(xp, e, plus);
                xp[j] = x[j] - eta;
                m.raise(xp, e, minus);
                xp[j] = x[j];
                e[j] = 0;
                for (int i = 0; i < d; i++) {
                    fd[i] += (plus[i] - minus[i]) / (2 * eta);
                }
            }
            double scale = Math.max(1, Math.max(maxAbs(matrixOfK(m, x)), maxAbs(fd)));
            for (int i = 0; i < d; i++) {
                double r = Math.abs(div[i] - fd[i]) / scale;
                if (!(r <= worst)) {
                    worst = r;
                    where = at(x);
                }
                ok &= r <= DIVERGENCE;
            }
            if (m instanceof ConstantMetric) {
                if (maxAbs(div) != 0) {
                    ok = false;
                    note = ", a ConstantMetric but div K != 0";
                }
                if (!Arrays.equals(k0, matrixOfK(m, x))) {
                    ok = false;
                    note = ", a ConstantMetric but K varies";
                    where = at(x);
                }
            }
        }
        return new CheckResult("div K = finite differences of K", ok ? CheckResult.Status.PASS
                : CheckResult.Status.FAIL, fmt(worst) + note + (ok ? "" : where), "1e-6 max(1,|K|,|div K|)");
    }

    public static CheckResult antisymmetric(Metric m, List<double[]> xs) {
        double worst = 0;
        boolean ok = true;
        for (double[] x : xs) {
            int d = x.length;
            double[] j = matrixOfJ(m, x);
            double scale = Math.max(1, maxAbs(j));
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    double r = Math.abs(j[a * d + b] + j[b * d + a]) / scale;
                    worst = Math.max(worst, r);
                    ok &= r <= ALGEBRA;
                }
            }
        }
        return new CheckResult("J(x) antisymmetric", ok ? CheckResult.Status.PASS : CheckResult.Status.FAIL,
                fmt(worst), "1e-10 max(1,|J|)");
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
                where = at(x);
            }
            ok &= order >= ORDER;
        }
        if (tested == 0) {
            return new CheckResult("retraction first order: R_x(tv) = x + tv + O(t^2)", CheckResult.Status.SKIP,
                    "K w = 0 at every point", "");
        }
        String worst = allExact ? "exact (x + v)" : "order " + String.format(Locale.ROOT, "%.2f", worstOrder)
                + (ok ? "" : where);
        return new CheckResult("retraction first order: R_x(tv) = x + tv + O(t^2)", ok ? CheckResult.Status.PASS
                : CheckResult.Status.FAIL, worst, "error order >= 1.8 in t (or exact)");
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
        List<double[]> states = walk(m, space, seed + 1, 100, 0.5);
        double worst = 0;
        for (int k = 0; k < states.size(); k++) {
            String problem = SpaceConstraints.violation(space, states.get(k));
            if (problem != null) {
                return new CheckResult("states stay on the space", CheckResult.Status.FAIL, "step " + k + ": "
                        + problem, SpaceConstraints.describe(space));
            }
            worst = Math.max(worst, SpaceConstraints.defect(space, states.get(k)));
        }
        return new CheckResult("states stay on the space", CheckResult.Status.PASS, SpaceConstraints.known(space)
                ? "defect " + fmt(worst) + " over " + (states.size() - 1) + " steps" : (states.size() - 1)
                + " steps finite", SpaceConstraints.describe(space));
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
