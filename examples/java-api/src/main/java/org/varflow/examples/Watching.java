package org.varflow.examples;

import java.util.ArrayList;
import java.util.List;
import org.varflow.Frame;
import org.varflow.FlowRun;
import org.varflow.RunSummary;
import org.varflow.Varflow;

/** Watches a run while it goes, and stops it early once the energy has settled. */
public final class Watching {
    private Watching() {
    }

    /** The energies seen, then the summary. */
    public record Watched(List<Double> energies, RunSummary summary) {
    }

    /** The run the page shows. */
    public static Watched run() {
        List<Double> energies = new ArrayList<>();
        // tag::watching[]
        try (FlowRun run = Varflow.create().preset("langevin").energy("double-well")
                .particles(10_000).time(100).every(50).start()) {  // returns at once; the flow runs on its own thread
            for (Frame frame : run.frames()) {                      // each observation, as it comes
                energies.add(frame.energy());                       // frame.states(): the particles, to draw
                if (frame.time() >= 5) {
                    run.stop();                                     // keep what was computed, and summarise it
                }
            }
            RunSummary summary = run.summary();                     // stoppedEarly: true
            // end::watching[]
            System.out.printf("%d frames, stopped at t = %.2f%n", energies.size(), summary.time());
            return new Watched(energies, summary);
        }
    }

    public static void main(String[] args) {
        run();
    }
}
