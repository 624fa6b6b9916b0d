package org.varflow.measures.grid;

import org.varflow.api.Metric;

/**
 * A metric on grid densities that also knows its own gradient flow of a free energy
 *
 * <pre>
 *   F(rho) = E(rho) + T integral U(rho),   U(rho) = rho log rho (exponent m = 1) or rho^m / (m - 1) (m &gt; 1),
 * </pre>
 *
 * given the first variation psi = dE/drho of the energy part per cell, so that schemes can discretise the entropy's
 * part of the flux in a structure-preserving way (Scharfetter-Gummel, upwinding) instead of through {@code raise}.
 * Stateless and allocation-free, like every metric.
 */
public interface DensityMetric extends Metric {

    /**
     * Writes d rho/dt into {@code rate} and returns the explicit stability limit: the largest step h for which
     * rho + h rate stays non-negative (and, for nonlinear diffusion, linearly stable); +infinity when any step is.
     *
     * @param rho         the density, one value per cell, &gt;= 0
     * @param psi         the energy's first variation dE/drho at each cell (not multiplied by the cell volume)
     * @param temperature T &gt;= 0
     * @param exponent    m = 1 for the Boltzmann entropy, m &gt; 1 for the Tsallis entropy rho^m / (m - 1)
     */
    double rates(double[] rho, double[] psi, double temperature, double exponent, double[] rate);

    /** What bounds the step of {@link #rates}, in words, for messages. */
    String stabilityLimit();
}
