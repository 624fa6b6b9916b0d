package org.varflow.ot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Optimality checks for exact OT results: primal feasibility, dual feasibility, complementary slackness, duality. */
final class OtAssertions {
    private OtAssertions() {
    }

    /**
     * Checks that {@code r} solves OT(a, b; C): plan non-negative with marginals a, b (to {@code marginalTol}),
     * reported cost = <C, P>, reduced costs C_ij - f_i - g_j >= -1e-9, = 0 (within 1e-9) on the support, and
     * <C, P> = <a, f> + <b, g> within 1e-9 (times the cost scale).
     *
     * @return the smallest reduced cost found
     */
    static double assertOptimal(double[] a, double[] b, double[] cost, ExactOTResult r, double marginalTol) {
        int n = a.length;
        int m = b.length;
        SparsePlan plan = r.plan();
        assertThat(plan.rows()).isEqualTo(n);
        assertThat(plan.cols()).isEqualTo(m);
        assertThat(plan.size()).isLessThanOrEqualTo(n + m - 1);
        double[] rows = plan.rowSums();
        double[] cols = plan.colSums();
        for (int i = 0; i < n; i++) {
            assertThat(rows[i]).as("row %d", i).isCloseTo(a[i], within(marginalTol));
        }
        for (int j = 0; j < m; j++) {
            assertThat(cols[j]).as("column %d", j).isCloseTo(b[j], within(marginalTol));
        }
        double scale = 1;
        for (double c : cost) {
            scale = Math.max(scale, Math.abs(c));
        }
        assertThat(plan.cost(cost)).isCloseTo(r.cost(), within(1e-12 * scale));
        double[] f = r.f();
        double[] g = r.g();
        double minReduced = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                minReduced = Math.min(minReduced, cost[i * m + j] - f[i] - g[j]);
            }
        }
        assertThat(minReduced).as("smallest reduced cost").isGreaterThanOrEqualTo(-1e-9 * scale);
        for (int k = 0; k < plan.size(); k++) {
            int i = plan.source(k);
            int j = plan.target(k);
            assertThat(cost[i * m + j] - f[i] - g[j]).as("reduced cost on the support at (%d, %d)", i, j)
                    .isCloseTo(0.0, within(1e-9 * scale));
        }
        assertThat(r.dualObjective(a, b)).as("dual objective").isCloseTo(r.cost(), within(1e-9 * scale));
        return minReduced;
    }
}
