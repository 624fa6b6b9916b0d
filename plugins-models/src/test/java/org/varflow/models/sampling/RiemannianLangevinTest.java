package org.varflow.models.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;

/**
 * Langevin dynamics under a position-dependent metric K(x) = 1 + x^2 on R^1 (test metric 'test-mobility') for
 * E = x^2/2 at beta = 1:
 *
 * <pre>
 *   dx = [-K(x) x + T K'(x)] dt + sqrt(2 T K(x)) dW = (x - x^3) dt + sqrt(2 (1 + x^2)) dW
 * </pre>
 *
 * With the Ito correction T div K = 2x (noise 'thermal') the stationary law is the Gibbs law N(0, 1); without it
 * ('thermal-no-correction', a test-only noise that is the real increment minus the correction) it is
 * exp(-x^2/2) / ((1 + x^2) Z), whose variance is 0.5251. Euler-Maruyama with h = 0.004 to t = 8, 10000 particles
 * from 0; chi-square on 20 bins against N(0, 1) at the 0.999 level (critical value 43.82 for 19 degrees of freedom).
 */
class RiemannianLangevinTest {
    private static final int N = 10_000;
    private static final GibbsHistogram GIBBS = new GibbsHistogram(x -> Math.exp(-x * x / 2),
            GibbsHistogram.edges(-2.25, 2.25, 0.25), -9, 9);

    @Test
    void withTheItoCorrectionItSamplesTheGibbsLaw() {
        double[] x = SamplingRuns.run(spec("thermal")).result().states();
        assertThat(GIBBS.statistic(x)).isLessThan(GIBBS.critical(0.001));
        double se = Math.sqrt(2.0 / (N - 1)); // SE of a sample variance of N(0, 1) data
        assertThat(SamplingRuns.variance(x)).isCloseTo(1.0, within(5 * se));
    }

    @Test
    void leavingTheCorrectionOutIsDetected() {
        double[] x = SamplingRuns.run(spec("thermal-no-correction")).result().states();
        double chi2 = GIBBS.statistic(x);
        assertThat(chi2).as("the Gibbs check fails visibly").isGreaterThan(20 * GIBBS.critical(0.001));
        // and the samples follow the law the missing correction predicts, exp(-x^2/2) / (1 + x^2)
        double wrong = GibbsHistogram.secondMoment(y -> Math.exp(-y * y / 2) / (1 + y * y), -12, 12);
        assertThat(wrong).isCloseTo(0.5251, within(1e-4));
        // SE of the sample variance: sqrt((mu4 - v^2) / N) with mu4 <= 3 v^2 (this law is lighter-tailed than the
        // normal), so at most v sqrt(2 / N)
        assertThat(SamplingRuns.variance(x)).isCloseTo(wrong, within(5 * wrong * Math.sqrt(2.0 / N)));
    }

    private static FlowSpec spec(String noise) {
        return SamplingRuns.preset("langevin")
                .withPart(PartKind.SPACE, PartChoice.of("euclidean").with("dimension", 1).with("x0", "0"))
                .withPart(PartKind.METRIC, PartChoice.of("test-mobility").with("c", 1.0))
                .withPart(PartKind.NOISE, noise)
                .withDt(0.004).withTime(8).withParticles(N).withSeed(99);
    }
}
