package org.varflow.ot;

/**
 * Exact Wasserstein distances between two empirical measures on the real line, by their quantile functions.
 *
 * <p>For mu = sum_i a_i delta_{x_i} and nu = sum_j b_j delta_{y_j} with the same total mass M and a convex cost
 * |x - y|^p (p >= 1), the monotone (sorted) coupling is optimal, so
 *
 * <pre>
 *   W_p^p(mu, nu) = integral_0^M | F^-1(t) - G^-1(t) |^p dt,
 * </pre>
 *
 * where F^-1 and G^-1 are the quantile functions (generalised inverses of the cumulative distribution functions).
 * Both are piecewise constant; after sorting each sample, one walk over the merged breakpoints of the two cumulative
 * sums evaluates the integral exactly: O((n + m) log(n + m)) time, at most n + m - 1 pieces.
 *
 * <p>The uniform-weight methods run the walk in integer arithmetic (each x carries m units, each y carries n units,
 * M = n m units), so for equal sizes this is exactly the average cost of the sorted matching. The weighted methods
 * accept any non-negative finite weights with the same total (relative tolerance 1e-9).
 *
 * <p>Exponents: any finite p >= 1 (p = 1 and p = 2 take a fast path without {@code Math.pow}).
 * Stateless; each call allocates sorted copies of its inputs.
 */
public final class Wasserstein1D {
    private Wasserstein1D() {
    }

    /** W_1 between the uniform empirical measures on {@code x} and {@code y}. */
    public static double w1(double[] x, double[] y) {
        return distance(x, y, 1);
    }

    /** W_2 between the uniform empirical measures on {@code x} and {@code y}. */
    public static double w2(double[] x, double[] y) {
        return distance(x, y, 2);
    }

    /**
     * W_p between the uniform empirical measures (1/n) sum delta_{x_i} and (1/m) sum delta_{y_j}; sizes may differ.
     *
     * @return (integral_0^1 |F^-1 - G^-1|^p dt)^(1/p)
     */
    public static double distance(double[] x, double[] y, double p) {
        return root(cost(x, y, p), p);
    }

    /**
     * W_p^p between the uniform empirical probability measures on {@code x} (n points) and {@code y} (m points): the
     * minimal average cost sum pi_ij |x_i - y_j|^p over couplings with marginals 1/n and 1/m.
     */
    public static double cost(double[] x, double[] y, double p) {
        Checks.nonEmpty("x", x);
        Checks.nonEmpty("y", y);
        Checks.finite("x", x);
        Checks.finite("y", y);
        Checks.exponent(p);
        double[] xs = x.clone();
        double[] ys = y.clone();
        java.util.Arrays.sort(xs);
        java.util.Arrays.sort(ys);
        int n = xs.length;
        int m = ys.length;
        // integer walk: x_i carries m units, y_j carries n units, total n*m units
        long restX = m;
        long restY = n;
        int i = 0;
        int j = 0;
        double sum = 0;
        while (i < n && j < m) {
            long step = Math.min(restX, restY);
            sum += step * power(Math.abs(xs[i] - ys[j]), p);
            restX -= step;
            restY -= step;
            if (restX == 0) {
                i++;
                restX = m;
            }
            if (restY == 0) {
                j++;
                restY = n;
            }
        }
        return sum / ((double) n * m);
    }

    /**
     * W_p between the weighted measures, each normalised to a probability measure:
     * W_p(mu / M, nu / M) = (cost(x, wx, y, wy, p) / M)^(1/p), M = sum wx = sum wy.
     */
    public static double distance(double[] x, double[] wx, double[] y, double[] wy, double p) {
        double cost = cost(x, wx, y, wy, p);
        double mass = 0;
        for (double w : wx) {
            mass += w;
        }
        return root(cost / mass, p);
    }

    /**
     * Minimal transport cost min_pi sum_ij pi_ij |x_i - y_j|^p between sum wx_i delta_{x_i} and sum wy_j delta_{y_j},
     * in the units of the given weights (for probability weights this is W_p^p). Weights must be finite, >= 0, one per
     * point, and both vectors must sum to the same mass (relative tolerance 1e-9).
     */
    public static double cost(double[] x, double[] wx, double[] y, double[] wy, double p) {
        Checks.nonEmpty("x", x);
        Checks.nonEmpty("y", y);
        Checks.finite("x", x);
        Checks.finite("y", y);
        double massX = Checks.weights("wx", wx, x.length, "x.length");
        double massY = Checks.weights("wy", wy, y.length, "y.length");
        Checks.sameMass("wx", massX, "wy", massY);
        Checks.exponent(p);
        double[] xs = x.clone();
        double[] ax = wx.clone();
        double[] ys = y.clone();
        double[] by = wy.clone();
        Sorting.sortByKey(xs, ax);
        Sorting.sortByKey(ys, by);
        return sortedCost(xs, ax, ys, by, p);
    }

    /**
     * The quantile walk on sorted supports: at each step the piece [t, t + step) of [0, M) on which both quantile
     * functions are constant contributes step * |x_i - y_j|^p. Any mass left over by rounding (below the mass
     * tolerance) is ignored.
     */
    static double sortedCost(double[] xs, double[] ax, double[] ys, double[] by, double p) {
        int n = xs.length;
        int m = ys.length;
        int i = 0;
        int j = 0;
        double restX = ax[0];
        double restY = by[0];
        double sum = 0;
        while (true) {
            if (restX < restY) {
                sum += restX * power(Math.abs(xs[i] - ys[j]), p);
                restY -= restX;
                if (++i == n) {
                    break;
                }
                restX = ax[i];
            } else {
                sum += restY * power(Math.abs(xs[i] - ys[j]), p);
                restX -= restY;
                if (++j == m) {
                    break;
                }
                restY = by[j];
            }
        }
        return sum;
    }

    static double power(double distance, double p) {
        if (p == 1) {
            return distance;
        }
        if (p == 2) {
            return distance * distance;
        }
        return Math.pow(distance, p);
    }

    private static double root(double value, double p) {
        double v = Math.max(value, 0);
        if (p == 1) {
            return v;
        }
        if (p == 2) {
            return Math.sqrt(v);
        }
        return Math.pow(v, 1 / p);
    }
}
