package org.varflow.geometry.symplectic;

import org.varflow.api.DampedHamiltonian;

/**
 * The structure of (damped) Hamiltonian mechanics on phase space x = (q, p):
 *
 * <pre>
 *   J = [[0, I], [-I, 0]]            (Poisson operator, antisymmetric)
 *   K = [[0, 0], [0, gamma m I]]     (friction on the momenta; K = 0 when gamma = 0)
 * </pre>
 *
 * so the flow x' = (J - K) dH of H = E(q) + |p|^2 / 2m is q' = p / m, p' = -dE(q) - gamma p, and with thermal noise
 * (covariance 2 h T K, on the momenta only) it is underdamped Langevin dynamics, whose stationary law is
 * exp(-H / T) / Z. K is constant (no Ito correction) and only positive semi-definite: S = K^{1/2} is
 * [[0, 0], [0, sqrt(gamma m) I]], so S S^T = K holds and noise never touches q. For any H,
 * dH/dt = -&lt;dH, K dH&gt; = -gamma |p|^2 / m (J does no work).
 *
 * <p>Stateless; {@link #friction()} and {@link #mass()} are read by the splitting schemes (leapfrog, BAOAB).
 */
public final class HamiltonianMetric implements DampedHamiltonian {
    private final int n;
    private final double friction;
    private final double mass;
    private final double k;
    private final double rootK;

    HamiltonianMetric(int n, double friction, double mass) {
        if (!(friction >= 0) || Double.isInfinite(friction)) {
            throw new IllegalArgumentException("friction = " + friction + " must be finite and >= 0");
        }
        this.n = n;
        this.friction = friction;
        this.mass = mass;
        this.k = friction * mass;
        this.rootK = Math.sqrt(k);
    }

    /** The friction rate gamma: p' = ... - gamma p (0 for pure Hamiltonian flow). */
    @Override
    public double friction() {
        return friction;
    }

    /** The mass m of the space it was made for. */
    @Override
    public double mass() {
        return mass;
    }

    @Override
    public void raise(double[] x, double[] covector, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = 0.0;
            out[n + i] = k * covector[n + i];
        }
    }

    @Override
    public void sqrtRaise(double[] x, double[] xi, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = 0.0;
            out[n + i] = rootK * xi[n + i];
        }
    }

    @Override
    public void divergence(double[] x, double[] out) {
        java.util.Arrays.fill(out, 0, 2 * n, 0.0);
    }

    /** out = J covector = (covector_p, -covector_q). */
    @Override
    public void applyPoisson(double[] x, double[] covector, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = covector[n + i];
            out[n + i] = -covector[i];
        }
    }
}
