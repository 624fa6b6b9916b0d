package org.varflow.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr for runs longer than about a second: steps done, percentage, rate and time
 * left, redrawn in place with carriage returns and erased when the run ends. It polls the run's progress counter
 * from a daemon thread, so the run itself is not slowed. Off when stderr is not an interactive terminal (the
 * command then writes nothing but its results) or with {@code --quiet}.
 */
final class Progress implements AutoCloseable {
    /** Runs shorter than this show no bar. */
    static final long DELAY_MILLIS = 1000;
    static final long INTERVAL_MILLIS = 200;
    private static final int BAR = 28;

    private final LongSupplier done;
    private final long total;
    private final String label;
    private final PrintWriter err;
    private final long delayMillis;
    private final long baseline;
    private final long started = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean moved;
    private int width;

    private Progress(LongSupplier done, long total, String label, PrintWriter err, long delayMillis, boolean on) {
        this.done = done;
        this.total = Math.max(1, total);
        this.label = label;
        this.err = err;
        this.delayMillis = delayMillis;
        this.baseline = done.getAsLong();
        if (on) {
            thread = new Thread(this::poll, "varflow-progress");
            thread.setDaemon(true);
            thread.start();
        } else {
            thread = null;
        }
    }

    /** Whether a bar may be drawn: stderr is an interactive terminal (as far as Java can tell) and not --quiet. */
    static boolean wanted(boolean quiet) {
        return !quiet && System.console() != null;
    }

    /**
     * Starts polling {@code done} (steps completed; a value left over from an earlier run on the same control
     * counts as 0 until it changes) towards {@code total} steps.
     */
    static Progress start(LongSupplier done, long total, String label, PrintWriter err, boolean on) {
        return new Progress(done, total, label, err, DELAY_MILLIS, on);
    }

    /** For tests: draws from the first poll on. */
    static Progress startNow(LongSupplier done, long total, String label, PrintWriter err) {
        return new Progress(done, total, label, err, 0, true);
    }

    private void poll() {
        try {
            while (running) {
                Thread.sleep(INTERVAL_MILLIS);
                long elapsed = (System.nanoTime() - started) / 1_000_000;
                if (running && elapsed >= delayMillis) {
                    draw(elapsed);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void draw(long elapsedMillis) {
        if (!running) {
            return;
        }
        long raw = done.getAsLong();
        if (raw != baseline) {
            moved = true;
        }
        long steps = Math.min(total, moved ? raw : 0);
        String line = line(label, steps, total, elapsedMillis / 1000.0);
        int pad = Math.max(0, width - line.length());
        err.print("\r" + line + " ".repeat(pad));
        err.flush();
        width = line.length();
    }

    /** The bar's text, e.g. {@code langevin [=========>          ]  34%  1700/5000 steps  850 steps/s  ETA 0:04}. */
    static String line(String label, long steps, long total, double seconds) {
        double f = Math.min(1, (double) steps / total);
        int filled = (int) Math.round(f * BAR);
        StringBuilder bar = new StringBuilder("[");
        for (int i = 0; i < BAR; i++) {
            bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        bar.append(']');
        double rate = seconds > 0 ? steps / seconds : 0;
        String eta = rate > 0 ? clock((total - steps) / rate) : "?";
        return String.format(Locale.ROOT, "%s %s %3d%%  %d/%d steps  %s steps/s  ETA %s", label, bar,
                Math.round(f * 100), steps, total, rate >= 100 ? String.format(Locale.ROOT, "%.0f", rate)
                        : String.format(Locale.ROOT, "%.3g", rate), eta);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Stops polling and erases the bar if one was drawn. */
    @Override
    public void close() {
        running = false;
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (width > 0) {
                err.print("\r" + " ".repeat(width) + "\r");
                err.flush();
                width = 0;
            }
        }
    }
}
