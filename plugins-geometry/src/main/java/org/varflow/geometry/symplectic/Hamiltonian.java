package org.varflow.geometry.symplectic;

import org.varflow.api.Energy;

/**
 * The Hamiltonian H(q, p) = E(q) + |p|^2 / 2m on phase space, lifted from an energy E on R^n:
 *
 * <pre>
 *   dH/dq = dE(q),   dH/dp = p / m,   Hess H = [[Hess E(q), 0], [0, I / m]]
 * </pre>
 *
 * <p>The base energy reads its dimension from the length of its argument, so q must be handed to it as an array of
 * length n. The copy of q (and the base gradient) go to per-thread scratch: the energy stays stateless between
 * calls, safe for concurrent particle blocks, and allocates nothing once a thread has its scratch.
 */
final class Hamiltonian implements Energy {
    private final Energy base;
    private final int n;
    private final double mass;
    private final ThreadLocal<double[][]> scratch;

    Hamiltonian(Energy base, int n, double mass) {
        this.base = base;
        this.n = n;
        this.mass = mass;
        this.scratch = ThreadLocal.withInitial(() -> new double[][] {new double[n], new double[n]});
    }

    /** The energy E(q) on the configuration space. */
    Energy base() {
        return base;
    }

    @Override
    public double value(double[] x) {
        double[] q = scratch.get()[0];
        System.arraycopy(x, 0, q, 0, n);
        return base.value(q) + kinetic(x);
    }

    @Override
    public void gradient(double[] x, double[] out) {
        double[][] s = scratch.get();
        System.arraycopy(x, 0, s[0], 0, n);
        base.gradient(s[0], s[1]);
        System.arraycopy(s[1], 0, out, 0, n);
        for (int i = 0; i < n; i++) {
            out[n + i] = x[n + i] / mass;
        }
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        double[][] s = scratch.get();
        System.arraycopy(x, 0, s[0], 0, n);
        double e = base.valueAndGradient(s[0], s[1]);
        System.arraycopy(s[1], 0, gradient, 0, n);
        for (int i = 0; i < n; i++) {
            gradient[n + i] = x[n + i] / mass;
        }
        return e + kinetic(x);
    }

    /** out = Hess H, 2n x 2n row-major (allocates: not on hot paths). */
    @Override
    public void hessian(double[] x, double[] out) {
        int d = 2 * n;
        double[] q = java.util.Arrays.copyOf(x, n);
        double[] hq = new double[n * n];
        base.hessian(q, hq);
        java.util.Arrays.fill(out, 0, d * d, 0.0);
        for (int i = 0; i < n; i++) {
            System.arraycopy(hq, i * n, out, i * d, n);
            out[(n + i) * d + n + i] = 1.0 / mass;
        }
    }

    private double kinetic(double[] x) {
        double s = 0;
        for (int i = n; i < 2 * n; i++) {
            s += x[i] * x[i];
        }
        return s / (2 * mass);
    }
}
