package org.varflow.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.varflow.api.Metric;
import org.varflow.api.Space;

/**
 * The contract every metric must meet, as a JUnit base class for metric authors (the in-process twin of
 * {@code varflow check METRIC-ID}): extend it, return the metric and the space it lives on, and every check below
 * runs at seeded sample points (the initial state and a random walk made with the metric's own retraction).
 *
 * <ul>
 *   <li>K(x) symmetric: |K - K^T| &lt;= 1e-10 max(1, |K|) entrywise (K built column by column with raise);</li>
 *   <li>K(x) positive semi-definite, definite on the tangent space: eigenvalues &gt;= -1e-10 max|lambda| and exactly
 *       {@link #tangentDimension()} of them above 1e-10 max|lambda|;</li>
 *   <li>sqrtRaise consistent: |S S^T - K| &lt;= 1e-10 max(1, |K|) (S built column by column);</li>
 *   <li>div K equals central differences of K to 1e-6 max(1, |K|, |div K|) (zero, and K the same everywhere, when
 *       the metric says it is constant);</li>
 *   <li>the retraction is first order: e(t) = |R_x(t v) - x - t v| for t = 1e-2 / 2^j, j = 0..3, with v = K w / |K w|
 *       a unit tangent vector, is either below 1e-9 t (exact) or falls like t^s with fitted s &gt;= 1.8;</li>
 *   <li>states stay on the space along a 100-step random walk (sphere |x| = 1 to 1e-12, simplex sum 1 to 1e-12 and
 *       x &gt; 0, orthant x &gt; 0, ball |x| &lt; 1, anything finite);</li>
 *   <li>raise, sqrtRaise and retract allocate nothing (after warm-up; skipped where the JVM cannot count).</li>
 * </ul>
 *
 * The static {@code check...} methods are the checks themselves, so that a test can show that a broken metric
 * fails them.
 */
public abstract class MetricContract {
    /** Relative tolerance of the algebraic checks (symmetry, S S^T = K, semi-definiteness). */
    public static final double ALGEBRA = 1e-10;

    /** The metric under test (built once per test). */
    protected abstract Metric metric();

    /** The space it lives on. */
    protected abstract Space space();

    /** The seed of the sample points. */
    protected long seed() {
        return 20261122L;
    }

    /** The dimension of the tangent space: the expected rank of K (d, or d - 1 on the sphere and the simplex). */
    protected int tangentDimension() {
        return tangentDimension(space());
    }

    /** The expected rank of K on a space of a known kind. */
    public static int tangentDimension(Space space) {
        String kind = space.kind();
        return kind.equals(SpaceKinds.SPHERE) || kind.equals(SpaceKinds.SIMPLEX) ? space.dimension() - 1
                : space.dimension();
    }

    /** The sample points: the initial state and the first 12 states of a random walk. */
    protected List<double[]> points() {
        return walk(metric(), space(), seed(), 12, 0.3);
    }

    @Test
    void kIsSymmetric() {
        for (double[] x : points()) {
            checkSymmetric(metric(), x);
        }
    }

    @Test
    void kIsPositiveDefiniteOnTheTangentSpace() {
        for (double[] x : points()) {
            checkPositive(metric(), x, tangentDimension());
        }
    }

    @Test
    void sqrtRaiseSquaresToK() {
        for (double[] x : points()) {
            checkSquareRoot(metric(), x);
        }
    }

    @Test
    void divergenceMatchesFiniteDifferences() {
        List<double[]> pts = points();
        for (double[] x : pts) {
            checkDivergence(metric(), x);
        }
        if (metric().isConstant()) {
            double[] k0 = matrixOfK(metric(), pts.get(0));
            for (double[] x : pts) {
                assertThat(matrixOfK(metric(), x)).as("a constant metric has the same K everywhere")
                        .containsExactly(k0, org.assertj.core.data.Offset.offset(0.0));
            }
        }
    }

    @Test
    void retractionIsFirstOrder() {
        Random rnd = new Random(seed());
        for (double[] x : points()) {
            checkRetraction(metric(), x, rnd);
        }
    }

