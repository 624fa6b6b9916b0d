package org.varflow.cli.distance;

import java.io.PrintWriter;
import java.util.Locale;
import org.varflow.api.ConfigurationException;

/**
 * The cost of a distance, stated before it starts: the work (cost-matrix entries, kernel evaluations, pivots), the
 * memory, and a rough time from rates measured on a loaded two-core machine (they are estimates, said so, and err
 * long). Past {@link #LIMIT_SECONDS} a quadratic method is refused unless {@code --force} is given, with the
 * alternative that scales; past the memory the JVM has, it is refused outright (forcing it would only run out of
 * memory).
 *
 * @param method      what runs, e.g. "exact optimal transport (network simplex)"
 * @param work        the work in words, e.g. "a 2000 x 2000 cost matrix"
 * @param bytes       the memory it needs
 * @param seconds     the estimated time
 * @param alternative what scales instead, for the refusal message (empty when nothing is needed)
 */
public record Budget(String method, String work, long bytes, double seconds, String alternative) {
    /** Estimated seconds above which a quadratic method needs --force. */
    public static final double LIMIT_SECONDS = 60;
    /** Estimated seconds above which the cost is stated on stderr. */
    public static final double STATE_SECONDS = 2;

    // seconds per unit of work, measured with 'varflow distance' on this project's 2-core machines under load
    private static final double SIMPLEX = 3e-7;     // per (n + m) max(n, m): 2000 x 2000 ~ 2.4 s, 200000 x 100 > 15 min
    private static final double KERNEL = 2.5e-8;    // per kernel evaluation (exp and a d-term distance), d <= 4
    private static final double SINKHORN = 5e-9;    // per cost entry and iteration
    private static final double SINKHORN_ITERATIONS = 2000;
    private static final double SORT = 1.5e-7;      // per projected point and direction (projection and sort)
    private static final double FEATURE = 3e-8;     // per point, feature and coordinate (a cosine and a dot product)

    /** Exact W_p by the network simplex on an n x m cost matrix. */
    public static Budget exact(int n, int m, int d) {
        long entries = (long) n * m;
        return new Budget("exact optimal transport (network simplex)", "an " + n + " x " + m + " cost matrix",
                entries * (Double.BYTES + 1), SIMPLEX * ((double) n + m) * Math.max(n, m),
                alternatives(n, m, d));
    }

    /** Entropic OT, log-domain Sinkhorn. */
    public static Budget sinkhorn(int n, int m, int d) {
        long entries = (long) n * m;
        return new Budget("entropic optimal transport (Sinkhorn)", "an " + n + " x " + m + " cost matrix and"
                + " kernel, each iteration visiting all of it", 2 * entries * Double.BYTES,
                SINKHORN * entries * SINKHORN_ITERATIONS, alternatives(n, m, d));
    }

    /** Exact MMD, all pairs. */
    public static Budget mmd(int n, int m, int d) {
        double pairs = ((double) n + m) * ((double) n + m) / 2;
        return new Budget("exact MMD (every pair of points)", String.format(Locale.ROOT, "%.3g kernel evaluations",
                pairs), 0, KERNEL * pairs * Math.max(1, d / 4.0), "mmd --features 1000 (random Fourier features:"
                + " linear in n + m, about " + seconds(FEATURE * (n + m) * 1000.0 * d) + " here; an unbiased estimate"
                + " of the same MMD^2, reported with its standard error)");
    }

    /** Sliced W2 with L directions. */
    public static Budget sliced(int n, int m, int d, int projections) {
        return new Budget("sliced W2 (" + projections + " directions)", projections + " projections and sorts of "
                + n + " + " + m + " points", 16L * (n + m), SORT * (n + m) * projections * Math.max(1, d / 4.0), "");
    }

    /** MMD by D random features. */
    public static Budget features(int n, int m, int d, int features) {
        return new Budget("MMD by " + features + " random features", features + " passes over " + n + " + " + m
                + " points", 8L * features, FEATURE * (n + m) * (double) features * d, "");
    }

    private static String alternatives(int n, int m, int d) {
        return "sliced-w2 (directions projected and sorted: linear in n + m, about "
                + seconds(SORT * (n + m) * 200.0 * Math.max(1, d / 4.0)) + " here with 200 directions; a distance of"
                + " its own, at most W2, reported with its standard error) or mmd --features 1000 (about "
                + seconds(FEATURE * (n + m) * 1000.0 * d) + ")";
    }

    /**
     * Refuses what does not fit the memory, and what would take longer than {@link #LIMIT_SECONDS} unless
     * {@code force}; states the cost on {@code err} when it is long.
     */
    public void check(boolean force, PrintWriter err) {
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap / 2) {
            throw new ConfigurationException(method + " needs " + work + ": " + (bytes >> 20) + " MiB, more than"
                    + " half of the " + (heap >> 20) + " MiB the JVM may use; subsample the data, give a larger heap"
                    + " (VARFLOW_JAVA_OPTS=-Xmx8g), or use " + alternative);
        }
        if (seconds > LIMIT_SECONDS && !force) {
            throw new ConfigurationException(method + " needs " + work + ", about " + seconds(seconds) + " (an"
                    + " estimate); that is more than the " + (int) LIMIT_SECONDS + " s this command runs without"
                    + " --force. Use " + alternative + ", subsample the data, or give --force");
        }
        if (seconds > STATE_SECONDS) {
            err.println("varflow: " + method + ": " + work + (bytes > 0 ? ", " + Math.max(1, bytes >> 20) + " MiB"
                    : "") + ", about " + seconds(seconds) + " (an estimate)");
            err.flush();
        }
    }

    /** A duration as people read it: "0.3 s", "45 s", "12 min", "3.2 h", "5 days". */
    public static String seconds(double s) {
        if (s < 1) {
            return String.format(Locale.ROOT, "%.1g s", s);
        }
        if (s < 120) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        if (s < 7200) {
            return String.format(Locale.ROOT, "%.0f min", s / 60);
        }
        if (s < 172800) {
            return String.format(Locale.ROOT, "%.1f h", s / 3600);
        }
        return String.format(Locale.ROOT, "%.0f days", s / 86400);
    }
}
