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
     * For the exact flow, E_b - E_a = -integral D dt with D = |g|^2, and the trapezoid rule errs by
     * dt^3 D''/12 with D'' = 4|A g|^2 <= 4 L^2 D: relative violation <= dt^2 L^2 / 3 (1 + dt L) = 4.4e-6 for
     * dt = 0.001. Dormand-Prince adds its local error (<= 1e-11 |x| per inner step) to the energy change
     * dt |g|^2 ~ 1e-3 |g|^2, i.e. below 1e-7 relative while |g| > 0.1 (|g| >= 0.3 for t <= 1). Bound:
     * dt^2 L^2 / 3 (1 + dt L) + 1e-6.
     */
    @Test
    void dormandPrinceViolationIsTheTrapezoidError() {
        double dt = 0.001;
        FlowSpec spec = Flows.reference2d("dormand-prince", 1000, dt);

        RunSummary summary = VARFLOW.run(spec, new RunControl(1), null).summary();

        double violation = summary.diagnostics().maxDissipationViolation();
        assertThat(violation).isLessThan(dt * dt * L * L / 3 * (1 + dt * L) + 1e-6);
        assertThat(summary.diagnostics().energyIncreases()).hasValue(0L);
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
