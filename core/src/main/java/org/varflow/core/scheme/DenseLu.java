package org.varflow.core.scheme;

/**
 * In-place solve of a small dense system by Gaussian elimination with partial pivoting, allocation-free, for the
 * per-step Newton systems of implicit schemes (Commons Math's decompositions allocate on every call).
 */
final class DenseLu {
    private DenseLu() {
    }

    /**
     * Solves a z = rhs, overwriting {@code a} (row-major n x n) with its factors and {@code rhs} with z.
     *
     * @return false if a pivot is zero or not finite (singular system)
     */
    static boolean solveInPlace(double[] a, double[] rhs, int n) {
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
