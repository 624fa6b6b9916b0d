package org.varflow.geometry.internal;

import java.util.Arrays;
import org.varflow.api.Metric;

/**
 * The divergence of K by central differences, for metrics without a closed form:
 *
 * <pre>
 *   (div K)_i(x) = sum_j d K_ij / d x_j  ~  sum_j [ K(x + eta_j e_j) e_j - K(x - eta_j e_j) e_j ]_i / (2 eta_j)
 * </pre>
 *
 * with eta_j = 1e-5 max(1, |x_j|): truncation error O(eta^2 |d^3 K|) and rounding error O(1e-16 |K| / eta), about
 * 1e-10 relative for smooth K of size 1. Column j of K at a perturbed point is {@link Metric#raise} of e_j, so it
 * costs 2d applications of K (2d Cholesky solves for a matrix field). Used only with noise (the Ito correction
 * T div K), never on deterministic hot paths.
 */
public final class FiniteDifferences {
    /** Relative step of the central differences. */
    public static final double STEP = 1e-5;

    private FiniteDifferences() {
    }

    /** Per-thread workspaces of dimension d (the perturbed point must have length exactly d). */
    public static ThreadLocal<Workspace> workspaces(int d) {
        return ThreadLocal.withInitial(() -> new Workspace(d));
    }

    /** out = div K(x) by central differences of {@code metric.raise}. */
    public static void divergence(Metric metric, double[] x, double[] out, Workspace w) {
        int d = x.length;
        Arrays.fill(out, 0, d, 0.0);
        Arrays.fill(w.unit, 0.0);
        System.arraycopy(x, 0, w.point, 0, d);
        for (int j = 0; j < d; j++) {
            double eta = STEP * Math.max(1.0, Math.abs(x[j]));
            w.unit[j] = 1.0;
            w.point[j] = x[j] + eta;
            metric.raise(w.point, w.unit, w.plus);
            w.point[j] = x[j] - eta;
            metric.raise(w.point, w.unit, w.minus);
            w.point[j] = x[j];
            w.unit[j] = 0.0;
            double inv = 1.0 / (2 * eta);
            for (int i = 0; i < d; i++) {
                out[i] += (w.plus[i] - w.minus[i]) * inv;
            }
        }
    }

    /** The arrays one divergence evaluation needs. */
    public static final class Workspace {
        final double[] point;
        final double[] unit;
        final double[] plus;
        final double[] minus;

        Workspace(int d) {
            point = new double[d];
            unit = new double[d];
            plus = new double[d];
            minus = new double[d];
        }
    }
}
