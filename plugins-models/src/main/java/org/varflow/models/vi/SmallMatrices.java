package org.varflow.models.vi;

/** Dense d x d row-major helpers for the Gaussian family; every method writes into caller-supplied arrays. */
final class SmallMatrices {
    private SmallMatrices() {
    }

    /** l = lower Cholesky factor of the symmetric part of a (lower triangle read); false if not positive definite. */
    static boolean cholesky(double[] a, int off, int d, double[] l) {
        for (int j = 0; j < d; j++) {
            double s = a[off + j * d + j];
            for (int m = 0; m < j; m++) {
                s -= l[j * d + m] * l[j * d + m];
            }
            if (!(s > 0) || !Double.isFinite(s)) {
                return false;
            }
            double r = Math.sqrt(s);
            l[j * d + j] = r;
            for (int i = j + 1; i < d; i++) {
                double t = 0.5 * (a[off + i * d + j] + a[off + j * d + i]);
                for (int m = 0; m < j; m++) {
                    t -= l[i * d + m] * l[j * d + m];
                }
                l[i * d + j] = t / r;
                l[j * d + i] = 0;
            }
        }
        return true;
    }

    /** log det of L L^T. */
    static double logDet(double[] l, int d) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            s += 2 * Math.log(l[i * d + i]);
        }
        return s;
    }

    /** inv = (L L^T)^-1, using {@code work} (d entries). */
    static void inverse(double[] l, int d, double[] inv, double[] work) {
        for (int j = 0; j < d; j++) {
            // solve L z = e_j, then L^T x = z
            for (int i = 0; i < d; i++) {
                double s = i == j ? 1 : 0;
                for (int m = 0; m < i; m++) {
                    s -= l[i * d + m] * work[m];
                }
                work[i] = s / l[i * d + i];
            }
            for (int i = d - 1; i >= 0; i--) {
                double s = work[i];
                for (int m = i + 1; m < d; m++) {
                    s -= l[m * d + i] * inv[m * d + j];
                }
                inv[i * d + j] = s / l[i * d + i];
            }
        }
        symmetrise(inv, d);
    }

    /** c = a b (d x d, row-major; a and b read from offsets). */
    static void multiply(double[] a, int aOff, double[] b, int bOff, int d, double[] c) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int m = 0; m < d; m++) {
                    s += a[aOff + i * d + m] * b[bOff + m * d + j];
                }
                c[i * d + j] = s;
            }
        }
    }

    static void symmetrise(double[] a, int d) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (a[i * d + j] + a[j * d + i]);
                a[i * d + j] = s;
                a[j * d + i] = s;
            }
        }
    }

    /**
     * Symmetric eigendecomposition by cyclic Jacobi rotations: on return {@code a} is overwritten, {@code values}
     * holds the eigenvalues and {@code vectors} (row-major) the eigenvectors as columns.
     */
    static void eigen(double[] a, int d, double[] values, double[] vectors) {
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
