package org.varflow.core.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.varflow.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.varflow.api.FlowSpec;
import org.varflow.api.NumericalException;
import org.varflow.api.PartKind;
import org.varflow.Varflow;
import org.varflow.core.run.RunControl;
import org.varflow.core.testing.Flows;
import org.varflow.core.testing.LinearFlow;

/** Minimizing movement (implicit Euler) on quadratics: the closed-form step, order one, stiff stability. */
class MinimizingMovementTest {
    private static final Varflow VARFLOW = Flows.varflow();
    private static final LinearFlow FLOW = new LinearFlow(new double[][] {{3, 1}, {1, 2}}, new double[] {1, -1});
    private static final double[] X0 = {2, 1};

    /*
     * On a quadratic one Newton step solves (I + hA) y = x + h b exactly; what remains is rounding in the LU solve
     * and the residual check (residual <= 1e-12 (1 + |x|), well below after one step): about 1e-15 for |x| ~ 2 and
     * condition number of I + hA below 40. Tolerance 1e-12.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.1, 1.0, 10.0})
    void oneStepIsTheProximalClosedForm(double h) {
        double[] x = VARFLOW.run(Flows.reference2d("minimizing-movement", 1, h), new RunControl(1), null).result()
                .particle(0);

        double[] expected = FLOW.proximalStep(X0, h);
        assertThat(x[0]).isCloseTo(expected[0], within(1e-12));
        assertThat(x[1]).isCloseTo(expected[1], within(1e-12));
    }

    /* Per eigen-direction (1 + h lambda)^(-t/h) = exp(-lambda t)(1 + h lambda^2 t / 2 + O(h^2)): ratio 2 (1
            + O(hL)). */
    @Test
    void isFirstOrder() {
        double h = 0.02;
        double[] exact = FLOW.exact(X0, 1.0);
        double e1 = error(h, exact);
        double e2 = error(h / 2, exact);
        double e4 = error(h / 4, exact);

        assertThat(e1).isGreaterThan(1e-4);
        assertThat(e1 / e2).isBetween(1.8, 2.2);
        assertThat(e2 / e4).isBetween(1.8, 2.2);
    }

    /*
     * E = (x1^2 + 1000 x2^2)/2 - x1 - x2 from x0 = [3, 1] with h = 10: implicit Euler contracts every direction
     * (factors 1/11 and 1/10001 towards x* = [1, 0.001]); each of the 20 steps is the closed form up to rounding, so
     * the iterate
     * matches the closed-form recursion to 1e-12 and the energy never increases. Explicit Euler multiplies the
     * stiff direction by |1 - 10 * 1000| = 9999 per step and overflows (1e154) within 40 steps.
     */
    @Test
    void staysStableOnAStiffQuadraticWhereEulerDiverges() {
        FlowSpec spec = Flows.quadratic(2, "3,1", 20, 10.0)
                .withParam(PartKind.ENERGY, "diag", "1,1000")
                .withParam(PartKind.ENERGY, "b", "1,1")
                .withPart(PartKind.SCHEME, "minimizing-movement");
        LinearFlow stiff = new LinearFlow(new double[][] {{1, 0}, {0, 1000}}, new double[] {1, 1});

        Varflow.Outcome out = VARFLOW.run(spec, new RunControl(1), null);

        double[] expected = {3, 1};
        for (int k = 0; k < 20; k++) {
            expected = stiff.proximalStep(expected, 10.0);
        }
        double[] x = out.result().particle(0);
        assertThat(x[0]).isCloseTo(expected[0], within(1e-12));
        assertThat(x[1]).isCloseTo(expected[1], within(1e-12));
        assertThat(x[0]).isCloseTo(1.0, within(1e-12)); // 11^-20 away from x*
        assertThat(x[1]).isCloseTo(1e-3, within(1e-12));
        RunSummary summary = out.summary();
        assertThat(summary.diagnostics().energyIncreases()).hasValue(0L);
        assertThat(summary.diagnostics().finite()).isTrue();

        FlowSpec euler = spec.withPart(PartKind.SCHEME, "euler").withSteps(100);
        assertThatThrownBy(() -> VARFLOW.run(euler, new RunControl(1), null))
                .isInstanceOf(NumericalException.class)
                .hasMessageContaining("scheme 'euler'");
    }

    private static double error(double h, double[] exact) {
        FlowSpec spec = Flows.reference2d("minimizing-movement", 0, h).withTime(1.0);
        return LinearFlow.distance(VARFLOW.run(spec, new RunControl(1), null).result().particle(0), exact);
    }
}
