package org.varflow.measures;

import org.varflow.api.Energy;

/**
 * Implemented by the energies the measure spaces make from a potential V on R^d (integral V d rho): gives V back, so
 * that diagnostics can build the Gibbs law exp(-V / T) / Z.
 */
public interface LiftedPotential {

    /** The potential V on R^d. */
    Energy potential();
}
