package org.varflow.testkit;

import org.varflow.api.StepContext;

/**
 * A {@link StepContext} that a test moves from step to step, so that a loop calling a stepper allocates nothing
 * for it (allocation probes see the stepper's own allocations only).
 *
 * <pre>{@code
 * StepCursor at = new StepCursor(h);
 * for (int k = 0; k < n; k++) {
 *     stepper.step(x, aux, at.moveTo(k), rng);
 * }
 * }</pre>
 */
public final class StepCursor implements StepContext {
    private final double dt;
    private long index;
    private double time;

    /** A cursor at step 0, time 0, for steps of length {@code dt}. */
    public StepCursor(double dt) {
        this.dt = dt;
    }

    /** Moves to step k at time k dt and returns this cursor. */
    public StepCursor moveTo(long k) {
        this.index = k;
        this.time = k * dt;
        return this;
    }

    @Override
    public long index() {
        return index;
    }

    @Override
    public double time() {
        return time;
    }

    @Override
    public double dt() {
        return dt;
    }
}
