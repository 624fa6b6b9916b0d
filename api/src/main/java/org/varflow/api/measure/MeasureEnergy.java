package org.varflow.api.measure;

import org.varflow.api.Energy;

/**
 * The hook for energies that are functionals of a whole measure rather than potentials: an energy created on the
 * base space R^d of a measure space (ensemble, grid) that implements this interface is lifted by the measure spaces
 * through these methods
 * instead of as integral V d rho. The interaction energy (1/2) double-integral W(x - y) d rho d rho is one; a
 * mean-field network risk R(integral Phi d rho) is another.
 *
 * <p>Conventions of the lifted energies (the same as for lifted potentials):
 * <ul>
 *   <li>on an ensemble of N particles the energy is extensive, E(X) = N F(rho_N), so that its partial derivatives
 *       are the Wasserstein velocities' negatives, dE/dx_p = grad (dF/drho)(x_p), the metric is the identity per
 *       particle, and thermal noise of temperature T realises T integral rho log rho;</li>
 *   <li>on a grid, E(rho) = F(rho) with the cells' densities as coordinates, so dE/drho_i = (dF/drho)(c_i) times the
 *       cell volume.</li>
 * </ul>
 * The returned energies are per-run objects and must not allocate in {@code value} and {@code gradient}.
 */
public interface MeasureEnergy extends Energy {

    /** The energy N F(rho_N) of an ensemble with this layout. */
    Energy onEnsemble(EnsembleLayout layout);

    /** The energy F(rho) of a density on this grid. */
    Energy onGrid(GridLayout layout);
}
