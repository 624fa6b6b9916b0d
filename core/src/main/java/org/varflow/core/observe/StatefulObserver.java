package org.varflow.core.observe;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.varflow.api.Observer;

/**
 * An observer whose state can be written to a checkpoint and read back exactly (doubles as raw bits), so that a
 * resumed run reports what the uninterrupted run would have. {@link #restore} is called after {@code start}.
 */
public interface StatefulObserver extends Observer {

    void save(DataOutput out) throws IOException;

    void restore(DataInput in) throws IOException;
}
