package org.varflow.measures.particles;

/**
 * The fast Gauss transform in one dimension (Greengard and Strain 1991): the kernel-density sums of
 * {@link KernelSums#gaussian} for a 1-D cloud in O(N p + B p^2) instead of O(N^2) exponentials,
 *
 * <pre>
 *   den_p = sum_q exp(-(x_p - x_q)^2 / s^2),   num_p = sum_q (x_q - x_p) exp(-(x_p - x_q)^2 / s^2),   s = sqrt(2) sigma
 * </pre>
 *
 * <p>Algorithm. The sorted particles are cut into boxes of width at most s (half-width r s, r = 1/2), greedily from
 * the left, so only occupied boxes exist however far apart the particles are. Each box S holds the moments of its
 * Hermite expansion about its centre c_S, and each pair of boxes within the cut-off is converted into a Taylor
 * expansion about the target box's centre c_T:
 *
 * <pre>
 *   exp(-(t - u)^2) = sum_n u^n / n! h_n(t),   h_n(t) = (-1)^n d^n/dt^n exp(-t^2) = H_n(t) exp(-t^2)
 *   A_n(S) = sum_{q in S} u_q^n / n!,   u_q = (x_q - c_S) / s
 *   B_k(T) = (-1)^k / k! sum_{S near T} sum_n A_n(S) h_{n+k}((c_T - c_S) / s)
 *   den_p = sum_k B_k(T) v^k,   num_p = (s / 2) sum_k k B_k(T) v^(k-1),   v = (x_p - c_T) / s
 * </pre>
 *
 * (num is (s^2/2) d den / dx_p, so it needs no second expansion). Hermite functions come from the three-term
 * recurrence h_(n+1) = 2 t h_n - 2 n h_(n-1), one exponential per box pair.
 *
 * <p>Accuracy. With Cramer's inequality |h_n(t)| <= K 2^(n/2) sqrt(n!) (K = 1.0865) every term above is at most
 * K (2r)^(n+k) / sqrt(n! k!) per particle, so truncating both series at p terms errs by at most
 * 2 K T(p) S per pair, T(p) = sum_(n >= p) (2r)^n / sqrt(n!), S = T(0), and by p / r times that for num; box pairs
 * further apart than the cut-off R (exp(-R^2 / s^2) (1 + R / s) below the tolerance) are skipped. The order p is
 * the smallest that keeps both below {@code tolerance}, so every one of the N^2 pair weights (each at most 1) is
 * represented to within {@code tolerance} absolutely: den_p (at least 1, its own pair) is exact to a relative
 * N tolerance at worst; in practice the error is at rounding level ({@code GaussTransform1dTest} compares with
 * the direct sums).
 *
 * <p>A per-run object: it owns its scratch, grown to the largest cloud seen and then reused, so a step allocates
 * nothing. The sort starts from the previous step's order (particles move little between steps) and is an
 * insertion sort while that stays cheap, a merge sort otherwise. Not thread-safe.
 *
 * <p>Threads. After the (sequential) sort and boxing, the moments of each box, and the Taylor coefficients and
 * evaluation of each target box, depend on that box alone; they run over {@link org.varflow.api.Workers} in
 * {@value #CHUNKS} fixed chunks of boxes, each box computed by the same operations in the same order whatever the
 * thread count, so the sums are bitwise those of one thread.
 */
final class GaussTransform1d {
    /** Chunks of boxes the parallel loops are cut into (fixed: results do not depend on the thread count). */
    static final int CHUNKS = 16;
    /** Box half-width in units of s. */
    static final double HALF_WIDTH = 0.5;
    /** Cramer's constant for |H_n(t)| exp(-t^2 / 2) <= K 2^(n/2) sqrt(n!). */
    private static final double CRAMER = 1.0865;

    private final double tolerance;
    private final int order;
    private final double cutoff;

