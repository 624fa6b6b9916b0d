package org.varflow.measures.particles;

/**
 * The Gaussian kernel sums of a kernel density estimate over an ensemble, each pair visited once in blocks of
 * {@value KdeScoreNoiseFactory#BLOCK} particles (tiles of the upper triangle, in a fixed order):
 *
 * <pre>
 *   num_p = sum_q w_pq (x_q - x_p)  (length d per particle),   den_p = sum_q w_pq,   w_pq = exp(-|x_p - x_q|^2 / 2
 * sigma^2)
 * </pre>
 *
 * including q = p (w = 1, no contribution to num). Sequential and allocation-free.
 */
public final class KernelSums {
    private KernelSums() {
    }

    /**
     * Writes num into {@code out[0, n d)} and den into {@code out[denOffset, denOffset + n)}.
     */
    public static void gaussian(double[] x, int n, int d, double sigma, double[] out, int denOffset) {
        double c = -0.5 / (sigma * sigma);
        java.util.Arrays.fill(out, 0, n * d, 0.0);
        for (int p = 0; p < n; p++) {
            out[denOffset + p] = 1.0;
        }
        int block = KdeScoreNoiseFactory.BLOCK;
        for (int p0 = 0; p0 < n; p0 += block) {
            int p1 = Math.min(n, p0 + block);
            for (int q0 = p0; q0 < n; q0 += block) {
                int q1 = Math.min(n, q0 + block);
                for (int p = p0; p < p1; p++) {
                    int qs = Math.max(q0, p + 1);
                    if (d == 1) {
                        double xp = x[p];
                        double num = 0;
                        double den = 0;
                        for (int q = qs; q < q1; q++) {
                            double z = x[q] - xp;
                            double w = Math.exp(c * z * z);
                            num += w * z;
                            den += w;
                            out[q] -= w * z;
                            out[denOffset + q] += w;
                        }
                        out[p] += num;
                        out[denOffset + p] += den;
                    } else {
                        for (int q = qs; q < q1; q++) {
                            double r2 = 0;
                            for (int a = 0; a < d; a++) {
                                double z = x[q * d + a] - x[p * d + a];
                                r2 += z * z;
                            }
                            double w = Math.exp(c * r2);
                            for (int a = 0; a < d; a++) {
                                double z = w * (x[q * d + a] - x[p * d + a]);
                                out[p * d + a] += z;
                                out[q * d + a] -= z;
                            }
                            out[denOffset + p] += w;
                            out[denOffset + q] += w;
                        }
                    }
                }
            }
        }
    }
}
