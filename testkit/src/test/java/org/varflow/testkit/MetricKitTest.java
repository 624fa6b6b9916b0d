package org.varflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.varflow.api.Metric;

/** The new metric checks on the half-plane: each broken retraction fails the check named for it. */
class MetricKitTest {
    static Map<String, CheckResult> byName(List<CheckResult> results) {
        return results.stream().collect(Collectors.toMap(CheckResult::name, r -> r, (a, b) -> a));
    }

    @Test
    void theItoConsistentRetractionPassesEveryCheck() {
        List<CheckResult> r = Checks.metric(HalfPlane.metric(HalfPlane.Retraction.ITO), HalfPlane.SPACE);
        assertThat(Checks.failed(r)).as(r.toString()).isFalse();
        assertThat(byName(r).get(MetricChecks.STOCHASTIC_CHECK).status()).isEqualTo(CheckResult.Status.PASS);
    }

    /*
     * y e^{v_y / y}: E[y'] - y = y E[e^{v_y/y} - 1] = h T y + O(h^2) for v_y ~ N(0, 2 h T y^2): a drift T y beside the
     * Ito drift 2 T y, i.e. 50 % off, against a standard error of about 1.4 y / sqrt(4000) = 0.02 y.
     */
    @Test
    void aRetractionRightOnlyToFirstOrderFailsTheStochasticCheck() {
        Metric m = HalfPlane.metric(HalfPlane.Retraction.FIRST_ORDER);
        Map<String, CheckResult> r = byName(Checks.metric(m, HalfPlane.SPACE));
        assertThat(r.get("retraction first order: R_x(tv) = x + tv + O(t^2)").status())
                .isEqualTo(CheckResult.Status.PASS);
        CheckResult s = r.get(MetricChecks.STOCHASTIC_CHECK);
        assertThat(s.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(s.where()).contains("coordinate 2 drifts", "the Ito drift T div K is 2");
    }

    @Test
    void aRetractionThatLeavesTheSpaceFails() {
        Map<String, CheckResult> r = byName(Checks.metric(HalfPlane.metric(HalfPlane.Retraction.LEAVING),
                HalfPlane.SPACE));
        CheckResult stays = r.get("states stay on the space");
        assertThat(stays.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(stays.toString()).contains("y = -", "y > 0");
        assertThat(r.get(MetricChecks.STOCHASTIC_CHECK).status()).isEqualTo(CheckResult.Status.PASS);
    }

    @Test
    void aWrongDivergenceSignFailsTheDivergenceCheck() {
        Metric good = HalfPlane.metric(HalfPlane.Retraction.ITO);
        Metric flipped = new Metric() {
            @Override
            public void raise(double[] x, double[] c, double[] out) {
                good.raise(x, c, out);
            }

            @Override
            public void sqrtRaise(double[] x, double[] xi, double[] out) {
                good.sqrtRaise(x, xi, out);
            }

            @Override
            public void divergence(double[] x, double[] out) {
                good.divergence(x, out);
                out[1] = -out[1];
            }

            @Override
            public void retract(double[] x, double[] v, double[] out) {
                good.retract(x, v, out);
            }
        };
        CheckResult div = byName(Checks.metric(flipped, HalfPlane.SPACE)).get("div K = finite differences of K");
        assertThat(div.status()).isEqualTo(CheckResult.Status.FAIL);
        // the place: the point, the component, and both values (div K_2 = 2y given as -2y)
        assertThat(div.where()).matches("x = \\[.*\\], component 2: divergence -[0-9.E-]+, differences [0-9.E]+");
    }

    /*
     * K = diag(1 + x_1^2, 1 + x_2^2) computed through a scratch array kept in a field: right alone, wrong when the
     * runner's threads step particles through the same instance (one thread's x lands in another's K).
     */
    @Test
    void scratchInAFieldFailsThreadSafety() {
        Metric shared = new Metric() {
            private final double[] scratch = new double[2];
            private volatile double fence;

            @Override
            public void raise(double[] x, double[] c, double[] out) {
                for (int i = 0; i < 2; i++) {
                    scratch[i] = 1 + x[i] * x[i];
                }
                double spin = fence; // a volatile read: the scratch is read back from memory, where others wrote
                for (int k = 0; k < 200; k++) {
                    spin += Math.sqrt(k + x[0] * x[0]);
                }
                for (int i = 0; i < 2; i++) {
                    out[i] = scratch[i] * c[i] + (spin < 0 ? 1 : 0);
                }
            }

            @Override
            public void sqrtRaise(double[] x, double[] xi, double[] out) {
                for (int i = 0; i < 2; i++) {
                    out[i] = Math.sqrt(1 + x[i] * x[i]) * xi[i];
                }
            }

            @Override
            public void divergence(double[] x, double[] out) {
                for (int i = 0; i < 2; i++) {
                    out[i] = 2 * x[i];
                }
            }
        };
        List<double[]> points = List.of(new double[] {0, 0}, new double[] {1, -2}, new double[] {3, 0.5},
                new double[] {-4, 2});
        CheckResult r = MetricChecks.threadSafety(shared, points, true);
        assertThat(r.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(r.where()).contains("raise component", "alone", "with 4 threads");
        assertThat(MetricChecks.threadSafety(HalfPlane.metric(HalfPlane.Retraction.ITO), points.subList(2, 4),
                true).status()).isEqualTo(CheckResult.Status.PASS);
    }
}
