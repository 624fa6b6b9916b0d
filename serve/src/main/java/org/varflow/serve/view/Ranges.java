package org.varflow.serve.view;

import java.util.Arrays;
import java.util.List;

/** The window the points of a run visit along one axis: central quantiles of all frames, padded. */
final class Ranges {
    /** Values sampled at most to find the quantiles. */
    static final int SAMPLE = 200_000;
    /** The fraction of values left out at each end (stray particles do not squash the picture). */
    static final double TAIL = 0.002;
    /** Padding on each side, as a fraction of the width. */
    static final double PAD = 0.08;

    private Ranges() {
    }

    /** [lo, hi] of coordinate {@code axis} of the points (of {@code dimension} coordinates) in the frames. */
    static double[] of(List<ViewFrame> frames, int dimension, int axis) {
        long total = 0;
        for (ViewFrame f : frames) {
            total += f.size() / dimension;
        }
        int stride = (int) Math.max(1, total / SAMPLE);
        double[] sample = new double[(int) Math.min(total, SAMPLE + frames.size() + 1)];
        int n = 0;
        long k = 0;
        for (ViewFrame f : frames) {
            int points = f.size() / dimension;
            for (int p = 0; p < points; p++, k++) {
                float x = f.value(p * dimension + axis);
                if ((k % stride == 0 || p == 0) && Float.isFinite(x) && n < sample.length) {
                    sample[n++] = x;
                }
            }
        }
        if (n == 0) {
            return new double[] {-1, 1};
        }
        double[] s = Arrays.copyOf(sample, n);
        Arrays.sort(s);
        double lo = s[(int) Math.floor(TAIL * (n - 1))];
        double hi = s[(int) Math.ceil((1 - TAIL) * (n - 1))];
        double w = hi - lo;
        if (!(w > 1e-12 * Math.max(1, Math.abs(lo)))) {
            double c = 0.5 * (lo + hi);
            double half = Math.max(1, Math.abs(c) * 0.5);
            return new double[] {c - half, c + half};
        }
        return new double[] {lo - PAD * w, hi + PAD * w};
    }
}
