package org.varflow.examples;

import org.varflow.RunSummary;
import org.varflow.Varflow;
import org.varflow.api.Energy;
import org.varflow.api.PartKind;

/**
 * Langevin dynamics with an energy written on the spot, as two lambdas. E(x) = (x - 1/2)^2 / 2 at temperature
 * T = 1/2 has the Gibbs law N(1/2, T); Euler-Maruyama with step h samples N(1/2, T / (1 - h/2)).
 */
public final class OwnEnergy {
    private OwnEnergy() {
    }

    /** The run the page shows. */
    public static RunSummary run() {
        // tag::own-energy[]
        Energy shifted = Energy.of(
                x -> 0.5 * (x[0] - 0.5) * (x[0] - 0.5),      // E(x)
                (x, gradient) -> gradient[0] = x[0] - 0.5);   // dE(x), written into the array given

        RunSummary summary = Varflow.create().preset("langevin")
                .energy("shifted", shifted)                   // the name it has in the summary
                .set(PartKind.ENTROPY, "beta", 2.0)           // T = 1/2; checked against the declared range now
                .particles(20_000).time(10).dt(0.01).seed(3)
                .run();
        // end::own-energy[]
        System.out.printf("mean %.4f (Gibbs 0.5), variance %.4f (Gibbs 0.5, scheme %.4f)%n",
                summary.state().mean()[0], summary.state().covariance(0, 0), 0.5 / (1 - 0.005));
        return summary;
    }

    public static void main(String[] args) {
        run();
    }
}
