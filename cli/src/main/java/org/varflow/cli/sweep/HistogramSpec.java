package org.varflow.cli.sweep;

import java.io.Serializable;
import java.util.Locale;
import org.varflow.api.ConfigurationException;

/**
 * Fixed histogram bins for the final particles of every ensemble run: {@code bins} equal bins of
 * [{@code lower}, {@code upper}) per coordinate, plus an underflow and an overflow count. The edges are known before
 * any particle is stepped, so the histograms of shards add up bin by bin to the histogram of the whole ensemble.
 *
 * @param lower the lower edge
 * @param upper the upper edge
 * @param bins  bins between them
 */
public record HistogramSpec(double lower, double upper, int bins) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Most bins allowed. */
    public static final int MAX_BINS = 10_000;
    /** The default: 80 bins of [-4, 4). */
    public static final HistogramSpec DEFAULT = new HistogramSpec(-4, 4, 80);

    public HistogramSpec {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(upper > lower) || bins < 1 || bins > MAX_BINS) {
            throw invalid(fmt(lower) + ":" + fmt(upper) + ":" + bins);
        }
    }

    /** Parses {@code LOWER:UPPER:BINS}, e.g. {@code -3:3:60}. */
    public static HistogramSpec parse(String text) {
        String[] p = text.split(":");
        if (p.length != 3) {
            throw new ConfigurationException("--histogram " + text + " is not of the form LOWER:UPPER:BINS (e.g."
                    + " -4:4:80)");
        }
        try {
            return new HistogramSpec(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()),
                    Integer.parseInt(p[2].trim()));
        } catch (ConfigurationException e) {
            throw invalid(text);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("--histogram " + text + " is not of the form LOWER:UPPER:BINS with"
                    + " numbers (e.g. -4:4:80)");
        }
    }

    /** Counts per coordinate: {@code bins + 2} slots each, [underflow, bin 0 ... bin bins-1, overflow]. */
    public int slots() {
        return bins + 2;
    }

    /** The slot of value v: 0 below the lower edge (and NaN), bins + 1 at or above the upper edge. */
    public int slot(double v) {
        if (!(v >= lower)) {
            return 0;
        }
        if (v >= upper) {
            return bins + 1;
        }
        int b = (int) ((v - lower) / (upper - lower) * bins);
        return 1 + Math.min(b, bins - 1);
    }

    /** The lower edge of bin b (0-based); -infinity for the underflow slot. */
    public double edge(int b) {
        return lower + (upper - lower) * b / bins;
    }

    /** Adds the particles of a row-major n x d state array to {@code counts} (d * slots() entries). */
    public void count(double[] states, int d, long[] counts) {
        int s = slots();
        for (int off = 0; off + d <= states.length; off += d) {
            for (int i = 0; i < d; i++) {
                counts[i * s + slot(states[off + i])]++;
            }
        }
    }

    private static ConfigurationException invalid(String shown) {
        return new ConfigurationException("--histogram " + shown + " is not valid; expected LOWER:UPPER:BINS with"
                + " finite LOWER < UPPER and 1 <= BINS <= " + MAX_BINS);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }
}
