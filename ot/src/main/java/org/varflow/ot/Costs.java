package org.varflow.ot;

/**
 * Ground-cost matrices between two point clouds, row-major n x m: entry (i, j) at index i * m + j.
 *
 * <p>Point clouds are row-major: point i of a cloud of dimension d occupies indices [i d, (i + 1) d).
 */
public final class Costs {
    private Costs() {
    }

    /** C_ij = |x_i - y_j|^2 (squared Euclidean), the cost whose optimal transport value is W2^2. */
    public static double[] squaredEuclidean(double[] x, double[] y, int d) {
        int n = Checks.points("x", x, d);
        int m = Checks.points("y", y, d);
        double[] c = new double[Checks.matrixSize(n, m)];
        squaredEuclidean(x, n, y, m, d, c);
        return c;
    }

    /**
     * Writes C_ij = |x_i - y_j|^2 into {@code out} (length n * m) without allocating; no argument checks beyond the
     * array bounds. For use inside loops that recompute the cost of moving clouds.
     */
    public static void squaredEuclidean(double[] x, int n, double[] y, int m, int d, double[] out) {
        for (int i = 0; i < n; i++) {
            int xi = i * d;
            int row = i * m;
            for (int j = 0; j < m; j++) {
                int yj = j * d;
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double diff = x[xi + k] - y[yj + k];
                    s += diff * diff;
                }
                out[row + j] = s;
            }
        }
    }

    /** C_ij = |x_i - y_j|^p (Euclidean norm to the power p >= 1), the cost whose optimal value is W_p^p. */
    public static double[] euclideanPower(double[] x, double[] y, int d, double p) {
        int n = Checks.points("x", x, d);
        int m = Checks.points("y", y, d);
        Checks.exponent(p);
        double[] c = new double[Checks.matrixSize(n, m)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double diff = x[i * d + k] - y[j * d + k];
                    s += diff * diff;
                }
                c[i * m + j] = p == 2 ? s : Wasserstein1D.power(Math.sqrt(s), p);
            }
        }
        return c;
    }
}
