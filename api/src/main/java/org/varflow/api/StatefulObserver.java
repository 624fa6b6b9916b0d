package org.varflow.api;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * An observer whose state can be written to a checkpoint and read back exactly (doubles as raw bits), so that a
 * resumed run reports what the uninterrupted run would have. The runner saves every stateful observer of a run
 * (its own and those plugins contribute) with each checkpoint, in the order they were attached, and on resume calls
 * {@link #restore} after {@link #start}. An observer that keeps anything between calls and is not a
 * {@code StatefulObserver} reports, after a resume, only what it saw since.
 */
public interface StatefulObserver extends Observer {

    /** Writes everything {@link #restore} needs. */
    void save(DataOutput out) throws IOException;

    /** Reads back what {@link #save} wrote. */
    void restore(DataInput in) throws IOException;
}
