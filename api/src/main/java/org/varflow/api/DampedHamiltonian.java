package org.varflow.api;

/**
 * The structure of damped Hamiltonian mechanics on phase space x = (q, p), q and p in R^n:
 *
 * <pre>
 *   J = [[0, I], [-I, 0]],   K = [[0, 0], [0, gamma m I]]
 * </pre>
 *
 * so that x' = (J - K) dH for H = E(q) + |p|^2 / 2m is q' = p / m, p' = -dE(q) - gamma p. Splitting schemes
 * (leapfrog, BAOAB) require it and read the friction gamma and the mass m from it.
 */
public interface DampedHamiltonian extends PoissonMetric, ConstantMetric {

    /** The friction rate gamma &gt;= 0 (0: pure Hamiltonian flow). */
    double friction();

    /** The mass m &gt; 0. */
    double mass();
}