    private int capacity;
    private int boxCapacity;
    private int[] perm = new int[0];
    private int[] permScratch = new int[0];
    private double[] sorted = new double[0];
    private int[] boxStart = new int[1];
    private double[] centre = new double[0];
    private double[] moments = new double[0];
    private double[] taylor = new double[0];
    /** Scratch for the Hermite functions, one row per chunk (chunks may run at the same time). */
    private final double[][] hermites;
    private final double[] signedInverseFactorial;
    /** 1 / k. */
    private final double[] inverse;
    private int lastN = -1;
    private int boxes;

    // the current call's values, read by the chunk bodies below (fields, so that no lambda is allocated per call)
    private double scale;
    private double[] numOut;
    private double[] denOut;
    private int denAt;
    private final org.varflow.api.Workers.Chunk momentsChunk = (c, lo, hi) -> accumulateMoments(scale, lo, hi);
    private final org.varflow.api.Workers.Chunk taylorChunk = this::translateAndEvaluate;

    GaussTransform1d(double tolerance) {
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance " + tolerance + " is not in (0, 1)");
        }
        this.tolerance = tolerance;
        this.order = orderFor(tolerance);
        this.cutoff = cutoffFor(tolerance);
        this.hermites = new double[CHUNKS][2 * order + 1];
        this.signedInverseFactorial = new double[order];
        this.inverse = new double[order + 1];
        for (int k = 1; k <= order; k++) {
            inverse[k] = 1.0 / k;
        }
        double f = 1;
        for (int k = 0; k < order; k++) {
            if (k > 0) {
                f /= k;
            }
            signedInverseFactorial[k] = (k % 2 == 0) ? f : -f;
        }
    }

    /** The truncation order p: the smallest with 2 K T(p) S (1 + p / r) <= tolerance (see the class comment). */
    static int orderFor(double tolerance) {
        double a = 2 * HALF_WIDTH;
        double[] term = new double[200];
        double s = 0;
        double t = 1;
        for (int n = 0; n < term.length; n++) {
            if (n > 0) {
                t *= a / Math.sqrt(n);
            }
            term[n] = t;
            s += t;
        }
        double tail = s;
        for (int p = 1; p < term.length; p++) {
            tail -= term[p - 1];
            if (2 * CRAMER * tail * s * (1 + p / HALF_WIDTH) <= tolerance) {
                return p;
            }
        }
        throw new IllegalArgumentException("tolerance " + tolerance + " is below what 200 terms reach");
    }

    /** The cut-off distance in units of s: the smallest R with exp(-R^2) (1 + R) <= tolerance. */
    static double cutoffFor(double tolerance) {
        double r = Math.sqrt(-Math.log(tolerance));
        while (Math.exp(-r * r) * (1 + r) > tolerance) {
            r += 0.01;
        }
        return r;
    }

    /** The truncation order p this transform uses. */
    int order() {
        return order;
    }

    /** The occupied boxes of the last call. */
    int boxCount() {
        return boxes;
    }

    /** The tolerance per pair weight. */
    double tolerance() {
        return tolerance;
    }

    /**
     * Writes num_p into {@code num[p]} and den_p into {@code den[denOffset + p]} for the cloud x[0, n) with kernel
     * width sigma (the self pair included: it adds 1 to den).
     */
    void sums(double[] x, int n, double sigma, double[] num, double[] den, int denOffset) {
        sums(x, n, sigma, num, den, denOffset, org.varflow.api.Workers.sequential());
    }

    /** As {@link #sums(double[], int, double, double[], double[], int)}, the box loops run over {@code workers}. */
    void sums(double[] x, int n, double sigma, double[] num, double[] den, int denOffset,
              org.varflow.api.Workers workers) {
        ensureCapacity(n);
        double s = Math.sqrt(2) * sigma;
        sort(x, n);
        makeBoxes(n, s);
        scale = s;
        numOut = num;
        denOut = den;
        denAt = denOffset;
        try {
            // moments of every box first: a target box's coefficients read those of its neighbours
            workers.forEach(0, boxes, CHUNKS, momentsChunk);
            workers.forEach(0, boxes, CHUNKS, taylorChunk);
        } finally {
            numOut = null;
            denOut = null;
        }
    }

    /**
     * An estimate of the work of {@link #sums} relative to the direct pair loop (below 1: the
     * transform is cheaper), after sorting and boxing x. Used by the {@code auto} rule.
     */
    double relativeCost(double[] x, int n, double sigma) {
        ensureCapacity(n);
        double s = Math.sqrt(2) * sigma;
        sort(x, n);
        makeBoxes(n, s);
        long pairs = 0;
        int lo = 0;
        int hi = 0;
        for (int t = 0; t < boxes; t++) {
            while (centre[lo] < centre[t] - (cutoff + 2 * HALF_WIDTH) * s) {
                lo++;
            }
            while (hi < boxes && centre[hi] <= centre[t] + (cutoff + 2 * HALF_WIDTH) * s) {
                hi++;
            }
            pairs += hi - lo;
        }
        // direct: n^2 / 2 pairs at about 12 flops each (exp included); transform: p^2 per box pair, 4 p per particle
        double direct = 12.0 * n * (double) n / 2;
        double fast = pairs * (double) order * (order + 2) + 4.0 * order * n + 20.0 * n;
        return fast / direct;
    }

    private void ensureCapacity(int n) {
        if (n > capacity) {
            capacity = n;
            perm = new int[n];
            permScratch = new int[n];
            sorted = new double[n];
            lastN = -1;
        }
        if (n != lastN) {
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            lastN = n;
        }
    }

    /** Sorts perm[0, n) by x, starting from the previous order: insertion sort while cheap, else merge sort. */
    private void sort(double[] x, int n) {
        long budget = 8L * n;
        long moves = 0;
        boolean done = true;
        for (int i = 1; i < n; i++) {
            int pi = perm[i];
            double key = x[pi];
            int j = i - 1;
            while (j >= 0 && x[perm[j]] > key) {
                perm[j + 1] = perm[j];
                j--;
                moves++;
            }
            perm[j + 1] = pi;
            if (moves > budget) {
                done = false;
                break;
            }
        }
        if (!done) {
            mergeSort(x, n);
        }
        for (int i = 0; i < n; i++) {
            sorted[i] = x[perm[i]];
        }
    }

    /** Bottom-up merge sort of perm[0, n) by x, stable, with permScratch as the buffer. */
    private void mergeSort(double[] x, int n) {
        int[] from = perm;
        int[] to = permScratch;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(n, lo + width);
                int hi = Math.min(n, lo + 2 * width);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    to[k++] = x[from[j]] < x[from[i]] ? from[j++] : from[i++];
                }
                while (i < mid) {
                    to[k++] = from[i++];
                }
                while (j < hi) {
                    to[k++] = from[j++];
                }
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        if (from != perm) {
            System.arraycopy(from, 0, perm, 0, n);
        }
    }

    /** Greedy boxes of width 2 r s over the sorted cloud: box b holds sorted[boxStart[b], boxStart[b + 1]). */
    private void makeBoxes(int n, double s) {
        double width = 2 * HALF_WIDTH * s;
        int b = 0;
        double start = Double.NaN;
        for (int i = 0; i < n; i++) {
            if (b == 0 || sorted[i] > start + width) {
                growBoxes(b + 1);
                start = sorted[i];
                boxStart[b] = i;
                centre[b] = start + HALF_WIDTH * s;
                b++;
            }
        }
        boxStart[b] = n;
        boxes = b;
    }

    private void growBoxes(int needed) {
        if (needed > boxCapacity) {
            int cap = Math.max(needed, Math.max(16, 2 * boxCapacity));
            boxStart = java.util.Arrays.copyOf(boxStart, cap + 1);
            centre = java.util.Arrays.copyOf(centre, cap);
            moments = new double[cap * order];
            taylor = new double[cap * order];
            boxCapacity = cap;
        }
    }

    /** A_n(S) = sum_{q in S} u_q^n / n! for the boxes S in [first, last). */
    private void accumulateMoments(double s, int first, int last) {
        int p = order;
        java.util.Arrays.fill(moments, first * p, last * p, 0.0);
        double inv = 1 / s;
        for (int b = first; b < last; b++) {
            int base = b * p;
            double c = centre[b];
            int i = boxStart[b];
            int end = boxStart[b + 1];
            // four particles at a time: four independent chains of u^k / k!
            for (; i + 3 < end; i += 4) {
                double u0 = (sorted[i] - c) * inv;
                double u1 = (sorted[i + 1] - c) * inv;
                double u2 = (sorted[i + 2] - c) * inv;
                double u3 = (sorted[i + 3] - c) * inv;
                double t0 = 1;
                double t1 = 1;
                double t2 = 1;
                double t3 = 1;
                for (int k = 0; k < p; k++) {
                    moments[base + k] += (t0 + t1) + (t2 + t3);
                    double f = inverse[k + 1];
                    t0 *= u0 * f;
                    t1 *= u1 * f;
                    t2 *= u2 * f;
                    t3 *= u3 * f;
                }
            }
            for (; i < end; i++) {
                double u = (sorted[i] - c) * inv;
                double term = 1;
                for (int k = 0; k < p; k++) {
                    moments[base + k] += term;
                    term *= u * inverse[k + 1];
                }
            }
        }
    }

    /** The Taylor coefficients of the target boxes [first, last) and the sums at their particles (chunk c). */
    private void translateAndEvaluate(int c, int first, int last) {
        translate(scale, first, last, hermites[c]);
        evaluate(scale, numOut, denOut, denAt, first, last);
    }

    /** B_k(T) for the boxes T in [first, last) from the moments of the boxes S within the cut-off. */
    private void translate(double s, int first, int last, double[] hermite) {
        int p = order;
        java.util.Arrays.fill(taylor, first * p, last * p, 0.0);
        double reach = (cutoff + 2 * HALF_WIDTH) * s;
        int lo = 0;
        for (int t = first; t < last; t++) {
            double ct = centre[t];
            while (centre[lo] < ct - reach) {
                lo++;
            }
            int tb = t * p;
            for (int src = lo; src < boxes && centre[src] <= ct + reach; src++) {
                double t0 = (ct - centre[src]) / s;
                hermiteFunctions(t0, 2 * p - 1, hermite);
                int sb = src * p;
                // B_k += sum_n A_n h_(n+k): as p updates of the whole row B (vectorisable), not p chained sums
                for (int n = 0; n < p; n++) {
                    double an = moments[sb + n];
                    for (int k = 0; k < p; k++) {
                        taylor[tb + k] += an * hermite[n + k];
                    }
                }
            }
            for (int k = 0; k < p; k++) {
                taylor[tb + k] *= signedInverseFactorial[k];
            }
        }
    }

    /** h_0..h_top at t into {@code hermite}. */
    private static void hermiteFunctions(double t, int top, double[] hermite) {
        double e = Math.exp(-t * t);
        hermite[0] = e;
        double prev = e;
        double cur = 2 * t * e;
        hermite[1] = cur;
        for (int m = 1; m < top; m++) {
            double next = 2 * t * cur - 2 * m * prev;
            hermite[m + 1] = next;
            prev = cur;
            cur = next;
        }
    }

    /**
     * den_p and num_p from the Taylor coefficients of p's box, for the boxes in [first, last), written back in the
     * caller's particle order.
     */
    private void evaluate(double s, double[] num, double[] den, int denOffset, int first, int last) {
        int p = order;
        double inv = 1 / s;
        double half = 0.5 * s;
        for (int b = first; b < last; b++) {
            int tb = b * p;
            double c = centre[b];
            for (int i = boxStart[b]; i < boxStart[b + 1]; i++) {
                double v = (sorted[i] - c) * inv;
                double value = taylor[tb + p - 1];
                double slope = 0;
                for (int k = p - 2; k >= 0; k--) {
                    slope = slope * v + value;
                    value = value * v + taylor[tb + k];
                }
                int q = perm[i];
                den[denOffset + q] = value;
                num[q] = half * slope;
            }
        }
    }
}
