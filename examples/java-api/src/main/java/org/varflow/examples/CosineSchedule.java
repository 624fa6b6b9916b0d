package org.varflow.examples;

import org.varflow.api.Entropy;

/**
 * An entropy with a temperature schedule: the noise reads T(t) from here at every step, so fluctuation and
 * dissipation stay matched while the temperature falls.
 */
// tag::entropy[]
public record CosineSchedule(double hot, double cold, double period) implements Entropy {
    // T(t) = cold + (hot - cold) (1 + cos(pi min(t, period) / period)) / 2: from hot at t = 0 to cold at t = period

    @Override
    public double beta() {
        return 1 / hot;                                         // the inverse temperature at t = 0
    }

    @Override
    public double temperatureAt(double t) {
        double phase = Math.PI * Math.min(Math.max(t, 0), period) / period;
        return cold + (hot - cold) * 0.5 * (1 + Math.cos(phase));
    }
}
// end::entropy[]
