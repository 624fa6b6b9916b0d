package org.varflow.core.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.varflow.RunSummary;
import org.junit.jupiter.api.Test;
import org.varflow.api.FlowSpec;
import org.varflow.Varflow;
import org.varflow.core.run.RunControl;
import org.varflow.core.testing.Flows;
import org.varflow.core.testing.LinearFlow;

/**
 * The energy-dissipation check along deterministic gradient flows of E = x^T A x / 2 - b^T x, A = [[3,1],[1,2]],
 * b = [1,-1], x0 = [2,1]; eigenvalues (5 -+ sqrt 5)/2, so L = 3.618 and lambda_min = 1.382.
 */
class DissipationObserverTest {
    private static final Varflow VARFLOW = Flows.varflow();
    private static final LinearFlow FLOW = new LinearFlow(new double[][] {{3, 1}, {1, 2}}, new double[] {1, -1});
    private static final double L = FLOW.largestEigenvalue();
    private static final double LAMBDA_MIN = (5 - Math.sqrt(5)) / 2;

    /*
     * Euler on a quadratic, with g = A x - b: observed E_{k+1} - E_k = -h|g|^2 + h^2 g^T A g / 2 exactly, and the
     * trapezoidal prediction is -h(|g_k|^2 + |g_{k+1}|^2)/2 = -h|g|^2 + h^2 g^T A g - h^3 |A g|^2 / 2. So
     * |observed - predicted| <= h^2 g^T A g / 2 and |predicted| >= h|g|^2 (1 - hL): the relative violation lies
     * between h lambda_min / 2 (1 - hL) and h L / (2 (1 - hL)) = 1.8e-3 for h = 0.001. Observation every step
     * (1000 steps, automatic interval 1).
     */
    @Test
    void eulerViolationIsHalfTheStepTimesTheCurvature() {
        double h = 0.001;
        FlowSpec spec = Flows.reference2d("euler", 1000, h);

        RunSummary summary = VARFLOW.run(spec, new RunControl(1), null).summary();

        double violation = summary.diagnostics().maxDissipationViolation();
        assertThat(violation).isBetween(h * LAMBDA_MIN / 2 * (1 - h * L), h * L / (2 * (1 - h * L)));
        assertThat(summary.diagnostics().dissipationIntervalsChecked()).hasValue(1000L);
        assertThat(summary.diagnostics().energyIncreases()).hasValue(0L);
        assertThat(summary.energy()).isLessThan(summary.energyInitial());
    }

    /*
     * Dormand-Prince meters each step by 4-point Gauss-Legendre on its dense output, so the certificate sees only the
     * integrator's own error: its local error (<= 1e-11 |x| + 1e-13 per inner step) in an energy change of about
     * dt |g|^2 >= 1e-3 x 0.1 while |g| > 0.3 (t <= 1): below 1e-7 relative. The observation interval does not enter:
     * every step and every 50th step give the same bound (the old trapezoid over the interval gave 4e-6 and 1e-2).
     */
    @Test
    void dormandPrinceViolationIsItsTolerance() {
        double dt = 0.001;
        for (Integer every : new Integer[] {null, 50}) {
            FlowSpec spec = Flows.reference2d("dormand-prince", 1000, dt).withEvery(every);

            RunSummary summary = VARFLOW.run(spec, new RunControl(1), null).summary();

            assertThat(summary.diagnostics().maxDissipationViolation()).as("every %s", every).isLessThan(1e-7);
            assertThat(summary.diagnostics().energyIncreases()).hasValue(0L);
        }
    }

    /*
     * Euler is metered by the trapezoid rule on its own states whatever the observation interval, so observing every
     * 100th step gives the same figure as observing every step, to the size of the per-step figures' spread: both
     * lie in Euler's band [h lambda_min / 2 (1 - hL), h L / (2 (1 - hL))]. Over the same 100-step intervals the old
     * trapezoid across the interval was off by (100 dt)^2 L^2 / 3 = 4e-3, above the band's top 1.8e-3.
     */
    @Test
    void eulerFigureDoesNotDependOnTheObservationInterval() {
        double h = 0.001;
        RunSummary sparse = VARFLOW.run(Flows.reference2d("euler", 1000, h).withEvery(100), new RunControl(1), null)
                .summary();

        assertThat(sparse.diagnostics().maxDissipationViolation())
                .isBetween(h * LAMBDA_MIN / 2 * (1 - h * L), h * L / (2 * (1 - h * L)));
        assertThat(sparse.diagnostics().dissipationIntervalsChecked()).hasValue(10L);
    }

    /*
     * A scheme that is not metered (minimizing-movement) is metered by the runner with the trapezoid rule per step:
     * implicit Euler's first-order gap, about h L / 2, halves with h and does not depend on the interval.
     */
    @Test
    void unmeteredSchemesGetTheTrapezoidPerStep() {
        double[] figures = new double[2];
        for (int j = 0; j < 2; j++) {
            double h = 0.002 / (1 << j);
            FlowSpec spec = Flows.reference2d("minimizing-movement", Math.round(1 / h), h).withEvery(50 << j);
            figures[j] = VARFLOW.run(spec, new RunControl(1), null).summary().diagnostics().maxDissipationViolation();
        }
        assertThat(figures[0]).isBetween(0.002 * LAMBDA_MIN / 2 * 0.9, 0.002 * L / 2 * 1.1);
        assertThat(figures[0] / figures[1]).isCloseTo(2.0, org.assertj.core.api.Assertions.within(0.05));
    }

    /*
     * Euler with h L > 2 (h = 0.6, h L = 2.17): the top eigen-direction is multiplied by 1 - hL = -1.17 per step,
     * so after the other direction has died out (factor 0.17 per step) the energy grows every step. 100 steps
     * reach |x| ~ 1e7, far from overflow, so the run completes and the check must say so.
     */
    @Test
    void tooLargeAStepIsDetected() {
        double h = 0.6;
        assertThat(h * L).isGreaterThan(2);
        FlowSpec spec = Flows.reference2d("euler", 100, h);

        RunSummary summary = VARFLOW.run(spec, new RunControl(1), null).summary();

        assertThat(summary.diagnostics().energyIncreases().getAsLong()).isGreaterThan(50L);
        assertThat(summary.diagnostics().maxDissipationViolation()).isGreaterThan(1.0);
        assertThat(summary.energy()).isGreaterThan(summary.energyInitial());
    }
}