    @Test
    void statesStayOnTheSpace() {
        for (double[] x : walk(metric(), space(), seed() + 1, 100, 0.5)) {
            checkOnSpace(space(), x);
        }
    }

    @Test
    void hotMethodsAllocateNothing() {
        Metric m = metric();
        double[] x = points().get(1);
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
        long bytes = allocatedBy(() -> {
            for (int r = 0; r < 200; r++) {
                m.raise(x, c, out);
                m.sqrtRaise(x, c, out);
                m.retract(x, v, out);
            }
        });
        assertThat(bytes).as("bytes allocated by 200 x (raise, sqrtRaise, retract)").isLessThan(200);
    }

    // ---- the checks ----

    /** K(x) as a row-major matrix, column j = raise(x, e_j). */
    public static double[] matrixOfK(Metric m, double[] x) {
        int d = x.length;
        double[] k = new double[d * d];
        double[] e = new double[d];
        double[] col = new double[d];
        for (int j = 0; j < d; j++) {
            e[j] = 1;
            m.raise(x, e, col);
            e[j] = 0;
            for (int i = 0; i < d; i++) {
                k[i * d + j] = col[i];
            }
        }
        return k;
    }

    private static double maxAbs(double[] a) {
        double s = 0;
        for (double v : a) {
            s = Math.max(s, Math.abs(v));
        }
        return s;
    }

