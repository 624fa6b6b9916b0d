package org.varflow.models.generative;

/** Dense Cholesky solve, small and self-contained (plugins-models depends on the api only). */
final class LinearAlgebra {
    private LinearAlgebra() {
    }

    /**
     * Solves A X = B in place for symmetric positive definite A (p x p, row-major, overwritten by its Cholesky
     * factor) and B (p x r, row-major, overwritten by X).
     *
     * @throws IllegalArgumentException if A is not positive definite
     */
    static void choleskySolve(double[] a, int p, double[] b, int r) {
        for (int j = 0; j < p; j++) {
            double s = a[j * p + j];
            for (int m = 0; m < j; m++) {
                s -= a[j * p + m] * a[j * p + m];
            }
            if (!(s > 0)) {
                throw new IllegalArgumentException("matrix not positive definite at pivot " + j + " (" + s
                        + "); increase the ridge");
            }
            double l = Math.sqrt(s);
            a[j * p + j] = l;
            for (int i = j + 1; i < p; i++) {
                double t = a[i * p + j];
                for (int m = 0; m < j; m++) {
                    t -= a[i * p + m] * a[j * p + m];
                }
                a[i * p + j] = t / l;
            }
        }
        for (int c = 0; c < r; c++) {
            for (int i = 0; i < p; i++) {
                double s = b[i * r + c];
                for (int m = 0; m < i; m++) {
                    s -= a[i * p + m] * b[m * r + c];
                }
                b[i * r + c] = s / a[i * p + i];
            }
            for (int i = p - 1; i >= 0; i--) {
                double s = b[i * r + c];
                for (int m = i + 1; m < p; m++) {
                    s -= a[m * p + i] * b[m * r + c];
                }
                b[i * r + c] = s / a[i * p + i];
            }
        }
    }
}
