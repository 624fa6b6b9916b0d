package org.varflow.models.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;

/**
 * The long-run law of Langevin dynamics on the tilted double well E = (x^2 - 1)^2/4 - 0.1 x at beta = 2 against the
 * Gibbs density exp(-beta E)/Z, by Pearson's chi-square on 20 bins (edges -1.8, -1.6, ..., 1.8; the outer two
 * unbounded), 19 degrees of freedom, rejected above the 0.999 quantile 43.82. Particles start at x = 0 and run to
 * t = 40: the slowest relaxation (well-to-well exchange, Kramers rate about 0.27 in total at this beta) has then
 * decayed by e^-10, far below the resolution of the test.
 */
class DoubleWellGibbsTest {
    private static final double BETA = 2;
    private static final double TILT = 0.1;
    private static final GibbsHistogram GIBBS = new GibbsHistogram(x -> Math.exp(-BETA * energy(x)),
            GibbsHistogram.edges(-1.8, 1.8, 0.2), -4, 4);

    /** MALA samples (exact at any h): h = 0.05, 20000 particles, 800 steps; shared by two tests. */
    private static double[] malaSamples;

    private static synchronized double[] mala() {
        if (malaSamples == null) {
            FlowSpec spec = doubleWell().withPart(PartKind.SCHEME, "mala").withDt(0.05).withSteps(800)
                    .withParticles(20_000);
            malaSamples = SamplingRuns.run(spec).result().states();
        }
        return malaSamples;
    }

    @Test
    void malaMatchesTheGibbsDensity() {
        double[] x = mala();
        assertThat(GIBBS.smallestExpectedCount(x.length)).isGreaterThan(5);
        assertThat(GIBBS.critical(0.001)).isBetween(43.8, 43.9);
        assertThat(GIBBS.statistic(x)).isLessThan(GIBBS.critical(0.001));
    }

    @Test
    void ulaWithASmallStepMatchesItToo() {
        // Euler-Maruyama's O(h) density bias at h = 0.01 moves bin probabilities by about 1e-3 relative, a
        // chi-square non-centrality of order N * 1e-6 = 0.01 for 10000 particles: invisible to the test
        FlowSpec spec = doubleWell().withDt(0.01).withSteps(4000).withParticles(10_000);
        double[] x = SamplingRuns.run(spec).result().states();
        assertThat(GIBBS.statistic(x)).isLessThan(GIBBS.critical(0.001));
    }

    @Test
    void theTestRejectsTheWrongTemperature() {
        // the same samples against exp(-E) / Z (beta = 1 instead of 2): the test has the power to tell
        double[] x = mala();
        GibbsHistogram hot = new GibbsHistogram(y -> Math.exp(-energy(y)), GibbsHistogram.edges(-1.8, 1.8, 0.2),
                -4, 4);
        assertThat(hot.statistic(x)).isGreaterThan(10 * hot.critical(0.001));
    }

    private static FlowSpec doubleWell() {
        return SamplingRuns.preset("langevin")
                .withPart(PartKind.SPACE, PartChoice.of("euclidean").with("dimension", 1).with("x0", "0"))
                .withPart(PartKind.ENERGY, PartChoice.of("double-well").with("tilt", TILT))
                .withPart(PartKind.ENTROPY, PartChoice.of("boltzmann").with("beta", BETA))
                .withSeed(2026);
    }

    private static double energy(double x) {
        double s = x * x - 1;
        return 0.25 * s * s - TILT * x;
    }
}
