package org.varflow.geometry.gaussian;

import org.varflow.api.Energy;
import org.varflow.api.linalg.Cholesky;
import org.varflow.api.linalg.Matrices;

/**
 * F(mu, Sigma) = E_q[E] - (1/2) log det Sigma - (d/2) log(2 pi e), q = N(mu, Sigma), on the state (mu, Sigma
 * row-major); see {@link GaussianSpace}. Gradient: (E_q[grad E], (E_q[Hess E] - Sigma^-1) / 2). A Sigma that is not
 * positive definite gives F = +infinity and a NaN gradient. Scratch lives in per-thread arrays: nothing is
 * allocated after a thread's first call, apart from what the target's own Hessian allocates in Monte Carlo mode.
 */
final class GaussianFreeEnergy implements Energy {
    private final Energy target;
    private final int d;
    private final double[] hessian; // constant A (quadratic mode) or null
    private final double[] z;       // Monte Carlo points (samples x d) or null
    private final int samples;
    private final double entropyConstant;
    private final ThreadLocal<Scratch> scratch;

    private static final class Scratch {
        final double[] l;
        final double[] inv;
        final double[] point;
        final double[] grad;
        final double[] hess;
        final double[] meanHess;

        Scratch(int d) {
            l = new double[d * d];
            inv = new double[d * d];
            point = new double[d];
            grad = new double[d];
            hess = new double[d * d];
            meanHess = new double[d * d];
        }
    }

    GaussianFreeEnergy(Energy target, int d, double[] hessian, double[] z) {
        this.target = target;
        this.d = d;
        this.hessian = hessian;
        this.z = z;
        this.samples = z == null ? 0 : z.length / d;
        this.entropyConstant = 0.5 * d * Math.log(2 * Math.PI * Math.E);
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(d));
    }

    @Override
    public double value(double[] x) {
        Scratch s = scratch.get();
        if (Cholesky.factorSymmetricPart(x, d, d, s.l) >= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double expected;
        if (hessian != null) {
            System.arraycopy(x, 0, s.point, 0, d);
            expected = target.value(s.point);
            double tr = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    tr += hessian[i * d + j] * x[d + j * d + i];
                }
            }
            expected += 0.5 * tr;
        } else {
            expected = 0;
            for (int k = 0; k < samples; k++) {
                point(x, s, k);
                expected += target.value(s.point);
            }
            expected /= samples;
        }
        return expected - 0.5 * Cholesky.logDet(s.l, d) - entropyConstant;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        Scratch s = scratch.get();
        if (Cholesky.factorSymmetricPart(x, d, d, s.l) >= 0) {
            java.util.Arrays.fill(out, 0, d + d * d, Double.NaN);
            return;
        }
        Cholesky.inverse(s.l, d, s.inv);
        Matrices.symmetrise(s.inv, d);
        double[] meanHess;
        if (hessian != null) {
            System.arraycopy(x, 0, s.point, 0, d);
            target.gradient(s.point, s.grad); // E_q[grad E] = grad E(mu)
            System.arraycopy(s.grad, 0, out, 0, d);
            meanHess = hessian;
        } else {
            java.util.Arrays.fill(out, 0, d, 0.0);
            java.util.Arrays.fill(s.meanHess, 0.0);
            for (int k = 0; k < samples; k++) {
                point(x, s, k);
                target.gradient(s.point, s.grad);
                target.hessian(s.point, s.hess);
                for (int i = 0; i < d; i++) {
                    out[i] += s.grad[i] / samples;
                }
                for (int i = 0; i < d * d; i++) {
                    s.meanHess[i] += s.hess[i] / samples;
                }
            }
            Matrices.symmetrise(s.meanHess, d);
            meanHess = s.meanHess;
        }
        for (int i = 0; i < d * d; i++) {
            out[d + i] = 0.5 * (meanHess[i] - s.inv[i]);
        }
    }

    /** s.point = mu + L z_k. */
    private void point(double[] x, Scratch s, int k) {
        for (int i = 0; i < d; i++) {
            double v = x[i];
            for (int j = 0; j <= i; j++) {
                v += s.l[i * d + j] * z[k * d + j];
            }
            s.point[i] = v;
        }
    }
}
