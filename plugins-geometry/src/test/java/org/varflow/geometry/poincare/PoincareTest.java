package org.varflow.geometry.poincare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Metric;
import org.varflow.api.PartChoice;
import org.varflow.api.Space;
import org.varflow.testkit.MetricContract;
import org.varflow.geometry.testing.Runs;
import org.varflow.geometry.testing.Spaces;

class PoincareTest {

    static Space ball(int d, String x0) {
        return Spaces.space(new PoincareBallSpaceFactory(), Map.of("dimension", d, "x0", x0));
    }

    @Nested
    class Contract2 extends MetricContract {
        @Override
        protected Metric metric() {
            return PoincareMetricFactory.PoincareMetric.ITO;
        }

        @Override
        protected Space space() {
            return ball(2, "0.3,-0.6");
        }
    }

    @Nested
    class Contract3 extends MetricContract {
        @Override
        protected Metric metric() {
            return PoincareMetricFactory.PoincareMetric.ITO;
        }

        @Override
        protected Space space() {
            return ball(3, "0.5,0.5,0.6");
        }
    }

    @Test
    void startOutsideTheBallIsRefused() {
        assertThatThrownBy(() -> ball(2, "0.8")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("|x| < 1");
    }

    static double distanceToOrigin(double[] x) {
        double r = 0;
        for (double v : x) {
            r += v * v;
        }
        r = Math.sqrt(r);
        return Math.log((1 + r) / (1 - r));
    }

    /**
     * For E = d(x, 0)^2 / 2 the Riemannian gradient has length d and points away from the origin along the
     * geodesic, and the retraction {@code exp} is the exact exponential map: each Euler step moves hyperbolic
     * distance h d straight towards 0, so d_k = d_0 (1 - h)^k exactly (the exact flow has d_0 e^{-t}). Checked to
     * 1e-10 relative over 2000 steps (rounding of 2000 Moebius additions).
     */
    @Test
    void distanceToTheAnchorShrinksGeometrically() {
        double h = 1e-3;
        List<double[]> states = Runs.trajectory(Runs.spec(
                PartChoice.of("poincare-ball").with("dimension", 2).with("x0", "0.6,-0.7"),
                PartChoice.of("poincare").with("retraction", "exp"), PartChoice.of("test-hyperbolic-origin"),
                PartChoice.of("euler"), 2000, h));
        double d0 = distanceToOrigin(states.get(0));
        for (int k = 0; k < states.size(); k += 250) {
            assertThat(distanceToOrigin(states.get(k))).isCloseTo(d0 * Math.pow(1 - h, k), within(1e-10 * d0));
        }
        double[] x = states.get(2000);
        // and the direction is kept: x stays on the diameter through x0
        assertThat(x[0] / x[1]).isCloseTo(0.6 / -0.7, within(1e-12));
    }

    /**
     * Steps of three times the distance overshoot the origin: d_{k+1} = |1 - 3| d_k = 2 d_k (exactly, to rounding,
     * while d stays well inside double precision: checked for k = 3), and however far the steps go the exponential
     * map keeps every state inside the ball (beyond d ~ 35 the Poincare coordinates cannot resolve distances and the
     * states sit at the clamp radius 1 - 1e-15).
     */
    @Test
    void hugeStepsStayInsideTheBall() {
        List<double[]> states = Runs.trajectory(Runs.spec(
                PartChoice.of("poincare-ball").with("dimension", 2).with("x0", "0.1,0.2"),
                PartChoice.of("poincare").with("retraction", "exp"), PartChoice.of("test-hyperbolic-origin"),
                PartChoice.of("euler"), 60, 3.0));
        for (double[] x : states) {
            assertThat(x[0] * x[0] + x[1] * x[1]).isLessThan(1);
        }
        double d0 = distanceToOrigin(states.get(0));
        assertThat(distanceToOrigin(states.get(3))).isCloseTo(8 * d0, within(1e-9 * d0));
    }
}
