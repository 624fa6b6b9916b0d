package org.varflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConstrainedSpace;

/** Space checks: the half-plane and a unit sphere pass; broken declarations fail the check named for them. */
class SpaceKitTest {
    /** The unit circle in R^2 with its tangent projection (or, broken, a projection that keeps the normal). */
    static ConstrainedSpace circle(boolean brokenProjection, double[] x0) {
        return new ConstrainedSpace() {
            @Override
            public String kind() {
                return "circle";
            }

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double[] initialState() {
                return x0.clone();
            }

            @Override
            public boolean contains(double[] x) {
                return defect(x) <= 1e-10;
            }

            @Override
            public String constraint() {
                return "||x| - 1| <= 1e-10";
            }

            @Override
            public double defect(double[] x) {
                return Math.abs(Math.hypot(x[0], x[1]) - 1);
            }

            @Override
            public int tangentDimension() {
                return 1;
            }

            @Override
            public void projectTangent(double[] x, double[] v, double[] out) {
                double s = brokenProjection ? 0 : (x[0] * v[0] + x[1] * v[1]) / (x[0] * x[0] + x[1] * x[1]);
                out[0] = v[0] - s * x[0];
                out[1] = v[1] - s * x[1];
            }
        };
    }

    @Test
    void correctSpacesPass() {
        List<CheckResult> plane = Checks.space(HalfPlane.SPACE, HalfPlane.metric(HalfPlane.Retraction.ITO));
        assertThat(Checks.failed(plane)).as(plane.toString()).isFalse();
        List<CheckResult> circle = Checks.space(circle(false, new double[] {0.6, 0.8}), null);
        assertThat(Checks.failed(circle)).as(circle.toString()).isFalse();
        assertThat(MetricKitTest.byName(circle).get(SpaceChecks.TANGENT_CHECK).status())
                .isEqualTo(CheckResult.Status.PASS);
    }

    @Test
    void aProjectionThatKeepsTheNormalFailsTheTangentCheck() {
        CheckResult t = MetricKitTest.byName(Checks.space(circle(true, new double[] {0.6, 0.8}), null))
                .get(SpaceChecks.TANGENT_CHECK);
        assertThat(t.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(t.where()).containsAnyOf("trace P = 2.0 but tangentDimension() = 1", "grows like t^1.00");
    }

    @Test
    void anInitialStateOutsideFails() {
        CheckResult i = MetricKitTest.byName(Checks.space(circle(false, new double[] {1, 1}), null))
                .get(SpaceChecks.INITIAL_CHECK);
        assertThat(i.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(i.worst()).contains("outside");
    }
}
