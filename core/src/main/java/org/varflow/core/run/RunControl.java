package org.varflow.core.run;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.varflow.api.ConfigurationException;

/**
 * How a run is executed: threads, a stop request, checkpoints and what to do when a deterministic run diverges.
 * Results do not depend on the threads, the stop point or the checkpoints; {@link OnDivergence#HALVE} changes them
 * only where the run would otherwise have failed.
 */
public final class RunControl {
    /** What to do when a step produces NaN, infinity or overflow. */
    public enum OnDivergence {
        /** Stop with a message naming the step, time, part and a smaller dt. */
        STOP,
        /**
         * Deterministic flows only: go back to the last observed state, halve dt for the rest of the run, and try
         * again (at most {@value FlowRunner#MAX_HALVINGS} times).
         */
        HALVE
    }

    private final int threads;
    private final AtomicBoolean stop = new AtomicBoolean();
    private OnDivergence onDivergence = OnDivergence.STOP;
    private long checkpointEvery;
    private Consumer<RunState> checkpointer;
    private ParticleSlice slice;
    /** Steps completed by the run using this control, updated by the runner once per chunk; for progress displays. */
    volatile long stepsDone;

    public RunControl(int threads) {
        if (threads < 1) {
            throw new ConfigurationException("threads = " + threads + " is not valid; expected a whole number >= 1");
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

    public RunControl onDivergence(OnDivergence policy) {
        this.onDivergence = policy;
        return this;
    }

    public OnDivergence onDivergence() {
        return onDivergence;
    }

    /** Hands the complete run state to {@code checkpointer} every {@code steps} steps. */
    public RunControl checkpointEvery(long steps, Consumer<RunState> checkpointer) {
        if (steps < 1) {
            throw new ConfigurationException("checkpoint interval = " + steps + " is not valid; expected >= 1");
        }
        this.checkpointEvery = steps;
        this.checkpointer = checkpointer;
        return this;
    }

    /** Steps between checkpoints, 0 when none are taken. */
    public long checkpointEvery() {
        return checkpointEvery;
    }

    /** Who receives the checkpoints, or null. */
    public Consumer<RunState> checkpointer() {
        return checkpointer;
    }

    /**
     * Runs only the particles of {@code slice} (null: all of them), each with the random stream it has in the whole
     * run, so that the slices of a split ({@link ParticleSlice#split}) together reproduce the whole run bitwise,
     * particle by particle. The run's observers, summary and result then describe the slice's particles; the spec,
     * the observation schedule and the seed stay those of the whole run. Not combined with checkpoints.
     */
    public RunControl slice(ParticleSlice slice) {
        this.slice = slice;
        return this;
    }

    /** The particles this run steps, or null for all of them. */
    public ParticleSlice slice() {
        return slice;
    }

    /** Asks the run to stop after the current step; what was computed is kept and reported. */
    public void requestStop() {
        stop.set(true);
    }

    public boolean stopRequested() {
        return stop.get();
    }

    /** Steps completed so far by the run using this control (updated once per observation interval). */
    public long progress() {
        return stepsDone;
    }
}
