package org.varflow.serve;

import io.javalin.Javalin;
import java.net.BindException;
import java.net.URI;
import org.varflow.Varflow;
import org.varflow.api.ConfigurationException;
import org.varflow.serve.http.Routes;
import org.varflow.serve.runs.RunManager;

/**
 * The explorer's server: one page and a JSON API over a {@link Varflow}, on Javalin (Jetty 12), bound to
 * {@link ServeSettings#host()} (127.0.0.1 by default). It opens nothing by itself; {@link #address()} says where it
 * listens.
 *
 * <pre>{@code
 * try (Explorer explorer = Explorer.start(Varflow.create(), ServeSettings.defaults())) {
 *     System.out.println(explorer.address());   // http://127.0.0.1:7070/
 *     explorer.await();
 * }
 * }</pre>
 */
public final class Explorer implements AutoCloseable {
    private final Javalin app;
    private final RunManager runs;
    private final URI address;

    private Explorer(Javalin app, RunManager runs, URI address) {
        this.app = app;
        this.runs = runs;
        this.address = address;
    }

    /**
     * Starts the server.
     *
     * @throws ConfigurationException when the address cannot be bound (a port in use, an unknown host)
     */
    public static Explorer start(Varflow varflow, ServeSettings settings) {
        RunManager runs = new RunManager(varflow, settings.limits());
        Javalin app = Javalin.create(config -> {
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            Routes.register(config, varflow, runs);
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            runs.close();
            app.stop();
            throw new ConfigurationException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + reason(e) + (settings.port() == 0 ? "" : "; give another --port (0: any free port)"));
        }
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return new Explorer(app, runs, URI.create("http://" + host + ":" + app.port() + "/"));
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return "the port is in use (" + t.getMessage() + ")";
            }
        }
        return String.valueOf(e.getMessage());
    }

    /** Where the page is, e.g. {@code http://127.0.0.1:7070/}. */
    public URI address() {
        return address;
    }

    /** The port listened on. */
    public int port() {
        return app.port();
    }

    /** Blocks until the server stops (or the thread is interrupted). */
    public void await() throws InterruptedException {
        app.jettyServer().server().join();
    }

    /** Stops every run and the server. */
    @Override
    public void close() {
        runs.close();
        app.stop();
    }
}
