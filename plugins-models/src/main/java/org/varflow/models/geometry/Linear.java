package org.varflow.models.geometry;

import java.util.Arrays;
import org.varflow.api.ConfigurationException;

/** Small dense helpers (Cholesky, broadcasting) for the model energies; nothing here allocates unless it says so. */
final class Linear {
    private Linear() {
    }

    /**
     * In-place Cholesky a = L L^T of a symmetric d x d matrix (lower triangle overwritten by L).
     *
     * @return false when a is not positive definite
     */
    static boolean cholesky(double[] a, int d) {
        for (int j = 0; j < d; j++) {
            int rj = j * d;
            double s = a[rj + j];
            for (int m = 0; m < j; m++) {
                s -= a[rj + m] * a[rj + m];
            }
            if (!(s > 0)) {
                return false;
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
        return true;
    }

    /** inverse = (L L^T)^-1, full symmetric, from the factor L; {@code column} is scratch of length d. */
    static void inverseFromFactor(double[] l, int d, double[] inverse, double[] column) {
        for (int c = 0; c < d; c++) {
            // solve L y = e_c, then L^T z = y
            for (int i = 0; i < d; i++) {
                double s = i == c ? 1.0 : 0.0;
                for (int m = 0; m < i; m++) {
                    s -= l[i * d + m] * column[m];
                }
                column[i] = s / l[i * d + i];
            }
            for (int i = d - 1; i >= 0; i--) {
                double s = column[i];
                for (int m = i + 1; m < d; m++) {
                    s -= l[m * d + i] * column[m];
                }
                column[i] = s / l[i * d + i];
            }
            for (int i = 0; i < d; i++) {
                inverse[i * d + c] = column[i];
            }
        }
    }

    /** A vector parameter of length 1 broadcast to d, or of length d (a copy); allocates. */
    static double[] broadcast(String owner, String name, double[] v, int d) {
        if (v.length == d) {
            return v.clone();
        }
        if (v.length == 1) {
            double[] out = new double[d];
            Arrays.fill(out, v[0]);
            return out;
        }
        throw new ConfigurationException(owner + ": parameter '" + name + "' has " + v.length
                + " entries but it needs " + d + "; give 1 or " + d + " entries");
    }

    /** Per-thread scratch, allocated on a thread's first call and reused: allocation-free after warm-up. */
    static ThreadLocal<double[]> scratch(int size) {
        return ThreadLocal.withInitial(() -> new double[size]);
    }
}
