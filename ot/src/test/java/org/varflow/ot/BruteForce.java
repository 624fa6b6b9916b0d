package org.varflow.ot;

/** Reference solutions by exhaustive search, for small problems only. */
final class BruteForce {
    private BruteForce() {
    }

    /** min over permutations sigma of sum_i C[i, sigma(i)] for a square n x n cost (n <= 9). */
    static double minAssignment(double[] cost, int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double best = Double.POSITIVE_INFINITY;
        do {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += cost[i * n + perm[i]];
            }
            best = Math.min(best, s);
        } while (nextPermutation(perm));
        return best;
    }

    private static boolean nextPermutation(int[] p) {
        int i = p.length - 2;
        while (i >= 0 && p[i] >= p[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = p.length - 1;
        while (p[j] <= p[i]) {
            j--;
        }
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
        for (int l = i + 1, r = p.length - 1; l < r; l++, r--) {
            t = p[l];
            p[l] = p[r];
            p[r] = t;
        }
        return true;
    }

    /**
     * W_p^p between weighted 1-D measures by direct integration of the quantile functions: all breakpoints of both
     * cumulative sums are collected and sorted, and on each piece the quantiles are looked up by a linear scan.
     * Independent of the merged walk in {@link Wasserstein1D}. Weights must sum to 1.
     */
    static double quantileIntegral(double[] x, double[] wx, double[] y, double[] wy, double p) {
        double[] breaks = new double[x.length + y.length + 1];
        int k = 0;
        breaks[k++] = 0;
        double c = 0;
        for (double w : cumulativeOrder(x, wx)) {
            c += w;
            breaks[k++] = c;
        }
        c = 0;
        for (double w : cumulativeOrder(y, wy)) {
            c += w;
            breaks[k++] = c;
        }
        java.util.Arrays.sort(breaks);
        double sum = 0;
        for (int i = 0; i + 1 < breaks.length; i++) {
            double lo = breaks[i];
            double hi = Math.min(breaks[i + 1], 1);
            if (hi <= lo) {
                continue;
            }
            double t = 0.5 * (lo + hi);
            sum += (hi - lo) * Math.pow(Math.abs(quantile(x, wx, t) - quantile(y, wy, t)), p);
        }
        return sum;
    }

    /** Weights listed in the order of increasing support point. */
    private static double[] cumulativeOrder(double[] x, double[] w) {
        Integer[] idx = new Integer[x.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (i, j) -> Double.compare(x[i], x[j]));
        double[] out = new double[x.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = w[idx[i]];
        }
        return out;
    }

    /** F^-1(t) = min { x : F(x) >= t } for the measure sum w_i delta_{x_i}, by scanning candidate support points. */
    private static double quantile(double[] x, double[] w, double t) {
        double best = Double.POSITIVE_INFINITY;
        for (double candidate : x) {
            double cdf = 0;
            for (int i = 0; i < x.length; i++) {
                if (x[i] <= candidate) {
                    cdf += w[i];
                }
            }
            if (cdf >= t - 1e-13 && candidate < best) { // tolerance: the cumulative sum may end at 1 - ulp
                best = candidate;
            }
        }
        return best;
    }
}
