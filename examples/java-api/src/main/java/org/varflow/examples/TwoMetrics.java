package org.varflow.examples;

import java.util.Map;
import org.varflow.RunSummary;
import org.varflow.Varflow;
import org.varflow.api.PartKind;

/**
 * One energy, two geometries, composed from nothing: the ill-conditioned quadratic E = (x1^2 + 100 x2^2) / 2 by
 * gradient descent in the Euclidean metric, which must keep h below 2/100 and crawls along x1, and in the diagonal
 * metric K = diag(1, 1/100) = A^-1, which is Newton's method here: one step of h = 1 lands on the minimum.
 */
public final class TwoMetrics {
    private TwoMetrics() {
    }

    /** The final energy of each geometry, by metric id. */
    public static Map<String, Double> run() {
        // tag::two-metrics[]
        Varflow varflow = Varflow.create();
        var flow = varflow.flow()                                  // from nothing: no preset
                .space("euclidean").set(PartKind.SPACE, "dimension", 2L)
                .set(PartKind.SPACE, "x0", new double[] {1, 1})
                .energy("quadratic").set(PartKind.ENERGY, "diag", new double[] {1, 100})
                .scheme("euler");

        RunSummary euclidean = flow.metric("euclidean")            // K = I: stable only for h < 2/100
                .dt(0.019).steps(100).run();
        RunSummary newton = flow.metric("diagonal")                // K = A^-1: Newton's step
                .set(PartKind.METRIC, "k", new double[] {1, 0.01})
                .dt(1).steps(1).run();
        // end::two-metrics[]
        System.out.printf("Euclidean, 100 steps: E = %.3e; diagonal (Newton), 1 step: E = %.3e%n",
                euclidean.energy(), newton.energy());
        return Map.of("euclidean", euclidean.energy(), "diagonal", newton.energy());
    }

    public static void main(String[] args) {
        run();
    }
}
