package org.varflow.core.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.varflow.api.Flow;
import org.varflow.api.SplitsWork;
import org.varflow.api.Workers;
import org.varflow.api.parallel.WorkerPool;

/**
 * The runner's hand-off of threads to the parts of a run with a single particle block: every part of the flow and
 * every stepper that {@link SplitsWork} gets one {@link WorkerPool} of the run's thread count for the run, and the
 * sequential workers back when it ends. With several blocks the blocks run in parallel and nothing is handed off.
 */
final class PartWorkers implements AutoCloseable {
    private static final PartWorkers NONE = new PartWorkers(List.of(), null);

    private final List<SplitsWork> parts;
    private final WorkerPool pool;

    private PartWorkers(List<SplitsWork> parts, WorkerPool pool) {
        this.parts = parts;
        this.pool = pool;
    }

    /**
     * Hands a pool of {@code threads} to the parts of {@code flow} and to {@code steppers} that split work, when
     * there is one block and more than one thread; otherwise hands off nothing.
     */
    static PartWorkers handOff(Flow flow, List<?> steppers, int blocks, int threads) {
        if (blocks != 1 || threads < 2) {
            return NONE;
        }
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<SplitsWork> parts = new ArrayList<>();
        List<Object> candidates = new ArrayList<>(List.of(flow.space(), flow.metric(), flow.energy(), flow.entropy(),
                flow.noise()));
        candidates.addAll(steppers);
        for (Object o : candidates) {
            if (o instanceof SplitsWork s && seen.add(o)) {
                parts.add(s);
            }
        }
        if (parts.isEmpty()) {
            return NONE;
        }
        WorkerPool pool = new WorkerPool(threads);
        for (SplitsWork s : parts) {
            s.useWorkers(pool);
        }
        return new PartWorkers(parts, pool);
    }

    /** Whether a pool was handed off. */
    boolean active() {
        return pool != null;
    }

    /** Gives the parts the sequential workers back and stops the pool's threads. */
    @Override
    public void close() {
        for (SplitsWork s : parts) {
            s.useWorkers(Workers.sequential());
        }
        if (pool != null) {
            pool.close();
        }
    }
}
