package org.varflow.models.meanfield;

import org.varflow.api.Energy;

/**
 * The risk of a two-layer ReLU network in the mean-field parametrisation, as the extensive energy of its ensemble
 * of neurons. The state is m particles theta_i = (a_i, w_i, b_i) in R^3, row-major (a_1, w_1, b_1, a_2, ...):
 *
 * <pre>
 *   f(x) = (1/m) sum_i a_i relu(w_i x + b_i) = integral a relu(w x + b) d rho_m(a, w, b)
 *   R    = (1/2n) sum_k (f(x_k) - y_k)^2,      r_k = f(x_k) - y_k
 *   E    = m R                                  (extensive: E = N F(rho_N) with N = m, F = R)
 *   dE/da_i = (1/n) sum_k r_k relu(z_ik),  dE/dw_i = (a_i/n) sum_k r_k 1[z_ik > 0] x_k,
 *   dE/db_i = (a_i/n) sum_k r_k 1[z_ik > 0],   z_ik = w_i x_k + b_i
 * </pre>
 *
 * so dE/dtheta_i = m grad_{theta_i} R = grad_theta (dR/drho)(theta_i) with dR/drho(theta) = (1/n) sum_k r_k
 * a relu(w x_k + b): minus the Wasserstein velocity of neuron i (Mei, Montanari and Nguyen 2018; Chizat and Bach
 * 2018; Rotskoff and Vanden-Eijnden 2018). The relu's derivative at 0 is taken as 0.
 *
 * <p>Algorithm. The input is one-dimensional, so with the data sorted, z_ik > 0 holds on a contiguous run of
 * points: k >= k0_i for a rising neuron (w_i > 0), k < k1_i for a falling one (w_i < 0), all or none for w_i = 0.
 * The run's end is found by testing the very predicate w_i x_k + b_i > 0 (floating-point evaluation is monotone
 * in x_k), walking from where it was at the previous evaluation, so the active sets are exactly those of a
 * term-by-term evaluation and finding them costs O(1) per neuron when neurons move little. Then
 *
 * <pre>
 *   f(x_k) = x_k S_k + I_k,   S_k = (1/m) sum_(i active at k) a_i w_i,   I_k = (1/m) sum_(i active at k) a_i b_i
 *   sum_(k active for i) r_k = R^0 over the run,   sum_(k active for i) r_k x_k = R^1 over the run,
 *   dE/da_i = (w_i R^1 + b_i R^0) / n
 * </pre>
 *
 * with S and I accumulated as prefix sums of the rising neurons' kinks and suffix sums of the falling ones', and
 * R^0, R^1 as suffix sums (rising) and prefix sums (falling) of r_k and r_k x_k: no sum is a difference of two
 * others. The cost is O(m + n) per evaluation (O(m n) at worst, for neurons that jump across the data) instead of
 * the O(m n) of a dense network pass; the results agree with the dense pass to rounding ({@code MeanFieldNetworkTest}).
 * A neuron with a non-finite coordinate makes
 * every prediction NaN, as the dense pass does, so a diverging run is reported rather than hidden.
 *
 * <p>Safe for concurrent use: the scratch (residuals and sums, O(n)) is per thread, allocated on a thread's first
 * call only.
 */
public final class MeanFieldRisk implements Energy {
    /** Sorted inputs and their targets; {@code order[j]} is the caller's index of sorted point j. */
    private final double[] xs;
    private final double[] ys;
    private final int[] order;
    private final int m;
    private final ThreadLocal<Scratch> scratch;

    /** Per-thread work arrays, n or n + 1 long. */
    private static final class Scratch {
        final double[] r;
        final double[] slope;
        final double[] intercept;
        final double[] fallSlope;
        final double[] fallIntercept;
        final double[] r0;
        final double[] r1;
        /** Each neuron's run boundary at the last forward pass: the start of the walk at the next. */
        final int[] kink;

        Scratch(int n, int m) {
            r = new double[n];
            slope = new double[n + 1];
            intercept = new double[n + 1];
            fallSlope = new double[n + 1];
            fallIntercept = new double[n + 1];
            r0 = new double[n + 1];
            r1 = new double[n + 1];
            kink = new int[m];
        }
    }

