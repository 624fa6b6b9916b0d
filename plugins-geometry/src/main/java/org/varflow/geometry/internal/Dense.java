package org.varflow.geometry.internal;

/**
 * Small dense linear algebra on row-major {@code double[]} matrices, written out so that the geometry plugin
 * depends on the api alone. Nothing here allocates: callers pass the storage.
 */
public final class Dense {
    private Dense() {
    }

    /**
     * In-place Cholesky factorisation a = L L^T of a symmetric positive definite d x d matrix; the lower triangle of
     * {@code a} is overwritten by L (the strict upper triangle is left as it was and never read afterwards).
     *
     * @return the index of the first non-positive pivot, or -1 when a is positive definite
     */
    public static int cholesky(double[] a, int d) {
        for (int j = 0; j < d; j++) {
            int rj = j * d;
            double s = a[rj + j];
            for (int m = 0; m < j; m++) {
                s -= a[rj + m] * a[rj + m];
            }
            if (!(s > 0)) {
                return j;
            }
            double l = Math.sqrt(s);
            a[rj + j] = l;
            for (int i = j + 1; i < d; i++) {
                int ri = i * d;
                double t = a[ri + j];
                for (int m = 0; m < j; m++) {
                    t -= a[ri + m] * a[rj + m];
                }
                a[ri + j] = t / l;
            }
        }
        return -1;
    }

    /** out = L^-1 b by forward substitution (L lower triangular, from {@link #cholesky}); out may be b. */
    public static void solveLower(double[] l, int d, double[] b, double[] out) {
        for (int i = 0; i < d; i++) {
            int ri = i * d;
            double s = b[i];
            for (int m = 0; m < i; m++) {
                s -= l[ri + m] * out[m];
            }
            out[i] = s / l[ri + i];
        }
    }

    /** out = L^-T b by back substitution (L lower triangular, from {@link #cholesky}); out may be b. */
    public static void solveUpperTransposed(double[] l, int d, double[] b, double[] out) {
        for (int i = d - 1; i >= 0; i--) {
            double s = b[i];
            for (int m = i + 1; m < d; m++) {
                s -= l[m * d + i] * out[m];
            }
            out[i] = s / l[i * d + i];
        }
    }

    /** out = (L L^T)^-1 b: two triangular solves; out may be b. */
    public static void choleskySolve(double[] l, int d, double[] b, double[] out) {
        solveLower(l, d, b, out);
        solveUpperTransposed(l, d, out, out);
    }
}
