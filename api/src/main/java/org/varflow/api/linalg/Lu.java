package org.varflow.api.linalg;

/**
 * Solves a small dense linear system A z = b by Gaussian elimination with partial pivoting, in place and without
 * allocating (for the per-step Newton systems of implicit schemes).
 */
public final class Lu {
    private Lu() {
    }

    /**
     * Solves a z = rhs, overwriting {@code a} (row-major n x n) with the upper triangle of the eliminated system
     * (the entries below it are left as the row swaps put them) and {@code rhs} with z. Column k takes as pivot the
     * first row i &gt;= k of largest |a_ik| and swaps it
     * into row k (in a and rhs); then for i &gt; k, with f = a_ik / a_kk (rows with f = 0 are skipped),
     *
     * <pre>
     *   a_ij := a_ij - f a_kj  (j &gt; k),   rhs_i := rhs_i - f rhs_k,
     * </pre>
     *
     * and finally back substitution z_i = (rhs_i - sum_{j &gt; i} a_ij z_j) / a_ii for i = n - 1, ..., 0.
     *
     * @return false if a pivot is zero or not finite (singular system); {@code a} and {@code rhs} are then partly
     *         overwritten
     */
    public static boolean solveInPlace(double[] a, double[] rhs, int n) {
        for (int k = 0; k < n; k++) {
            int p = k;
            double best = Math.abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(a[i * n + k]);
                if (v > best) {
                    best = v;
                    p = i;
                }
            }
            if (!(best > 0) || !Double.isFinite(best)) {
                return false;
            }
            if (p != k) {
                for (int j = 0; j < n; j++) {
                    double t = a[k * n + j];
                    a[k * n + j] = a[p * n + j];
                    a[p * n + j] = t;
                }
                double t = rhs[k];
                rhs[k] = rhs[p];
                rhs[p] = t;
            }
            double pivot = a[k * n + k];
            for (int i = k + 1; i < n; i++) {
                double f = a[i * n + k] / pivot;
                if (f != 0) {
                    for (int j = k + 1; j < n; j++) {
                        a[i * n + j] -= f * a[k * n + j];
                    }
                    rhs[i] -= f * rhs[k];
                }
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = rhs[i];
            for (int j = i + 1; j < n; j++) {
                s -= a[i * n + j] * rhs[j];
            }
            rhs[i] = s / a[i * n + i];
        }
        return true;
    }
}