    /** K symmetric to ALGEBRA max(1, |K|). */
    public static void checkSymmetric(Metric m, double[] x) {
        int d = x.length;
        double[] k = matrixOfK(m, x);
        double tol = ALGEBRA * Math.max(1, maxAbs(k));
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                assertThat(Math.abs(k[i * d + j] - k[j * d + i])).as("|K_%d%d - K_%d%d| at %s", i, j, j, i,
                        java.util.Arrays.toString(x)).isLessThanOrEqualTo(tol);
            }
        }
    }

    /** K positive semi-definite with the given number of positive eigenvalues. */
    public static void checkPositive(Metric m, double[] x, int rank) {
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
        int positive = 0;
        for (double l : lambda) {
            assertThat(l).as("eigenvalue of K at %s", java.util.Arrays.toString(x))
                    .isGreaterThanOrEqualTo(-ALGEBRA * top);
            if (l > ALGEBRA * top) {
                positive++;
            }
        }
        assertThat(top).as("K is not zero").isPositive();
        assertThat(positive).as("rank of K (positive definite on the tangent space) at %s",
                java.util.Arrays.toString(x)).isEqualTo(rank);
    }

    /** S S^T = K. */
    public static void checkSquareRoot(Metric m, double[] x) {
        int d = x.length;
        double[] k = matrixOfK(m, x);
        double[] s = new double[d * d];
        double[] e = new double[d];
        double[] col = new double[d];
        for (int j = 0; j < d; j++) {
            e[j] = 1;
            m.sqrtRaise(x, e, col);
            e[j] = 0;
            for (int i = 0; i < d; i++) {
                s[i * d + j] = col[i];
            }
        }
        double tol = ALGEBRA * Math.max(1, maxAbs(k));
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double sst = 0;
                for (int l = 0; l < d; l++) {
                    sst += s[i * d + l] * s[j * d + l];
                }
                assertThat(Math.abs(sst - k[i * d + j])).as("|(S S^T - K)_%d%d| at %s", i, j,
                        java.util.Arrays.toString(x)).isLessThanOrEqualTo(tol);
            }
        }
    }

    /** div K against central differences of K (step 1e-5 max(1, |x_j|)). */
    public static void checkDivergence(Metric m, double[] x) {
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
        double tol = 1e-6 * Math.max(1, Math.max(maxAbs(matrixOfK(m, x)), maxAbs(fd)));
        for (int i = 0; i < d; i++) {
            assertThat(Math.abs(div[i] - fd[i])).as("|div K - finite differences|_%d at %s", i,
                    java.util.Arrays.toString(x)).isLessThanOrEqualTo(tol);
        }
        if (m.isConstant()) {
            assertThat(maxAbs(div)).as("div K of a constant metric").isZero();
        }
    }

    /** R_x(t v) = x + t v + O(t^2) along a unit tangent direction v = K w / |K w|. */
    public static void checkRetraction(Metric m, double[] x, Random rnd) {
        int d = x.length;
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = rnd.nextGaussian();
        }
        double[] v = new double[d];
        m.raise(x, w, v);
        double norm = Math.sqrt(dot(v, v));
        Assumptions.assumeTrue(norm > 0, "K w = 0");
        double[] tv = new double[d];
        double[] out = new double[d];
        double[] errors = new double[4];
        double t = 1e-2;
        boolean exact = true;
        for (int j = 0; j < 4; j++, t /= 2) {
            for (int i = 0; i < d; i++) {
                tv[i] = t * v[i] / norm;
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
            return;
        }
        double slope = Math.log(errors[0] / errors[3]) / Math.log(8);
        assertThat(slope).as("order of |R_x(tv) - x - tv| in t at %s (errors %s)", java.util.Arrays.toString(x),
                java.util.Arrays.toString(errors)).isGreaterThanOrEqualTo(1.8);
    }

    /** x lies on a space of a known kind (finite for any other). */
    public static void checkOnSpace(Space space, double[] x) {
        String where = java.util.Arrays.toString(x);
        for (double v : x) {
            assertThat(v).as("finite coordinate of %s", where).isFinite();
        }
        switch (space.kind()) {
            case SpaceKinds.SPHERE -> assertThat(Math.abs(Math.sqrt(dot(x, x)) - 1)).as("||x| - 1| at %s", where)
                    .isLessThanOrEqualTo(1e-12);
            case SpaceKinds.SIMPLEX -> {
                double s = 0;
                for (double v : x) {
                    assertThat(v).as("simplex coordinate of %s", where).isPositive();
                    s += v;
                }
                assertThat(Math.abs(s - 1)).as("|sum x - 1| at %s", where).isLessThanOrEqualTo(1e-12);
            }
            case SpaceKinds.POSITIVE_ORTHANT -> {
                for (double v : x) {
                    assertThat(v).as("orthant coordinate of %s", where).isPositive();
                }
            }
            case SpaceKinds.POINCARE_BALL -> assertThat(dot(x, x)).as("|x|^2 at %s", where).isLessThan(1);
            default -> {
            }
        }
    }

    /**
     * The initial state and {@code steps} states of a random walk x_{k+1} = R_{x_k}(v_k), v_k = sigma K(x_k) xi_k,
     * shortened to at most sigma (1 + |x_k|) in length, xi_k standard normal.
     */
    public static List<double[]> walk(Metric m, Space space, long seed, int steps, double sigma) {
        Random rnd = new Random(seed);
        int d = space.dimension();
        double[] x = space.initialState();
        List<double[]> out = new ArrayList<>();
        out.add(x.clone());
        double[] xi = new double[d];
        double[] v = new double[d];
        double[] next = new double[d];
        for (int k = 0; k < steps; k++) {
            for (int i = 0; i < d; i++) {
                xi[i] = rnd.nextGaussian();
            }
            m.raise(x, xi, v);
            double len = sigma * Math.sqrt(dot(v, v));
            double cap = sigma * (1 + Math.sqrt(dot(x, x)));
            double scale = len > cap ? sigma * cap / len : sigma;
            for (int i = 0; i < d; i++) {
                v[i] *= scale;
            }
            m.retract(x, v, next);
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

    /** Bytes the current thread allocates in a second run of {@code work}; skipped where unsupported. */
    @SuppressWarnings("deprecation")
    public static long allocatedBy(Runnable work) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no allocation counter");
        com.sun.management.ThreadMXBean hs = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(hs.isThreadAllocatedMemorySupported() && hs.isThreadAllocatedMemoryEnabled(),
                "allocation counting is off");
        long id = Thread.currentThread().getId();
        work.run();
        long before = hs.getThreadAllocatedBytes(id);
        work.run();
        return hs.getThreadAllocatedBytes(id) - before;
    }
}
