package org.varflow.core.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.varflow.api.FlowSpec;
import org.varflow.Varflow;
import org.varflow.core.run.RunControl;
import org.varflow.core.testing.Flows;
import org.varflow.core.testing.LinearFlow;

/** Explicit Euler is first order on a linear gradient flow. */
class EulerTest {
    private static final Varflow VARFLOW = Flows.varflow();
    private static final LinearFlow FLOW = new LinearFlow(new double[][] {{3, 1}, {1, 2}}, new double[] {1, -1});
    private static final double[] X0 = {2, 1};

    /*
     * Per eigen-direction the Euler iterate is (1 - h lambda)^(t/h) = exp(-lambda t) (1 - h lambda^2 t / 2 + O(h^2)),
     * so the error at t = 1 is C h (1 + O(h lambda)) and halving h halves it: the ratio is 2 (1 + O(h L)) with
     * h L <= 0.02 x 3.62 = 0.07. The band [1.8, 2.2] admits that correction and rejects order 2 (ratio 4) or no
     * convergence (ratio 1).
     */
    @Test
    void isFirstOrder() {
        double h = 0.02;
        double[] exact = FLOW.exact(X0, 1.0);
        double e1 = error(h, exact);
        double e2 = error(h / 2, exact);
        double e4 = error(h / 4, exact);

        assertThat(e1).isGreaterThan(1e-4); // far above rounding, so the ratios measure the scheme
        assertThat(e1 / e2).isBetween(1.8, 2.2);
        assertThat(e2 / e4).isBetween(1.8, 2.2);
    }

    /** One step is exactly x - h (A x - b): compare with the closed form to rounding (1e-15 on |x| ~ 2). */
    @Test
    void oneStepIsTheExplicitFormula() {
        double h = 0.1;
        double[] x = VARFLOW.run(Flows.reference2d("euler", 1, h), new RunControl(1), null).result().particle(0);

        // A x0 - b = [3*2+1*1-1, 1*2+2*1+1] = [6, 5]
        assertThat(x[0]).isCloseTo(2 - h * 6, within(1e-15));
        assertThat(x[1]).isCloseTo(1 - h * 5, within(1e-15));
    }

    private static double error(double h, double[] exact) {
        FlowSpec spec = Flows.reference2d("euler", 0, h).withTime(1.0);
        Varflow.Outcome out = VARFLOW.run(spec, new RunControl(1), null);
        assertThat(out.result().time()).isCloseTo(1.0, within(1e-12));
        return LinearFlow.distance(out.result().particle(0), exact);
    }
}
