package org.varflow.examples;

import org.varflow.Varflow;
import org.varflow.api.Energy;

/** Ships the half-plane: registered as a plugin, checked by the kit, and run as a Langevin sampler. */
public final class HalfPlaneRun {
    private HalfPlaneRun() {
    }

    /** Langevin on the half-plane with K = y^2 I, E = x^2 / 2y^2 + (ln y)^2 / 2 at T = 1; returns the mean of ln y. */
    public static double meanLogHeight() {
        // tag::half-plane-run[]
        Varflow varflow = Varflow.builder().plugin(new HalfPlane.HalfPlanePlugin()).build();
        // E = x^2 / 2y^2 + (ln y)^2 / 2
        Energy logHeight = Energy.of(
                s -> 0.5 * s[0] * s[0] / (s[1] * s[1]) + 0.5 * Math.log(s[1]) * Math.log(s[1]),
                (s, g) -> {
                    g[0] = s[0] / (s[1] * s[1]);
                    g[1] = -s[0] * s[0] / (s[1] * s[1] * s[1]) + Math.log(s[1]) / s[1];
                });
        Varflow.Outcome run = varflow.preset("langevin")
                .space("half-plane").metric("hyperbolic-half-plane").energy("log-height", logHeight)
                .particles(5_000).time(10).dt(0.01).seed(3)
                .execute();                                  // a state that left y > 0 would stop it (exit 3)
        // end::half-plane-run[]
        double sum = 0;
        double[] states = run.result().states();
        for (int p = 0; p < 5_000; p++) {
            sum += Math.log(states[2 * p + 1]);
        }
        return sum / 5_000;
    }
}
