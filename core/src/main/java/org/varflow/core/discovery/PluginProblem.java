package org.varflow.core.discovery;

import java.util.Objects;

/**
 * Something wrong with one plugin, reported by name while every other plugin keeps working.
 *
 * @param plugin the plugin id, or its class name when it could not be loaded
 * @param source the jar or directory it came from (may be "unknown")
 * @param message what went wrong and what was done about it
 */
public record PluginProblem(String plugin, String source, String message) {
    public PluginProblem {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "plugin " + plugin + " (" + source + "): " + message;
    }
}
