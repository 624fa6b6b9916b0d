package org.varflow.api.linalg;

/**
 * Products, symmetrisation and the symmetric eigendecomposition of small dense square matrices, row-major
 * {@code double[]} with the dimension passed explicitly. Every method writes into arrays the caller supplies and
 * allocates nothing.
 */
public final class Matrices {
    private Matrices() {
    }

    /**
     * c = A B for d x d matrices A and B stored from {@code aOffset} and {@code bOffset}:
     * c_ij = sum_m a_im b_mj, accumulated in increasing m from 0. {@code c} must not overlap A or B.
     */
    public static void multiply(double[] a, int aOffset, double[] b, int bOffset, int d, double[] c) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int m = 0; m < d; m++) {
                    s += a[aOffset + i * d + m] * b[bOffset + m * d + j];
                }
                c[i * d + j] = s;
            }
        }
    }

    /** a := (a + a^T) / 2, in place: a_ij = a_ji = (a_ij + a_ji) / 2, so that a is exactly symmetric. */
    public static void symmetrise(double[] a, int d) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (a[i * d + j] + a[j * d + i]);
                a[i * d + j] = s;
                a[j * d + i] = s;
            }
        }
    }

    /**
     * The eigendecomposition A = V diag(lambda) V^T of a symmetric d x d matrix by cyclic Jacobi rotations: sweeps of
     * rotations J(p, q, theta) that zero a_pq, with
     *
     * <pre>
     *   theta = (a_qq - a_pp) / (2 a_pq),   t = sign(theta) / (|theta| + sqrt(theta^2 + 1))  (t = 1 at theta = 0),
     *   c = 1 / sqrt(t^2 + 1),   s = t c,   A := J^T A J,   V := V J,
     * </pre>
     *
     * until the off-diagonal part has sum of squares at most 1e-30 times that of the whole matrix (at most 100
     * sweeps). On return {@code a} is overwritten (nearly diagonal), {@code values} holds lambda_i = a_ii (not sorted)
     * and {@code vectors} the eigenvectors as columns, row-major.
     */
    public static void symmetricEigen(double[] a, int d, double[] values, double[] vectors) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                vectors[i * d + j] = i == j ? 1 : 0;
            }
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double norm = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double v = a[i * d + j] * a[i * d + j];
                    norm += v;
                    if (i != j) {
                        off += v;
                    }
                }
            }
            if (off <= 1e-30 * norm) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    double apq = a[p * d + q];
                    if (apq == 0) {
                        continue;
                    }
                    double theta = (a[q * d + q] - a[p * d + p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < d; k++) { // A <- A J (columns p, q)
                        double akp = a[k * d + p];
                        double akq = a[k * d + q];
                        a[k * d + p] = c * akp - s * akq;
                        a[k * d + q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < d; k++) { // A <- J^T A (rows p, q)
                        double apk = a[p * d + k];
                        double aqk = a[q * d + k];
                        a[p * d + k] = c * apk - s * aqk;
                        a[q * d + k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < d; k++) {
                        double vkp = vectors[k * d + p];
                        double vkq = vectors[k * d + q];
                        vectors[k * d + p] = c * vkp - s * vkq;
                        vectors[k * d + q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        for (int i = 0; i < d; i++) {
            values[i] = a[i * d + i];
        }
    }
}
