package org.varflow.ot;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * MMD^2 with the Gaussian kernel k(x, y) = exp(-|x - y|^2 / 2 sigma^2) by random Fourier features (Rahimi and Recht
 * 2007): for w ~ N(0, I / sigma^2) and u uniform on [0, 2 pi), phi(x) = sqrt(2) cos(w . x + u) has
 * E[phi(x) phi(y)] = k(x, y). For one feature,
 *
 * <pre>
 *   t = ( sum_i a_i phi(x_i) - sum_j b_j phi(y_j) )^2
 *     = sum_ii' a_i a_i' phi(x_i) phi(x_i') + sum_jj' b_j b_j' phi(y_j) phi(y_j') - 2 sum_ij a_i b_j phi(x_i) phi(y_j)
 * </pre>
 *
 * so E[t] is exactly the V-statistic MMD^2 that {@link Mmd#squared} computes. The estimate is the mean of D
 * independent t, unbiased, with its standard error s / sqrt(D) reported; since 0 &lt;= t &lt;= 8, Hoeffding's
 * inequality also bounds the error by 8 sqrt(ln(2 / delta) / 2D) with probability 1 - delta. Cost O(D (n + m) d)
 * time and O(D) memory, against the exact O((n + m)^2 d): linear in the sample sizes. Features are drawn from
 * {@code seed} by index and may run on several threads; the result does not depend on the thread count.
 */
public final class RandomFeatureMmd {
    private RandomFeatureMmd() {
    }

    /** MMD^2 between uniform empirical measures. */
    public static MonteCarloEstimate squared(double[] x, double[] y, int d, double sigma, int features, long seed) {
        return squared(x, null, y, null, d, sigma, features, seed, null);
    }

    /**
     * MMD^2 between weighted clouds (null weights: uniform), as an estimate with its standard error.
     *
     * @param done counts the features finished (for a progress display), or null
     */
    public static MonteCarloEstimate squared(double[] x, double[] a, double[] y, double[] b, int d, double sigma,
                                             int features, long seed, AtomicLong done) {
        int n = Checks.points("x", x, d);
        int m = Checks.points("y", y, d);
        double[] wa = normalised(a, n, "a");
        double[] wb = normalised(b, m, "b");
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("the kernel bandwidth sigma must be finite and > 0, got " + sigma);
        }
        if (features < 2) {
            throw new IllegalArgumentException("features = " + features + ": at least 2 are needed for a standard"
                    + " error");
        }
        double[] t = IntStream.range(0, features).parallel().mapToDouble(k -> {
            SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + k);
            double[] w = new double[d];
            for (int i = 0; i < d; i++) {
                w[i] = SlicedWasserstein.gaussian(rnd) / sigma;
            }
            double u = 2 * Math.PI * rnd.nextDouble();
            double diff = mean(x, wa, n, d, w, u) - mean(y, wb, m, d, w, u);
            if (done != null) {
                done.incrementAndGet();
            }
            return diff * diff;
        }).toArray();
        return MonteCarloEstimate.of(t);
    }

    /** sum_i a_i sqrt(2) cos(w . x_i + u). */
    private static double mean(double[] x, double[] a, int n, int d, double[] w, double u) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double dot = u;
            for (int k = 0; k < d; k++) {
                dot += w[k] * x[i * d + k];
            }
            s += a == null ? Math.cos(dot) : a[i] * Math.cos(dot);
        }
        return Math.sqrt(2) * (a == null ? s / n : s);
    }

    /** Weights normalised to mass one, or null for uniform ones. */
    private static double[] normalised(double[] w, int n, String name) {
        if (w == null) {
            return null;
        }
        double total = Checks.weights(name, w, n, "the number of points");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = w[i] / total;
        }
        return out;
    }
}
