package org.varflow.models.paths;

import java.util.Arrays;
import org.varflow.api.Energy;
import org.varflow.api.FixedEndPath;
import org.varflow.api.formula.Formula;

/**
 * The discrete action with a potential V given as a formula on R^k (the midpoint rule of {@link ActionEnergyFactory}):
 *
 * <pre>
 *   S[q] = sum_j dt [ m |q_{j+1} - q_j|^2 / (2 dt^2) - V(m_j) ],   m_j = (q_j + q_{j+1}) / 2
 *   dS/dq_i = m (2 q_i - q_{i-1} - q_{i+1}) / dt - (dt / 2) [grad V(m_{i-1}) + grad V(m_i)]
 *   Hess S = (m / dt) tridiag(-1, 2, -1) (x) I_k - (dt / 4) [Hess V(m_{i-1}) + Hess V(m_i)] on block (i, i),
 *            - (dt / 4) Hess V(m_i) on blocks (i, i + 1) and (i + 1, i)
 * </pre>
 *
 * V's gradient and Hessian come from the compiled formula, exact. Per-thread scratch: nothing is allocated per call.
 * Whether the action is a minimum (no conjugate point) is not checked for a formula: if it is not, its gradient flow
 * diverges and the run says so.
 */
final class FormulaAction implements Energy {
    private final FixedEndPath path;
    private final int n;
    private final int k;
    private final double dt;
    private final double m;
    private final Formula v;
    private final ThreadLocal<double[][]> scratch;

    FormulaAction(FixedEndPath path, double m, Formula v) {
        this.path = path;
        this.n = path.intervals();
        this.k = path.components();
        this.dt = path.step();
        this.m = m;
        this.v = v;
        this.scratch = ThreadLocal.withInitial(() -> new double[][] {new double[k], new double[k], new double[k],
            new double[k * k]});
    }

    /** The midpoint of interval j into out. */
    private void midpoint(double[] x, int j, double[] out) {
        for (int c = 0; c < k; c++) {
            out[c] = 0.5 * (path.node(x, j, c) + path.node(x, j + 1, c));
        }
    }

    @Override
    public double value(double[] x) {
        double[] mid = scratch.get()[0];
        double s = 0;
        for (int j = 0; j < n; j++) {
            double kinetic = 0;
            for (int c = 0; c < k; c++) {
                double step = path.node(x, j + 1, c) - path.node(x, j, c);
                kinetic += step * step;
            }
            midpoint(x, j, mid);
            s += m * kinetic / (2 * dt) - dt * v.value(mid);
        }
        return s;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        double[][] w = scratch.get();
        double[] mid = w[0];
        double[] left = w[1];
        double[] right = w[2];
        midpoint(x, 0, mid);
        v.gradient(mid, left);
        for (int j = 1; j < n; j++) {
            midpoint(x, j, mid);
            v.gradient(mid, right);
            for (int c = 0; c < k; c++) {
                double prev = path.node(x, j - 1, c);
                double here = x[(j - 1) * k + c];
                double next = path.node(x, j + 1, c);
                out[(j - 1) * k + c] = m * (2 * here - prev - next) / dt - 0.5 * dt * (left[c] + right[c]);
            }
            System.arraycopy(right, 0, left, 0, k);
        }
    }

    @Override
    public void hessian(double[] x, double[] out) {
        int d = x.length;
        Arrays.fill(out, 0, d * d, 0.0);
        double[][] w = scratch.get();
        double[] mid = w[0];
        double[] h = w[3];
        for (int i = 0; i < d; i++) {
            out[i * d + i] = 2 * m / dt;
            if (i + k < d) {
                out[i * d + i + k] = -m / dt;
                out[(i + k) * d + i] = -m / dt;
            }
        }
        // interval j (0..n-1) joins nodes j and j + 1; its V'' enters the interior nodes among them
        for (int j = 0; j < n; j++) {
            midpoint(x, j, mid);
            v.hessian(mid, h);
            for (int a = j; a <= j + 1; a++) {
                for (int b = j; b <= j + 1; b++) {
                    if (a < 1 || a > n - 1 || b < 1 || b > n - 1) {
                        continue;
                    }
                    for (int c = 0; c < k; c++) {
                        for (int e = 0; e < k; e++) {
                            out[((a - 1) * k + c) * d + (b - 1) * k + e] -= 0.25 * dt * h[c * k + e];
                        }
                    }
                }
            }
        }
    }
}
