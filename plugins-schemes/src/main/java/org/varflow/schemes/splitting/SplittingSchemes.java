package org.varflow.schemes.splitting;

import org.varflow.api.DampedHamiltonian;
import org.varflow.api.PartKind;
import org.varflow.api.Requirement;

/** What leapfrog and BAOAB need of a flow's metric: the structure of (damped) Hamiltonian mechanics. */
final class SplittingSchemes {
    /** BAOAB: J plus friction gamma >= 0 on the momenta. */
    static final Requirement<DampedHamiltonian> DAMPED = Requirement.of(PartKind.METRIC, DampedHamiltonian.class,
            "a (damped) Hamiltonian structure on phase space, J plus friction on the momenta (metric 'symplectic' or"
                    + " 'underdamped'; for another metric use scheme 'euler' or 'euler-maruyama')");
    /** Leapfrog: J alone. */
    static final Requirement<DampedHamiltonian> CONSERVATIVE = Requirement.of(PartKind.METRIC,
            DampedHamiltonian.class, "a Hamiltonian structure on phase space (metric 'symplectic', or 'underdamped'"
                    + " with friction 0)").and(m -> m.friction() == 0,
            "without friction (with friction use scheme 'baoab'; for another metric 'euler' or 'euler-maruyama')");

    private SplittingSchemes() {
    }
}
