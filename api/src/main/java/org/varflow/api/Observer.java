package org.varflow.api;

import java.util.Map;

/**
 * Watches a run: called with the initial state, after every observed step, and at the end. Observers are created
 * per run, called from one thread, and report what they found through {@link #summary()}.
 */
public interface Observer {

    /** Called once before the first step. */
    default void start(RunInfo info) {
    }

    /** Called with the initial state (step 0) and after each observed step. */
    void observe(Snapshot snapshot);

    /** Called once after the last step (also after an interrupted run, with what was computed). */
    default void finish(Snapshot snapshot) {
    }

    /** Entries for the run's JSON summary (numbers, booleans, strings, lists, maps, or null). */
    default Map<String, Object> summary() {
        return Map.of();
    }
}
