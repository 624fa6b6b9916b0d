package org.varflow.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.varflow.api.FlowSpec;
import org.varflow.api.NumericalException;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.Varflow;
import org.varflow.core.testing.Flows;

/** A diverging run stops with a message naming the step, the part to blame and a smaller dt. */
class DivergenceTest {
    private static final Varflow VARFLOW = Flows.varflow();

    @Test
    void eulerWithFarTooLargeAStepNamesTheStepAndASmallerDt() {
        double h = 10.0;
        FlowSpec spec = Flows.reference2d("euler", 10_000, h);

        // replay the scheme's arithmetic (g = A x - b, x += (-g) h) to find the first step whose state
        // exceeds the runner's overflow guard 1e154
        double[] x = {2, 1};
        long expectedStep = 0;
        while (Math.abs(x[0]) <= 1e154 && Math.abs(x[1]) <= 1e154) {
            double g0 = 3 * x[0] + 1 * x[1] - 1;
            double g1 = 1 * x[0] + 2 * x[1] - -1;
            x = new double[] {x[0] + -g0 * h, x[1] + -g1 * h};
            expectedStep++;
        }
        long step = expectedStep;
        assertThat(step).isBetween(50L, 200L);

        assertThatThrownBy(() -> VARFLOW.run(spec, new RunControl(1), null))
                .isInstanceOf(NumericalException.class)
                .hasMessageContaining("at step " + step + " ")
                .hasMessageContaining("scheme 'euler'")
                .hasMessageContaining("dt = 10.0000")
                .hasMessageContaining("dt = 1.00000")
                .hasMessageNotContaining("energy 'quadratic'");
    }

    /*
     * E = x^2/2 from x0 = 1 with h = 0.1: x_k = 0.9^k drops below 0.5 at k = 7, so the gradient evaluated at the
     * start of step 8 is NaN, and so is x_8.
     */
    @Test
    void aNonFiniteGradientBlamesTheEnergy() {
        FlowSpec spec = Flows.quadratic(1, "1", 100, 0.1)
                .withPart(PartKind.ENERGY, PartChoice.of("poisoned").with("below", 0.5));

        assertThatThrownBy(() -> VARFLOW.run(spec, new RunControl(1), null))
                .isInstanceOf(NumericalException.class)
                .hasMessageContaining("at step 8 ")
                .hasMessageContaining("NaN")
                .hasMessageContaining("energy 'poisoned'")
                .hasMessageContaining("gradient is not finite")
                .hasMessageContaining("dt");
    }

    /*
     * Every deterministic scheme stops (no hang) with a NumericalException when the gradient turns NaN, including in
     * the middle of an outer step (dt = 1: x(t) = e^-t crosses 0.5 at t = 0.69, inside the first step). Regression:
     * dormand-prince used to loop forever there (Commons Math accepts a NaN error estimate, then steps by NaN).
     */
    @ParameterizedTest
    @CsvSource({
        "euler, 0.1", "euler, 1.0", "minimizing-movement, 0.1", "minimizing-movement, 1.0",
        "dormand-prince, 0.1", "dormand-prince, 1.0"})
    void aNonFiniteGradientStopsEveryScheme(String scheme, double dt) {
        FlowSpec spec = Flows.quadratic(1, "1", 10, dt).withPart(PartKind.SCHEME, scheme)
                .withPart(PartKind.ENERGY, PartChoice.of("poisoned").with("below", 0.5));

        String message = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> messageOf(spec, 1));

        assertThat(message).contains("the run diverged at step ", "dt = ", "e.g. dt = ");
        if (!scheme.equals("minimizing-movement")) {
            assertThat(message).contains("gradient is not finite");
        }
    }

    /* The same with several blocks on two threads: the first particle to fail is reported, deterministically. */
    @Test
    void theFirstFailingParticleIsReportedWhateverTheThreads() {
        FlowSpec spec = Flows.quadratic(1, "1", 100, 0.1).withParticles(700)
                .withPart(PartKind.ENERGY, PartChoice.of("poisoned").with("below", 0.5));

        String one = messageOf(spec, 1);
        String two = messageOf(spec, 2);

        assertThat(two).isEqualTo(one).contains("at step 8 ").contains("particle 0,");
    }

    private static String messageOf(FlowSpec spec, int threads) {
        try {
            VARFLOW.run(spec, new RunControl(threads), null);
        } catch (NumericalException e) {
            return e.getMessage();
        }
        throw new AssertionError("the run did not diverge");
    }
}
