package org.varflow.ot;

import java.util.Arrays;

/**
 * Maximum mean discrepancy with the Gaussian kernel k(x, y) = exp(-|x - y|^2 / 2 sigma^2) between weighted point
 * clouds mu = sum_i a_i delta_{x_i} and nu = sum_j b_j delta_{y_j} in R^d:
 *
 * <pre>
 *   MMD^2(mu, nu) = sum_ii' a_i a_i' k(x_i, x_i') + sum_jj' b_j b_j' k(y_j, y_j') - 2 sum_ij a_i b_j k(x_i, y_j)
 * </pre>
 *
 * (the squared RKHS distance between the kernel mean embeddings; zero iff mu = nu, since the Gaussian kernel is
 * characteristic). Between empirical measures this is the biased V-statistic; {@link #unbiasedSquared} drops the
 * diagonal terms for uniform weights. Cost O((n + m)^2 d), pairs visited once; nothing here depends on threads.
 * The bandwidth is given, or chosen by the median heuristic (the median pairwise distance of the pooled sample).
 */
public final class Mmd {
    private Mmd() {
    }

    /** MMD (not squared) between weighted clouds; weights are normalised to mass one each. */
    public static double distance(double[] x, double[] a, double[] y, double[] b, int d, double sigma) {
        return Math.sqrt(Math.max(0, squared(x, a, y, b, d, sigma)));
    }

    /** MMD^2 (V-statistic) between weighted clouds; weights are normalised to mass one each. */
    public static double squared(double[] x, double[] a, double[] y, double[] b, int d, double sigma) {
        return squared(x, a, y, b, d, sigma, null);
    }

    /**
     * MMD^2 (V-statistic) between weighted clouds, counting in {@code rows} (may be null) the rows of the three
     * kernel sums done: n + m + n in all (for a progress display of this quadratic computation).
     */
    public static double squared(double[] x, double[] a, double[] y, double[] b, int d, double sigma,
                                 java.util.concurrent.atomic.AtomicLong rows) {
        int n = Checks.points("x", x, d);
        int m = Checks.points("y", y, d);
        double[] wa = normalised(a, n, "a");
        double[] wb = normalised(b, m, "b");
        checkBandwidth(sigma);
        double g = 1 / (2 * sigma * sigma);
        return within(x, wa, n, d, g, true, rows) + within(y, wb, m, d, g, true, rows)
                - 2 * across(x, wa, n, y, wb, m, d, g, rows);
    }

    /**
     * The unbiased U-statistic of MMD^2 for two samples with uniform weights (n, m &gt;= 2): the within-sample sums
     * leave out i = i', so its expectation is the population MMD^2 exactly (it can be negative).
     */
    public static double unbiasedSquared(double[] x, double[] y, int d, double sigma) {
        int n = Checks.points("x", x, d);
        int m = Checks.points("y", y, d);
        if (n < 2 || m < 2) {
            throw new IllegalArgumentException("the unbiased MMD needs at least 2 points on each side, got " + n
                    + " and " + m);
        }
        checkBandwidth(sigma);
        double g = 1 / (2 * sigma * sigma);
        double[] ua = uniform(n);
        double[] ub = uniform(m);
        double xx = within(x, ua, n, d, g, false, null) * n / (n - 1.0);
        double yy = within(y, ub, m, d, g, false, null) * m / (m - 1.0);
        return xx + yy - 2 * across(x, ua, n, y, ub, m, d, g, null);
    }

    /** The median of the pairwise distances of the pooled sample (at most 2000 points of each, evenly taken). */
    public static double medianBandwidth(double[] x, double[] y, int d) {
        int n = Checks.points("x", x, d);
        int m = Checks.points("y", y, d);
        int sn = Math.min(n, 2000);
        int sm = Math.min(m, 2000);
        double[] pool = new double[(sn + sm) * d];
        for (int k = 0; k < sn; k++) {
            System.arraycopy(x, (int) ((long) k * n / sn) * d, pool, k * d, d);
        }
        for (int k = 0; k < sm; k++) {
            System.arraycopy(y, (int) ((long) k * m / sm) * d, pool, (sn + k) * d, d);
        }
        int p = sn + sm;
        double[] dist = new double[p * (p - 1) / 2];
        int c = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                dist[c++] = Math.sqrt(sq(pool, i, pool, j, d));
            }
        }
        Arrays.sort(dist);
        double med = dist.length == 0 ? 0 : dist[dist.length / 2];
        return med > 0 ? med : 1.0;
    }

    /** sum_ii' w_i w_i' k(x_i, x_i'), with or without the diagonal i = i'. */
    private static double within(double[] x, double[] w, int n, int d, double g, boolean diagonal,
                                 java.util.concurrent.atomic.AtomicLong rows) {
        double off = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < i; j++) {
                row += w[j] * Math.exp(-g * sq(x, i, x, j, d));
            }
            off += w[i] * row;
            if (rows != null) {
                rows.incrementAndGet();
            }
        }
        double diag = 0;
        if (diagonal) {
            for (int i = 0; i < n; i++) {
                diag += w[i] * w[i];
            }
        }
        return 2 * off + diag;
    }

    private static double across(double[] x, double[] a, int n, double[] y, double[] b, int m, int d, double g,
                                 java.util.concurrent.atomic.AtomicLong rows) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < m; j++) {
                row += b[j] * Math.exp(-g * sq(x, i, y, j, d));
            }
            s += a[i] * row;
            if (rows != null) {
                rows.incrementAndGet();
            }
        }
        return s;
    }

    private static double sq(double[] x, int i, double[] y, int j, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            double t = x[i * d + k] - y[j * d + k];
            s += t * t;
        }
        return s;
    }

    private static double[] uniform(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0 / n);
        return w;
    }

    private static double[] normalised(double[] w, int n, String name) {
        if (w == null) {
            return uniform(n);
        }
        double total = Checks.weights(name, w, n, "the number of points");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = w[i] / total;
        }
        return out;
    }

    private static void checkBandwidth(double sigma) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("the kernel bandwidth sigma must be finite and > 0, got " + sigma);
        }
    }
}
