package org.varflow.examples;

import org.varflow.RunSummary;
import org.varflow.Varflow;

/** Runs a preset from {@code main()}: Langevin dynamics on E = x^2/2, whose Gibbs law is N(0, 1/beta). */
public final class QuickStart {
    private QuickStart() {
    }

    /** The run the page shows. */
    public static RunSummary run() {
        // tag::quick-start[]
        Varflow varflow = Varflow.create();                // every plugin on the classpath
        RunSummary summary = varflow.preset("langevin")    // Langevin on E = x^2/2 at beta = 1
                .particles(20_000)
                .time(5)
                .seed(7)
                .run();
        double mean = summary.state().mean()[0];            // ~ e^-5: the start x0 = 1 forgotten
        double variance = summary.state().covariance(0, 0); // ~ 1/beta (1 + h/2: Euler-Maruyama's bias)
        // end::quick-start[]
        System.out.printf("mean %.4f, variance %.4f%n", mean, variance);
        return summary;
    }

    public static void main(String[] args) {
        run();
    }
}
