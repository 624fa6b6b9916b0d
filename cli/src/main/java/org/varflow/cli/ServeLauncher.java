package org.varflow.cli;

import java.io.PrintWriter;
import org.varflow.Varflow;
import org.varflow.serve.Explorer;
import org.varflow.serve.ServeSettings;
import org.varflow.serve.runs.RunLimits;

/** Starts the explorer for {@code varflow serve} and waits until the process is stopped. */
final class ServeLauncher {
    private ServeLauncher() {
    }

    /** What {@code varflow serve} was given. */
    record Options(String host, int port, int maxParticles, long maxState, long maxSteps, double maxSeconds,
                   int maxRuns, int maxQueued, long maxBody, int runThreads) {
    }

    static int serve(Varflow varflow, Options o, PrintWriter out) throws InterruptedException {
        RunLimits d = RunLimits.DEFAULTS;
        RunLimits limits = new RunLimits(o.maxParticles(), o.maxState(), o.maxSteps(), o.maxSeconds(), o.maxRuns(),
                o.maxQueued(), Math.max(d.keptRuns(), o.maxRuns() + o.maxQueued()), d.keptFrames(), d.framePoints(),
                o.maxBody(), o.runThreads());
        Explorer explorer = Explorer.start(varflow, new ServeSettings(o.host(), o.port(), limits));
        Runtime.getRuntime().addShutdownHook(new Thread(explorer::close, "varflow-serve-shutdown"));
        out.println("varflow serve: the explorer is at " + explorer.address() + "  (Ctrl-C stops it)");
        if (!isLoopback(o.host())) {
            out.println("varflow serve: bound to " + o.host() + ": other machines can reach it and run flows on this"
                    + " one (within the limits shown on the page)");
        }
        out.flush();
        explorer.await();
        return 0;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }
}
