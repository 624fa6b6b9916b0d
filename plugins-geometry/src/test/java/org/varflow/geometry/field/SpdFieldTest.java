package org.varflow.geometry.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Metric;
import org.varflow.api.PartChoice;
import org.varflow.api.Space;
import org.varflow.Varflow;
import org.varflow.testkit.MetricContract;
import org.varflow.geometry.testing.Runs;
import org.varflow.geometry.testing.Spaces;

class SpdFieldTest {
    static final Space SPACE = Spaces.euclidean(0.5, -1, 2);

    static Metric field(String id, double c) {
        return Spaces.metric(new SpdFieldMetricFactory(), Map.of("field", id, "c", c), SPACE);
    }

    @Nested
    class WarpedContract extends MetricContract {
        @Override
        protected Metric metric() {
            return field("warped", 2);
        }

        @Override
        protected Space space() {
            return SPACE;
        }
    }

    @Nested
    class ConformalContract extends MetricContract {
        @Override
        protected Metric metric() {
            return field("conformal", 0.7);
        }

        @Override
        protected Space space() {
            return SPACE;
        }
    }

    @Nested
    class TridiagonalContract extends MetricContract {
        @Override
        protected Metric metric() {
            return field("tridiagonal", 0.9);
        }

        @Override
        protected Space space() {
            return SPACE;
        }
    }

    /** K of g = I + c x x^T by Sherman-Morrison: I - c x x^T / (1 + c |x|^2); the Cholesky solve agrees to 1e-14. */
    @Test
    void warpedFieldMatchesShermanMorrison() {
        double c = 2;
        double[] x = {0.5, -1, 2};
        double[] k = MetricContract.matrixOfK(field("warped", c), x);
        double xx = 0.25 + 1 + 4;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double exact = (i == j ? 1 : 0) - c * x[i] * x[j] / (1 + c * xx);
                assertThat(k[i * 3 + j]).isCloseTo(exact, within(1e-14));
            }
        }
    }

    /**
     * The conformal field's divergence in closed form, div_i = -2 c x_i / (1 + c|x|^2)^2, against the metric's
     * central differences (step 2e-5 at |x_j| = 2: truncation ~ eta^2 |K'''| ~ 1e-10, rounding ~ 1e-16/eta ~ 1e-11).
     */
    @Test
    void finiteDifferenceDivergenceMatchesTheClosedForm() {
        double c = 0.7;
        double[] x = {0.5, -1, 2};
        double[] div = new double[3];
        field("conformal", c).divergence(x, div);
        double q = 1 + c * (0.25 + 1 + 4);
        for (int i = 0; i < 3; i++) {
            assertThat(div[i]).isCloseTo(-2 * c * x[i] / (q * q), within(1e-9));
        }
    }

    @Test
    void tridiagonalNeedsStrengthBelowOne() {
        assertThatThrownBy(() -> field("tridiagonal", 1)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("c < 1");
    }

    @Test
    void zeroStrengthIsTheConstantEuclideanMetric() {
        Metric m = field("warped", 0);
        assertThat(m).isInstanceOf(org.varflow.api.ConstantMetric.class);
        assertThat(MetricContract.matrixOfK(m, new double[] {3, 4, 5}))
                .containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
    }

    /**
     * Every metric has the same minimiser: the flow of E = |x|^2/2 - b.x under each field, integrated by
     * Dormand-Prince to t = 300, reaches x* = b (near x* the slowest rate is lambda_min(K) = 1/lambda_max(g) >= 1/8
     * for these fields, so the error is below e^{-30}).
     */
    @ParameterizedTest
    @ValueSource(strings = {"warped", "conformal", "tridiagonal"})
    void everyFieldFlowsToTheMinimiser(String id) {
        Varflow.Outcome out = Runs.run(flow(id, 300, 1.0));
        java.util.List<Double> x = Runs.get(out.summary().toMap(), "state", "x");
        assertThat(x.get(0)).isCloseTo(1, within(1e-8));
        assertThat(x.get(1)).isCloseTo(2, within(1e-8));
        assertThat(x.get(2)).isCloseTo(-1, within(1e-8));
    }

    /**
     * The Riemannian dissipation identity dE/dt = -<dE, K dE> along the Dormand-Prince flow: the certificate sums each
     * step's dissipation by Gauss-Legendre on the integrator's dense output, so what remains is the integrator's own
     * error (tolerance 1e-11 relative): below 1e-6 at both steps, whatever the observation interval.
     */
    @ParameterizedTest
    @ValueSource(strings = {"warped", "conformal", "tridiagonal"})
    void dissipationIdentityHoldsUnderEveryField(String id) {
        double coarse = Runs.violation(Runs.run(flow(id, 100, 0.02)));
        double fine = Runs.violation(Runs.run(flow(id, 200, 0.01)));
        assertThat(coarse).isLessThan(1e-6);
        assertThat(fine).isLessThan(1e-6);
    }

    private static org.varflow.api.FlowSpec flow(String id, long steps, double dt) {
        return Runs.spec(PartChoice.of("euclidean").with("dimension", 3).with("x0", "2,-1,3"),
                PartChoice.of("spd-field").with("field", id).with("c", 0.5),
                PartChoice.of("test-quadratic").with("b", "1,2,-1"), PartChoice.of("dormand-prince"), steps, dt);
    }
}
