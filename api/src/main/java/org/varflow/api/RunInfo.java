package org.varflow.api;

import java.util.Objects;

/**
 * What an observer is told when a run starts.
 *
 * @param spec      the resolved composition, with every parameter's value
 * @param flow      the five parts
 * @param particles number N of independent copies (1 for a single point)
 * @param steps     number of steps the run will take
 * @param dt        the step length
 */
public record RunInfo(FlowSpec spec, Flow flow, int particles, long steps, double dt) {
    public RunInfo {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(flow, "flow");
    }

    /** Coordinates of one particle. */
    public int dimension() {
        return flow.dimension();
    }
}
