package org.varflow.core.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.varflow.api.FlowSpec;
import org.varflow.Varflow;
import org.varflow.core.run.RunControl;
import org.varflow.core.testing.Flows;
import org.varflow.core.testing.LinearFlow;

/** Adaptive Dormand-Prince against the matrix-exponential solution of a linear gradient flow. */
class DormandPrinceTest {
    private static final Varflow VARFLOW = Flows.varflow();
    private static final LinearFlow FLOW = new LinearFlow(new double[][] {{3, 1}, {1, 2}}, new double[] {1, -1});
    private static final double[] X0 = {2, 1};

    /*
     * Tolerance 1e-8. The scheme keeps each inner step's local error below atol + rtol |x| = 1e-13 + 1e-11 |x|,
     * |x| <= 2.3 along the path. The flow is a contraction (A is positive definite, |expm(-tA)| <= 1), so local
     * errors are not amplified and the global error is at most (number of inner steps) x 2.4e-11. With outer steps
     * of 0.1 (each at least one inner step; Dormand-Prince 8 needs few) there are well under 100 inner steps for
     * t <= 3: global error < 2.4e-9, with room for rounding (1e-16 per operation).
     */
    @ParameterizedTest
    @ValueSource(doubles = {1.0, 3.0})
    void matchesTheMatrixExponential(double t) {
        FlowSpec spec = Flows.reference2d("dormand-prince", 0, 0.1).withTime(t);

        Varflow.Outcome out = VARFLOW.run(spec, new RunControl(1), null);

        double[] exact = FLOW.exact(X0, t);
        double[] x = out.result().particle(0);
        assertThat(out.result().time()).isCloseTo(t, within(1e-12));
        assertThat(x[0]).isCloseTo(exact[0], within(1e-8));
        assertThat(x[1]).isCloseTo(exact[1], within(1e-8));
        // the summary reports the same final state
        assertThat(out.summary().state().mean()).containsExactly(x);
    }
}
