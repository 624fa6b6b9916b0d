package org.varflow.api;

import java.util.Objects;

/**
 * A part failed while a flow was built or run: it threw an exception that is neither a
 * {@link ConfigurationException} nor a {@link NumericalException}, recursed without end, or could not load a class
 * it needs. The runner names the part, its plugin and the jar it came from, and where in the run it failed; the
 * original exception is the cause. It is a fault in the part, not in the input: front ends report it with an exit
 * code of its own.
 */
public class PartFailureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final PartKind kind;
    private final String part;
    private final String plugin;
    private final String source;

    /**
     * @param message the whole message (naming the part, plugin, jar, step and time)
     * @param kind    the slot of the part that failed
     * @param part    its id
     * @param plugin  the id of the plugin that provided it
     * @param source  the jar or directory the plugin was loaded from ("unknown" when it cannot be told)
     * @param cause   what the part threw
     */
    public PartFailureException(String message, PartKind kind, String part, String plugin, String source,
                                Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.part = Objects.requireNonNull(part, "part");
        this.plugin = Objects.requireNonNull(plugin, "plugin");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The slot of the part that failed. */
    public PartKind kind() {
        return kind;
    }

    /** The id of the part that failed. */
    public String part() {
        return part;
    }

    /** The id of the plugin that provided it. */
    public String plugin() {
        return plugin;
    }

    /** The jar or directory its plugin came from. */
    public String source() {
        return source;
    }
}
