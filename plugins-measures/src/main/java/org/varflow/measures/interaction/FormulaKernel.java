package org.varflow.measures.interaction;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.formula.Formula;
import org.varflow.api.formula.Variables;
import org.varflow.api.io.Excerpt;
import org.varflow.api.measure.EnsembleLayout;
import org.varflow.api.measure.GridLayout;
import org.varflow.api.measure.MeasureEnergy;
import org.varflow.measures.particles.ParticleCurvature;

/**
 * An interaction kernel W(z) on R^d written as a formula (the energy {@code interaction} with {@code kernel=formula}),
 * with exact gradient and Hessian from the compiled formula. W must be even, W(-z) = W(z), so that the pair force
 * is antisymmetric (checked at 32 seeded points), and finite at 0 (the diagonal terms W(0) of the double sum).
 * On an ensemble: E = (1/2N) sum_{p,q} W(x_p - x_q) + (c/2) sum |x_p|^2, pairs visited once each in the blocks of
 * {@link PairsOnEnsemble}; on a grid the kernel is tabulated by cell offset.
 */
final class FormulaKernel implements MeasureEnergy {
    private final Formula w;
    private final int d;
    private final double confinement;

    private FormulaKernel(Formula w, int d, double confinement) {
        this.w = w;
        this.d = d;
        this.confinement = confinement;
    }

    static FormulaKernel of(String text, int d, double confinement) {
        String owner = "energy 'interaction'";
        Formula w;
        try {
            w = Formula.compile(text, Variables.vector("x", d), Map.of());
        } catch (ConfigurationException e) {
            throw new ConfigurationException(owner + ": parameter 'W': " + e.getMessage(), e);
        }
        double[] zero = new double[d];
        String failure = w.diagnose(zero);
        if (failure != null) {
            throw new ConfigurationException(owner + ": the kernel W = " + Excerpt.quote(text) + " is not finite at"
                    + " z = 0 (" + failure + "); the double sum includes W(0), so the kernel must be finite there"
                    + " (smooth a singular kernel, e.g. log(|z|^2 + eps))");
        }
        SplittableRandom rng = new SplittableRandom(1);
        double[] z = new double[d];
        double[] minus = new double[d];
        for (int t = 0; t < 32; t++) {
            for (int a = 0; a < d; a++) {
                z[a] = 6 * rng.nextDouble() - 3;
                minus[a] = -z[a];
            }
            double plus = w.value(z);
            double back = w.value(minus);
            if (Math.abs(plus - back) > 1e-10 * Math.max(1, Math.abs(plus))) {
                throw new ConfigurationException(owner + ": the kernel W = " + Excerpt.quote(text) + " is not even:"
                        + " W(z) = " + plus + " but W(-z) = " + back + " at z = " + Arrays.toString(z) + "; an"
                        + " interaction kernel depends on x - y symmetrically (write it in |z|, or in even powers)");
            }
        }
        return new FormulaKernel(w, d, confinement);
    }

    @Override
    public double value(double[] z) {
        return w.value(z);
    }

    @Override
    public void gradient(double[] z, double[] out) {
        w.gradient(z, out);
    }

    @Override
    public Energy onEnsemble(EnsembleLayout layout) {
        return new Pairs(layout);
    }

    @Override
    public Energy onGrid(GridLayout layout) {
        double[] z = new double[layout.axes()];
        return new InteractionOnGrid(layout, (zx, zy) -> {
            z[0] = zx;
            if (z.length == 2) {
                z[1] = zy;
            }
            return w.value(z);
        }, confinement);
    }

    /** The ensemble form: every pair once, in blocks, with per-thread scratch for z and grad W. */
    private final class Pairs implements Energy, ParticleCurvature {
        private final EnsembleLayout layout;
        private final ThreadLocal<double[][]> scratch;

        Pairs(EnsembleLayout layout) {
            this.layout = layout;
            this.scratch = ThreadLocal.withInitial(() -> new double[][] {new double[d], new double[d],
                new double[d * d]});
        }

        private void difference(double[] x, int p, int q, double[] z) {
            for (int a = 0; a < d; a++) {
                z[a] = x[p * d + a] - x[q * d + a];
            }
        }

        @Override
        public double value(double[] x) {
            int n = layout.n();
            double[] z = scratch.get()[0];
            double pairs = 0;
            double confined = 0;
            for (int i = 0; i < n * d; i++) {
                confined += x[i] * x[i];
            }
            int block = InteractionEnergyFactory.BLOCK;
            for (int p0 = 0; p0 < n; p0 += block) {
                int p1 = Math.min(n, p0 + block);
                for (int q0 = p0; q0 < n; q0 += block) {
                    int q1 = Math.min(n, q0 + block);
                    for (int p = p0; p < p1; p++) {
                        for (int q = Math.max(q0, p + 1); q < q1; q++) {
                            difference(x, p, q, z);
                            pairs += w.value(z);
                        }
                    }
                }
            }
            java.util.Arrays.fill(z, 0.0);
            return (2 * pairs + n * w.value(z)) / (2.0 * n) + 0.5 * confinement * confined;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            int n = layout.n();
            double[][] s = scratch.get();
            double[] z = s[0];
            double[] g = s[1];
            for (int i = 0; i < n * d; i++) {
                out[i] = confinement * x[i];
            }
            double inv = 1.0 / n;
            int block = InteractionEnergyFactory.BLOCK;
            for (int p0 = 0; p0 < n; p0 += block) {
                int p1 = Math.min(n, p0 + block);
                for (int q0 = p0; q0 < n; q0 += block) {
                    int q1 = Math.min(n, q0 + block);
                    for (int p = p0; p < p1; p++) {
                        for (int q = Math.max(q0, p + 1); q < q1; q++) {
                            difference(x, p, q, z);
                            w.gradient(z, g);
                            for (int a = 0; a < d; a++) {
                                double f = g[a] * inv;
                                out[p * d + a] += f;
                                out[q * d + a] -= f;
                            }
                        }
                    }
                }
            }
        }

        /** (1/N) sum_{q != p} d^2 W/dz_a^2 (x_p - x_q) + c, clipped at 0, from the exact Hessian of W. */
        @Override
        public void curvatureDiagonal(double[] x, double[] out) {
            int n = layout.n();
            double[][] s = scratch.get();
            double[] z = s[0];
            double[] h = s[2];
            java.util.Arrays.fill(out, 0, n * d, 0.0);
            double inv = 1.0 / n;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    difference(x, p, q, z);
                    w.hessian(z, h);
                    for (int a = 0; a < d; a++) {
                        double k = h[a * d + a] * inv;
                        out[p * d + a] += k;
                        out[q * d + a] += k;
                    }
                }
            }
            for (int i = 0; i < n * d; i++) {
                out[i] = Math.max(0, out[i] + confinement);
            }
        }
    }
}
