package org.varflow.measures.observe;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.varflow.api.StatefulObserver;
import org.varflow.api.RunInfo;
import org.varflow.api.Snapshot;

/**
 * An observer that follows one scalar of the state along a run in a {@link Trace}: a subclass says how the scalar is
 * computed ({@link #value}) and, if not at every sampled step, when ({@link #samples}); the last snapshot is always
 * recorded. The trace is saved with checkpoints, so a resumed run reports the whole of it.
 */
abstract class TracedObserver implements StatefulObserver {
    protected final Trace trace;

    /** @param tolerance relative rise not counted as an increase (see {@link Trace}) */
    TracedObserver(double tolerance) {
        this.trace = new Trace(tolerance);
    }

    /** Starts the trace; a subclass that allocates its scratch here calls this first. */
    @Override
    public void start(RunInfo info) {
        trace.start(info.steps());
    }

    /** Whether a snapshot before the end is evaluated: by default the trace's sampled steps. */
    protected boolean samples(Snapshot s) {
        return trace.wants(s.step(), false);
    }

    @Override
    public final void observe(Snapshot s) {
        if (samples(s)) {
            trace.add(s.step(), s.time(), value(s));
        }
    }

    @Override
    public final void finish(Snapshot s) {
        trace.add(s.step(), s.time(), value(s), true);
    }

    /** The scalar at a snapshot. */
    protected abstract double value(Snapshot s);

    @Override
    public void save(DataOutput out) throws IOException {
        trace.save(out);
    }

    @Override
    public void restore(DataInput in) throws IOException {
        trace.restore(in);
    }

    /** The last value recorded. */
    double last() {
        return trace.last();
    }
}
