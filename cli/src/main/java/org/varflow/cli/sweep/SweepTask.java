package org.varflow.cli.sweep;

import java.io.Serializable;

/**
 * One unit of work: a whole run, or one shard of its particles. Everything a task computes follows from its fields,
 * so a task retried on another executor recomputes the same numbers.
 *
 * @param task      its index in the plan
 * @param run       the run it belongs to (a grid cell and a seed)
 * @param shard     which shard of the run, 0 for an unsharded run
 * @param specJson  the run's complete spec (every parameter explicit, the seed included) in spec-file JSON
 * @param from      first particle of the shard, inclusive; -1 for the whole run
 * @param to        last particle of the shard, exclusive; -1 for the whole run
 * @param histogram the bins of the final particles' histograms, or null for none
 */
public record SweepTask(int task, int run, int shard, String specJson, int from, int to, HistogramSpec histogram)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Whether the task runs a slice of the run's particles. */
    public boolean sliced() {
        return from >= 0;
    }
}
