package org.varflow.api;

/**
 * Where a step is: its index k (0 for the first step of a run), the time t_k at its start and its length h. Handed
 * to every {@link Scheme.Stepper#step} call, so a scheme that needs k (Adam's bias correction, a decaying step
 * size) reads it here instead of counting or recomputing it from t / h, which would be wrong once h has been
 * halved after a divergence. The runner owns the object and moves it between steps: read it during the call,
 * never keep it.
 */
public interface StepContext {

    /** The index k of the step: steps taken before it in this run (including those before a resume). */
    long index();

    /** The time t_k at the start of the step. */
    double time();

    /** The step length h. */
    double dt();

    /** A fixed context, for calling a stepper outside a run (tests, benchmarks). */
    static StepContext of(long index, double time, double dt) {
        return new Fixed(index, time, dt);
    }

    /** A context that does not move. */
    record Fixed(long index, double time, double dt) implements StepContext {
    }
}
