package org.varflow.geometry.symplectic;

import org.varflow.api.ConfigurationException;
import org.varflow.api.Flow;
import org.varflow.api.Space;

/** What leapfrog and BAOAB need from a flow: varflow's phase space and a Hamiltonian metric. */
final class SplittingSchemes {
    private SplittingSchemes() {
    }

    /** The phase space, or a configuration error naming the scheme. */
    static PhaseSpace phaseSpace(String scheme, Space space) {
        if (space instanceof PhaseSpace ps) {
            return ps;
        }
        throw new ConfigurationException("scheme '" + scheme + "' splits H(q, p) = E(q) + |p|^2 / 2m and needs"
                + " space 'phase-space' (got a space of kind " + space.kind() + ")");
    }

    /**
     * The metric as a Hamiltonian one (J plus friction on the momenta), or a configuration error. Schemes cannot see
     * the metric before the run (SchemeFactory.create gets the space only), so this is checked when the stepper is
     * made, i.e. when the run starts.
     */
    static HamiltonianMetric hamiltonianMetric(String scheme, Flow flow, boolean frictionAllowed) {
        if (flow.metric() instanceof HamiltonianMetric hm && (frictionAllowed || hm.friction() == 0)) {
            return hm;
        }
        String wanted = frictionAllowed ? "metric 'symplectic' or 'underdamped'" : "metric 'symplectic' (K = 0)";
        String other = frictionAllowed ? "; for another metric use scheme 'euler' / 'euler-maruyama'"
                : "; with friction use scheme 'baoab', for another metric 'euler' / 'euler-maruyama'";
        throw new ConfigurationException("scheme '" + scheme + "' integrates q' = p/m, p' = -dE(q)"
                + (frictionAllowed ? " - gamma p (+ momentum noise)" : "") + " and needs " + wanted
                + other);
    }
}
