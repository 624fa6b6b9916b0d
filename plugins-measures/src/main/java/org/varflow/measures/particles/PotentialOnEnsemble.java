package org.varflow.measures.particles;

import org.varflow.api.Energy;
import org.varflow.api.SplitsWork;
import org.varflow.api.Workers;
import org.varflow.api.measure.EnsembleLayout;

/**
 * The potential energy of an ensemble, E(X) = sum_p V(x_p) = N integral V d rho_N: extensive, so that
 * dE/dx_p = grad V(x_p) = grad (dF/drho)(x_p) for F(rho) = integral V d rho, the per-particle Wasserstein gradient.
 * Per-thread scratch of 4 d numbers; nothing is allocated after the first call on a thread.
 *
 * <p>With the run's workers ({@link SplitsWork}) the gradient's particles are split into fixed chunks; each particle's
 * gradient is computed alone, so the result is bitwise that of one thread. Values (sums over particles) stay
 * sequential, in particle order.
 */
final class PotentialOnEnsemble implements Energy, ParticleCurvature, org.varflow.measures.LiftedPotential,
        SplitsWork {
    private final EnsembleLayout layout;
    private final Energy potential;
    private final ThreadLocal<double[][]> scratch;
    private Workers workers = Workers.sequential();
    // the arguments of the current split gradient call, read by the chunks
    private double[] chunkX;
    private double[] chunkOut;
    private final Workers.Chunk gradientChunk = (c, from, to) -> gradient(chunkX, chunkOut, from, to);

    PotentialOnEnsemble(EnsembleLayout layout, Energy potential) {
        this.layout = layout;
        this.potential = potential;
        int d = layout.d();
        this.scratch = ThreadLocal.withInitial(() -> new double[][] {new double[d], new double[d], new double[d]});
    }

    @Override
    public Energy potential() {
        return potential;
    }

    @Override
    public double value(double[] x) {
        int d = layout.d();
        double[] p = scratch.get()[0];
        double e = 0;
        for (int i = 0; i < layout.n(); i++) {
            System.arraycopy(x, i * d, p, 0, d);
            e += potential.value(p);
        }
        return e;
    }

    @Override
    public void useWorkers(Workers workers) {
        this.workers = workers;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        if (workers.threads() == 1) {
            gradient(x, out, 0, layout.n());
            return;
        }
        chunkX = x;
        chunkOut = out;
        try {
            workers.forEach(0, layout.n(), gradientChunk);
        } finally {
            chunkX = null;
            chunkOut = null;
        }
    }

    /** grad V at the particles [from, to). */
    private void gradient(double[] x, double[] out, int from, int to) {
        int d = layout.d();
        double[][] s = scratch.get();
        for (int i = from; i < to; i++) {
            System.arraycopy(x, i * d, s[0], 0, d);
            potential.gradient(s[0], s[1]);
            System.arraycopy(s[1], 0, out, i * d, d);
        }
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        int d = layout.d();
        double[][] s = scratch.get();
        double e = 0;
        for (int i = 0; i < layout.n(); i++) {
            System.arraycopy(x, i * d, s[0], 0, d);
            e += potential.valueAndGradient(s[0], s[1]);
            System.arraycopy(s[1], 0, gradient, i * d, d);
        }
        return e;
    }

    /** Block diagonal: the d x d Hessian of V at each particle. */
    @Override
    public void hessian(double[] x, double[] out) {
        int d = layout.d();
        int len = layout.length();
        java.util.Arrays.fill(out, 0, len * len, 0.0);
        double[] p = new double[d];
        double[] h = new double[d * d];
        for (int i = 0; i < layout.n(); i++) {
            System.arraycopy(x, i * d, p, 0, d);
            potential.hessian(p, h);
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    out[(i * d + a) * len + i * d + b] = h[a * d + b];
                }
            }
        }
    }

    /** d^2 V / dx_a^2 at each particle by central differences of grad V (step 1e-4 max(1, |x|)). */
    @Override
    public void curvatureDiagonal(double[] x, double[] out) {
        int d = layout.d();
        double[][] s = scratch.get();
        for (int i = 0; i < layout.n(); i++) {
            System.arraycopy(x, i * d, s[0], 0, d);
            for (int a = 0; a < d; a++) {
                double xa = s[0][a];
                double step = 1e-4 * Math.max(1, Math.abs(xa));
                s[0][a] = xa + step;
                potential.gradient(s[0], s[1]);
                double up = s[1][a];
                s[0][a] = xa - step;
                potential.gradient(s[0], s[2]);
                s[0][a] = xa;
                out[i * d + a] = (up - s[2][a]) / (2 * step);
            }
        }
    }
}
