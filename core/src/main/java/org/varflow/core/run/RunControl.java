package org.varflow.core.run;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How a run is executed (not what it computes): the number of threads and a stop request. Results do not
 * depend on either, beyond where a stopped run ends.
 */
public final class RunControl {
    private final int threads;
    private final AtomicBoolean stop = new AtomicBoolean();

    public RunControl(int threads) {
        if (threads < 1) {
            throw new org.varflow.api.ConfigurationException("threads = " + threads
                    + " is not valid; expected a whole number >= 1");
        }
        this.threads = threads;
    }

    /** As many threads as the machine has cores. */
    public static RunControl defaults() {
        return new RunControl(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /** Asks the run to stop after the current step; what was computed is kept and reported. */
    public void requestStop() {
        stop.set(true);
    }

    public boolean stopRequested() {
        return stop.get();
    }
}
