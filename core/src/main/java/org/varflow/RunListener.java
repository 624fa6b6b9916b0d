package org.varflow;

/**
 * Watches a run as it goes: called on the run's thread with a {@link Frame} at the initial state and at every
 * observation (every {@code every} steps; about 1000 times per run of one particle and 50 per ensemble run by
 * default; the last step is always observed).
 * A listener that takes long slows the run down; copy what you need and return.
 */
@FunctionalInterface
public interface RunListener {

    /** One observation. */
    void onFrame(Frame frame);
}
