package org.varflow.serve;

import java.util.Objects;
import org.varflow.api.ConfigurationException;
import org.varflow.serve.runs.RunLimits;

/**
 * Where the explorer listens and what it lets users run.
 *
 * @param host   the address to bind, 127.0.0.1 by default (this machine only)
 * @param port   the port, 0 for any free one
 * @param limits the per-run and per-server limits
 */
public record ServeSettings(String host, int port, RunLimits limits) {
    /** The default host: this machine only. */
    public static final String LOCALHOST = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 7070;

    public ServeSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(limits, "limits");
        if (host.isBlank()) {
            throw new ConfigurationException("--host must not be empty; e.g. 127.0.0.1 (this machine only)");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigurationException("--port " + port + " is not valid; expected 0 (any free port) to 65535");
        }
    }

    /** 127.0.0.1:7070 with the default limits. */
    public static ServeSettings defaults() {
        return new ServeSettings(LOCALHOST, DEFAULT_PORT, RunLimits.DEFAULTS);
    }
}