    /**
     * @param data  the training points
     * @param width m, the number of neurons (the state has 3m coordinates)
     */
    public MeanFieldRisk(TrainingSet data, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
        double[] x = data.xs();
        double[] y = data.ys();
        int n = x.length;
        Integer[] idx = new Integer[n];
        for (int k = 0; k < n; k++) {
            idx[k] = k;
        }
        java.util.Arrays.sort(idx, (p, q) -> Double.compare(x[p], x[q]));
        this.order = new int[n];
        this.xs = new double[n];
        this.ys = new double[n];
        for (int j = 0; j < n; j++) {
            order[j] = idx[j];
            xs[j] = x[idx[j]];
            ys[j] = y[idx[j]];
        }
        this.m = width;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(n, width));
    }

    /** m, the number of neurons. */
    public int width() {
        return m;
    }

    /** n, the number of data points. */
    public int points() {
        return xs.length;
    }

    /** The training loss R = E / m. */
    public double risk(double[] theta) {
        return value(theta) / m;
    }

    /** out[k] = f(x_k) in the training set's order; {@code out} has at least n entries. */
    public void predict(double[] theta, double[] out) {
        double[] f = scratch.get().r;
        forward(theta, f);
        for (int j = 0; j < xs.length; j++) {
            out[order[j]] = f[j];
        }
    }

    /** f(x) at one point. */
    public double predict(double[] theta, double x) {
        double f = 0;
        for (int i = 0; i < m; i++) {
            double z = theta[3 * i + 1] * x + theta[3 * i + 2];
            if (z > 0) {
                f += theta[3 * i] * z;
            }
        }
        return f / m;
    }

    @Override
    public double value(double[] theta) {
        return residuals(theta, scratch.get());
    }

    @Override
    public void gradient(double[] theta, double[] out) {
        valueAndGradient(theta, out);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] out) {
        Scratch s = scratch.get();
        double e = residuals(theta, s);
        int n = xs.length;
        double[] r = s.r;
        double[] r0 = s.r0;
        double[] r1 = s.r1;
        // r0[k], r1[k]: suffix sums over [k, n) for rising neurons; the prefix sums over [0, k) for falling ones
        // are kept in slope/intercept (free after the forward pass)
        double[] p0 = s.slope;
        double[] p1 = s.intercept;
        r0[n] = 0;
        r1[n] = 0;
        for (int k = n - 1; k >= 0; k--) {
            r0[k] = r0[k + 1] + r[k];
            r1[k] = r1[k + 1] + r[k] * xs[k];
        }
        p0[0] = 0;
        p1[0] = 0;
        for (int k = 0; k < n; k++) {
            p0[k + 1] = p0[k] + r[k];
            p1[k + 1] = p1[k] + r[k] * xs[k];
        }
        double inv = 1.0 / n;
        int[] kink = s.kink;   // set by the forward pass for this theta
        for (int i = 0; i < m; i++) {
            double a = theta[3 * i];
            double w = theta[3 * i + 1];
            double b = theta[3 * i + 2];
            double sb;
            double sw;
            if (w > 0) {
                int k0 = kink[i];
                sb = r0[k0];
                sw = r1[k0];
            } else if (w < 0) {
                int k1 = kink[i];
                sb = p0[k1];
                sw = p1[k1];
            } else if (b > 0) {
                sb = r0[0];
                sw = r1[0];
            } else {
                sb = 0;
                sw = 0;
            }
            out[3 * i] = (w * sw + b * sb) * inv;
            out[3 * i + 1] = a * sw * inv;
            out[3 * i + 2] = a * sb * inv;
        }
        return e;
    }

    /**
     * The first k with w x_k + b > 0 for w > 0 (n if none), walking from {@code guess}: the predicate is false then
     * true along the sorted points, so the walk ends at the same boundary from any start, in |boundary - guess| + 1
     * tests (neurons move little per step, so usually one or two).
     */
    private int firstActiveRising(double w, double b, int guess) {
        int k = Math.min(Math.max(guess, 0), xs.length);
        while (k > 0 && w * xs[k - 1] + b > 0) {
            k--;
        }
        while (k < xs.length && !(w * xs[k] + b > 0)) {
            k++;
        }
        return k;
    }

    /** The first k with w x_k + b <= 0 for w < 0 (n if none): the active run is [0, k). Walks as above. */
    private int endActiveFalling(double w, double b, int guess) {
        int k = Math.min(Math.max(guess, 0), xs.length);
        while (k > 0 && !(w * xs[k - 1] + b > 0)) {
            k--;
        }
        while (k < xs.length && w * xs[k] + b > 0) {
            k++;
        }
        return k;
    }

    /** f(x_k) at the sorted points into out[0..n), from the neurons' kinks. */
    private void forward(double[] theta, double[] out) {
        int n = xs.length;
        Scratch s = scratch.get();
        double[] slope = s.slope;
        double[] intercept = s.intercept;
        double[] fallSlope = s.fallSlope;
        double[] fallIntercept = s.fallIntercept;
        java.util.Arrays.fill(slope, 0.0);
        java.util.Arrays.fill(intercept, 0.0);
        java.util.Arrays.fill(fallSlope, 0.0);
        java.util.Arrays.fill(fallIntercept, 0.0);
        int[] kink = s.kink;
        for (int i = 0; i < m; i++) {
            double a = theta[3 * i];
            double w = theta[3 * i + 1];
            double b = theta[3 * i + 2];
            if (!(Double.isFinite(a) && Double.isFinite(w) && Double.isFinite(b))) {
                intercept[0] = Double.NaN;
                continue;
            }
            if (w > 0) {
                int k0 = firstActiveRising(w, b, kink[i]);
                kink[i] = k0;
                slope[k0] += a * w;           // active on [k0, n): added from k0 on by the prefix sum
                intercept[k0] += a * b;
            } else if (w < 0) {
                int k1 = endActiveFalling(w, b, kink[i]);
                kink[i] = k1;
                if (k1 > 0) {
                    fallSlope[k1 - 1] += a * w;   // active on [0, k1): added up to k1 - 1 by the suffix sum
                    fallIntercept[k1 - 1] += a * b;
                }
            } else if (b > 0) {
                intercept[0] += a * b;
            }
        }
        for (int k = 1; k < n; k++) {
            slope[k] += slope[k - 1];
            intercept[k] += intercept[k - 1];
        }
        for (int k = n - 2; k >= 0; k--) {
            fallSlope[k] += fallSlope[k + 1];
            fallIntercept[k] += fallIntercept[k + 1];
        }
        double invM = 1.0 / m;
        for (int k = 0; k < n; k++) {
            out[k] = ((slope[k] + fallSlope[k]) * xs[k] + (intercept[k] + fallIntercept[k])) * invM;
        }
    }

    /** r_k = f(x_k) - y_k into s.r (sorted order); returns E = m R. */
    private double residuals(double[] theta, Scratch s) {
        double[] r = s.r;
        forward(theta, r);
        double sum = 0;
        for (int k = 0; k < r.length; k++) {
            r[k] -= ys[k];
            sum += r[k] * r[k];
        }
        return m * sum / (2.0 * r.length);
    }
}
