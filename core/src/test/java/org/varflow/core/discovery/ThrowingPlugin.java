package org.varflow.core.discovery;

import org.varflow.api.Plugin;

/** A provider whose constructor throws; named only in a service file written by a test. */
public final class ThrowingPlugin implements Plugin {
    public ThrowingPlugin() {
        throw new IllegalStateException("cannot start: no licence");
    }

    @Override
    public String id() {
        return "throwing";
    }
}
