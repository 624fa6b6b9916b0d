package org.varflow.examples;

import org.varflow.RunSummary;
import org.varflow.Varflow;

/** Registers the user's metric in-process and samples a Gibbs law with it. */
public final class UseYourMetric {
    private UseYourMetric() {
    }

    /** The run the page shows: Langevin on E = x^2/2 at T = 1 under the soft-walls metric. */
    public static RunSummary run() {
        // tag::register[]
        Varflow varflow = Varflow.builder()
                .plugin(new SoftWalls.WallsPlugin())        // next to every plugin discovered on the classpath
                .build();
        RunSummary summary = varflow.preset("langevin")
                .metric("soft-walls")                         // by id, like any registered part
                .particles(20_000).time(20).dt(0.01).seed(5)
                .run();                                       // the Gibbs law N(0, 1) all the same
        // end::register[]
        System.out.printf("mean %.4f, variance %.4f (Gibbs: 0, 1)%n", summary.state().mean()[0],
                summary.state().covariance(0, 0));
        return summary;
    }

    public static void main(String[] args) {
        run();
    }
}
