package org.varflow.ot;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The sliced Wasserstein-2 distance between weighted point clouds in R^d, by Monte Carlo over directions:
 *
 * <pre>
 *   SW2^2(mu, nu) = E_theta [ W2^2(theta # mu, theta # nu) ],   theta uniform on the unit sphere S^(d-1),
 * </pre>
 *
 * each one-dimensional W2 exact by sorting ({@link Wasserstein1D}). With L directions the estimate of SW2^2 is the mean
 * of L independent values, unbiased, with the standard error s / sqrt(L) (s their sample standard deviation), which
 * {@link MonteCarloEstimate} reports with it; the distance's standard error follows by the delta method.
 *
 * <p>Sliced W2 is a distance of its own, not an approximation of W2: projecting can only shorten transport, so
 * SW2 &lt;= W2 (equality in one dimension, where every direction is +-1). It is what scales: O(L (n log n + m log m +
 * (n + m) d)) time and O(n + m) memory per direction, against the exact solver's n m cost matrix. Directions are drawn
 * from {@code seed} by index, and the projections may run on several threads: the result does not depend on the thread
 * count.
 */
public final class SlicedWasserstein {
    private SlicedWasserstein() {
    }

    /** SW2^2 between uniform empirical measures. */
    public static MonteCarloEstimate squared(double[] x, double[] y, int d, int projections, long seed) {
        return squared(x, null, y, null, d, projections, seed, null);
    }

    /**
     * SW2^2 between weighted clouds (null weights: uniform; weights are normalised to mass one each).
     *
     * @param done counts the directions finished (for a progress display), or null
     */
    public static MonteCarloEstimate squared(double[] x, double[] a, double[] y, double[] b, int d, int projections,
                                             long seed, AtomicLong done) {
        int n = Checks.points("x", x, d);
        int m = Checks.points("y", y, d);
        if ((a == null) != (b == null)) {
            a = a == null ? uniform(n) : a;
            b = b == null ? uniform(m) : b;
        }
        if (a != null) {
            a = normalised(a, Checks.weights("a", a, n, "the number of points"));
            b = normalised(b, Checks.weights("b", b, m, "the number of points"));
        }
        double[] wa = a;
        double[] wb = b;
        if (projections < 2) {
            throw new IllegalArgumentException("projections = " + projections + ": at least 2 are needed for a"
                    + " standard error");
        }
        if (d == 1) {
            double w = wa == null ? Wasserstein1D.cost(x, y, 2) : Wasserstein1D.cost(x, wa, y, wb, 2);
            if (done != null) {
                done.addAndGet(projections);
            }
            return new MonteCarloEstimate(w, 0, projections);
        }
        double[] values = IntStream.range(0, projections).parallel().mapToDouble(k -> {
            double[] theta = direction(d, seed, k);
            double[] px = project(x, n, d, theta);
            double[] py = project(y, m, d, theta);
            double w = wa == null ? Wasserstein1D.cost(px, py, 2) : Wasserstein1D.cost(px, wa, py, wb, 2);
            if (done != null) {
                done.incrementAndGet();
            }
            return w;
        }).toArray();
        return MonteCarloEstimate.of(values);
    }

    private static double[] uniform(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        return w;
    }

    private static double[] normalised(double[] w, double total) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] / total;
        }
        return out;
    }

    /** Direction k: a uniform point on the unit sphere (normalised Gaussian), from its own stream. */
    static double[] direction(int d, long seed, int k) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + k);
        double[] theta = new double[d];
        double norm;
        do {
            norm = 0;
            for (int i = 0; i < d; i++) {
                theta[i] = gaussian(rnd);
                norm += theta[i] * theta[i];
            }
        } while (norm == 0);
        norm = Math.sqrt(norm);
        for (int i = 0; i < d; i++) {
            theta[i] /= norm;
        }
        return theta;
    }

    /** A standard normal by Box-Muller. */
    static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble(); // (0, 1]
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    private static double[] project(double[] p, int n, int d, double[] theta) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += p[i * d + k] * theta[k];
            }
            out[i] = s;
        }
        return out;
    }
}
