package org.varflow.cli.plot;

import java.util.Arrays;
import java.util.Locale;

/**
 * A normalised histogram (a density: bar areas sum to one) whose bins cover every finite sample: the first edge is
 * the smallest sample, the last the largest. Bin widths follow Freedman and Diaconis (1981), 2 IQR n^-1/3, unless a
 * window is fixed (animation frames share one).
 *
 * @param edges   bin edges, ascending (bins + 1 of them)
 * @param density the density in each bin, count / (n width)
 * @param count   the number of finite samples n
 * @param rule    how the bins were chosen, in words (for legends and captions)
 */
public record Histogram(double[] edges, double[] density, int count, String rule) {
    /** The most bins a histogram gets. */
    static final int MAX_BINS = 200;

    public Histogram {
        edges = edges.clone();
        density = density.clone();
        if (edges.length != density.length + 1) {
            throw new IllegalArgumentException(edges.length + " edges for " + density.length + " bins");
        }
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public double[] density() {
        return density.clone();
    }

    /** Bins of the Freedman-Diaconis width over [min, max] of the samples; null with fewer than two samples. */
    public static Histogram freedmanDiaconis(double[] samples) {
        double[] s = sorted(samples);
        if (s.length < 2) {
            return null;
        }
        double lo = s[0];
        double hi = s[s.length - 1];
        if (!(hi > lo)) {
            return of(s, lo - 0.5, hi + 0.5, 1, "all samples equal");
        }
        double width = width(s);
        int bins = (int) Math.max(1, Math.min(MAX_BINS, Math.ceil((hi - lo) / width)));
        return of(s, lo, hi, bins, String.format(Locale.ROOT, "Freedman-Diaconis bins of %s",
                Axes.label(Double.parseDouble(String.format(Locale.ROOT, "%.3g", (hi - lo) / bins)))));
    }

    /**
     * Bins over a fixed window [lo, hi] that must contain every finite sample (e.g. the range of all frames of an
     * animation), of about the given width.
     */
    public static Histogram window(double[] samples, double lo, double hi, double width) {
        double[] s = sorted(samples);
        if (s.length == 0) {
            return null;
        }
        if (s[0] < lo || s[s.length - 1] > hi) {
            throw new IllegalArgumentException("samples in [" + s[0] + ", " + s[s.length - 1]
                    + "] outside the window [" + lo + ", " + hi + "]");
        }
        int bins = (int) Math.max(1, Math.min(MAX_BINS, Math.ceil((hi - lo) / width)));
        return of(s, lo, hi, bins, "fixed bins of width " + Axes.label((hi - lo) / bins));
    }

    /** The Freedman-Diaconis width 2 IQR n^-1/3 (or range / sqrt(n) when the IQR is 0) of sorted samples. */
    static double width(double[] sorted) {
        int n = sorted.length;
        double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
        double range = sorted[n - 1] - sorted[0];
        return iqr > 0 ? 2 * iqr / Math.cbrt(n) : range / Math.max(1, Math.sqrt(n));
    }

    /** The q-quantile of sorted samples, by linear interpolation between order statistics. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    private static Histogram of(double[] s, double lo, double hi, int bins, String rule) {
        double w = (hi - lo) / bins;
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = lo + b * w;
        }
        edges[bins] = hi;
        double[] counts = new double[bins];
        for (double v : s) {
            counts[Math.max(0, Math.min(bins - 1, (int) ((v - lo) / w)))]++;
        }
        for (int b = 0; b < bins; b++) {
            counts[b] /= s.length * w;
        }
        return new Histogram(edges, counts, s.length, rule);
    }

    private static double[] sorted(double[] samples) {
        return Arrays.stream(samples).filter(Double::isFinite).sorted().toArray();
    }

    /** The number of bins. */
    public int bins() {
        return density.length;
    }

    /**
     * The outline of the bars as a polyline with x strictly increasing (an area series needs it): each inner edge is
     * visited twice, the second time nudged right by 1e-9 of a bin.
     */
    public double[][] outline() {
        int bins = bins();
        double eps = 1e-9 * (edges[bins] - edges[0]) / bins;
        double[] x = new double[2 * bins + 2];
        double[] y = new double[x.length];
        x[0] = edges[0];
        for (int b = 0; b < bins; b++) {
            x[2 * b + 1] = edges[b] + eps;
            y[2 * b + 1] = density[b];
            x[2 * b + 2] = edges[b + 1];
            y[2 * b + 2] = density[b];
        }
        x[x.length - 1] = edges[bins] + eps;
        return new double[][] {x, y};
    }
}
