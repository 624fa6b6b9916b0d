package org.varflow.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.varflow.Varflow;
import org.varflow.serve.runs.RunLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code varflow serve}: the explorer in the browser. The options and their defaults are plain values; the web
 * server's classes are loaded by {@link ServeLauncher} only when this command runs, so the other commands start as
 * fast as before.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve the explorer: a page to compose the five parts, run, and watch the flow",
            "(and a JSON API, see docs/explorer.md). Prints the address; opens nothing by itself."},
        footer = {"", "Examples:", "  varflow serve                      # http://127.0.0.1:7070/",
            "  varflow serve --port 0             # any free port",
            "  varflow serve --max-particles 50000 --max-seconds 120"})
final class ServeCommand implements Callable<Integer> {
    private final Varflow varflow;
    private final PrintWriter out;

    @Option(names = "--port", paramLabel = "N", defaultValue = "7070",
            description = "port to listen on, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "address to bind (default: ${DEFAULT-VALUE}, this machine only)")
    String host;

    @Option(names = "--max-particles", paramLabel = "N", defaultValue = "" + RunLimits.DEFAULT_MAX_PARTICLES,
            description = "particles of one run (default: ${DEFAULT-VALUE})")
    int maxParticles;

    @Option(names = "--max-state", paramLabel = "N", defaultValue = "" + RunLimits.DEFAULT_MAX_STATE,
            description = "particles x coordinates of one run (default: ${DEFAULT-VALUE})")
    long maxState;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "" + RunLimits.DEFAULT_MAX_STEPS,
            description = "steps of one run (default: ${DEFAULT-VALUE})")
    long maxSteps;

    @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "" + RunLimits.DEFAULT_MAX_SECONDS,
            description = "wall-clock seconds of one run; then it stops and keeps what it computed"
                    + " (default: ${DEFAULT-VALUE})")
    double maxSeconds;

    @Option(names = "--max-runs", paramLabel = "N", defaultValue = "" + RunLimits.DEFAULT_MAX_RUNS,
            description = "runs at once (default: ${DEFAULT-VALUE})")
    int maxRuns;

    @Option(names = "--max-queued", paramLabel = "N", defaultValue = "" + RunLimits.DEFAULT_MAX_QUEUED,
            description = "runs waiting for a worker; more are refused with 429 (default: ${DEFAULT-VALUE})")
    int maxQueued;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "" + RunLimits.DEFAULT_MAX_BODY,
            description = "bytes of a request body (default: ${DEFAULT-VALUE})")
    long maxBody;

    @Option(names = "--run-threads", paramLabel = "N", defaultValue = "" + RunLimits.DEFAULT_RUN_THREADS,
            description = "worker threads of one run; the numbers do not depend on it (default: ${DEFAULT-VALUE})")
    int runThreads;

    @Inject
    ServeCommand(Varflow varflow, @Stdout PrintWriter out) {
        this.varflow = varflow;
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServeLauncher.Options options = new ServeLauncher.Options(host, port, maxParticles, maxState, maxSteps,
                maxSeconds, maxRuns, maxQueued, maxBody, runThreads);
        return ServeLauncher.serve(varflow, options, out);
    }
}
