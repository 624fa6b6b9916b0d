package org.varflow.measures.interaction;

import org.varflow.api.Energy;
import org.varflow.api.measure.EnsembleLayout;
import org.varflow.measures.particles.ParticleCurvature;

/**
 * N F(rho_N) = (1/2N) sum_{p,q} W(x_p - x_q) + (c/2) sum |x_p|^2 by visiting each pair once, block by block
 * ({@value InteractionEnergyFactory#BLOCK} x {@value InteractionEnergyFactory#BLOCK} tiles, upper triangle, in a
 * fixed order: results do not depend on threads). Allocation-free.
 */
final class PairsOnEnsemble implements Energy, ParticleCurvature {
    private final EnsembleLayout layout;
    private final InteractionEnergyFactory.Kernel kernel;

    PairsOnEnsemble(EnsembleLayout layout, InteractionEnergyFactory.Kernel kernel) {
        this.layout = layout;
        this.kernel = kernel;
    }

    @Override
    public double value(double[] x) {
        int n = layout.n();
        int d = layout.d();
        double pairs = 0;
        double confined = 0;
        for (int p = 0; p < n; p++) {
            for (int a = 0; a < d; a++) {
                confined += x[p * d + a] * x[p * d + a];
            }
        }
        int block = InteractionEnergyFactory.BLOCK;
        for (int p0 = 0; p0 < n; p0 += block) {
            int p1 = Math.min(n, p0 + block);
            for (int q0 = p0; q0 < n; q0 += block) {
                int q1 = Math.min(n, q0 + block);
                for (int p = p0; p < p1; p++) {
                    for (int q = Math.max(q0, p + 1); q < q1; q++) {
                        pairs += kernel.w(distance2(x, p, q, d));
                    }
                }
            }
        }
        // sum over ordered pairs = 2 * (p < q) + the n diagonal terms W(0)
        return (2 * pairs + n * kernel.w(0)) / (2.0 * n) + 0.5 * kernel.confinement * confined;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        int n = layout.n();
        int d = layout.d();
        double c = kernel.confinement;
        for (int i = 0; i < n * d; i++) {
            out[i] = c * x[i];
        }
        double inv = 1.0 / n;
        int block = InteractionEnergyFactory.BLOCK;
        for (int p0 = 0; p0 < n; p0 += block) {
            int p1 = Math.min(n, p0 + block);
            for (int q0 = p0; q0 < n; q0 += block) {
                int q1 = Math.min(n, q0 + block);
                for (int p = p0; p < p1; p++) {
                    for (int q = Math.max(q0, p + 1); q < q1; q++) {
                        double g = kernel.slope(distance2(x, p, q, d)) * inv;
                        for (int a = 0; a < d; a++) {
                            double f = g * (x[p * d + a] - x[q * d + a]);
                            out[p * d + a] += f;
                            out[q * d + a] -= f;
                        }
                    }
                }
            }
        }
    }

    /** (1/N) sum_{q != p} d^2 W/dz_a^2 (x_p - x_q) + c, clipped at 0 (a positive semi-definite stand-in). */
    @Override
    public void curvatureDiagonal(double[] x, double[] out) {
        int n = layout.n();
        int d = layout.d();
        java.util.Arrays.fill(out, 0, n * d, 0.0);
        double inv = 1.0 / n;
        for (int p = 0; p < n; p++) {
            for (int q = p + 1; q < n; q++) {
                double r2 = distance2(x, p, q, d);
                for (int a = 0; a < d; a++) {
                    double k = kernel.curvature(r2, x[p * d + a] - x[q * d + a]) * inv;
                    out[p * d + a] += k;
                    out[q * d + a] += k;
                }
            }
        }
        for (int i = 0; i < n * d; i++) {
            out[i] = Math.max(0, out[i] + kernel.confinement);
        }
    }

    private static double distance2(double[] x, int p, int q, int d) {
        double s = 0;
        for (int a = 0; a < d; a++) {
            double z = x[p * d + a] - x[q * d + a];
            s += z * z;
        }
        return s;
    }
}
