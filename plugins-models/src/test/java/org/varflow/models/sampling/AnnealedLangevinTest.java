package org.varflow.models.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;

/**
 * The annealed-langevin preset on E = (x^2 - 1)^2/4 - 0.25 x (shallow well at -0.8376, global minimum at 1.1072,
 * saddle at -0.2696), every particle starting at x = -1 in the shallow well.
 */
class AnnealedLangevinTest {
    private static final double SADDLE = -0.2695944364054446;

    @Test
    void annealingReachesTheGlobalWellWherePlainGradientDescentDoesNot() {
        // 10 seeded runs of 100 particles each: each particle is an independent annealing run. Stated fraction: at
        // least 90% of the particles of every run, and at least 95% of all 1000, end in the global well.
        int total = 0;
        int reached = 0;
        for (long seed = 1; seed <= 10; seed++) {
            FlowSpec spec = SamplingRuns.preset("annealed-langevin").withParticles(100).withSeed(seed);
            double[] x = SamplingRuns.run(spec).result().states();
            int inGlobal = 0;
            for (double v : x) {
                if (v > SADDLE) {
                    inGlobal++;
                    // frozen near the minimum: at beta(60) = 80 the well's sd is 1 / sqrt(80 * 2.68) = 0.07
                    assertThat(v).isCloseTo(1.1072, within(0.5));
                }
            }
            assertThat(inGlobal).as("seed %d", seed).isGreaterThanOrEqualTo(90);
            total += x.length;
            reached += inGlobal;
        }
        assertThat((double) reached / total).isGreaterThanOrEqualTo(0.95);

        // gradient descent from the same start (entropy none, noise none): stuck at the local minimum
        FlowSpec gd = SamplingRuns.preset("annealed-langevin").withParticles(1)
                .withPart(PartKind.ENTROPY, "none").withPart(PartKind.NOISE, "none");
        double[] x = SamplingRuns.run(gd).result().states();
        assertThat(x[0]).isCloseTo(-0.8375654352833226, within(1e-9));
    }

    @Test
    void withoutCoolingTheSamplesStaySpreadOverBothWells() {
        // the same dynamics at the starting temperature (schedule constant, beta = 4) for the same time: the Gibbs
        // law at T = 0.25 puts about 87% in the global well, and the particles stay spread, not at its bottom
        FlowSpec hot = SamplingRuns.preset("annealed-langevin").withParticles(1000)
                .withPart(PartKind.ENTROPY, org.varflow.api.PartChoice.of("annealed").with("beta", 4.0)
                        .with("schedule", "constant"));
        double[] x = SamplingRuns.run(hot).result().states();
        double inGlobal = 0;
        for (double v : x) {
            inGlobal += v > SADDLE ? 1 : 0;
        }
        double fraction = inGlobal / x.length;
        assertThat(fraction).isBetween(0.7, 0.95);
        assertThat(SamplingRuns.variance(x)).isGreaterThan(0.1);
    }
}
