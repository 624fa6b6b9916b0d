package org.varflow.api;

/**
 * A capability of a per-run part or stepper: it can split the work on one state over several threads. The runner
 * hands such parts its {@link Workers} before the first step and {@link Workers#sequential()} after the last, when
 * the run has a single particle block (one state: an ensemble, a grid density, a network); when there are several
 * blocks, the blocks are what runs in parallel and the parts keep the sequential workers.
 *
 * <p>A part that implements this promises that its results do not depend on the workers it was given (the
 * contract of {@link Workers}: a fixed partition and chunk-order reductions), so a run's numbers are the same for
 * every thread count. Until {@link #useWorkers} is called it must work sequentially. Only per-run objects (what a
 * factory's {@code create} or a scheme's {@code stepper} returns) may implement it: the runner sets their state.
 */
public interface SplitsWork {

    /** The workers to use from now on, until the next call; never null. */
    void useWorkers(Workers workers);
}
