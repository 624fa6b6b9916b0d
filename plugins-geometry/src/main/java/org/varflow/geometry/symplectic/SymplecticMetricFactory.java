package org.varflow.geometry.symplectic;

import java.util.Set;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * The symplectic structure of phase space: J = [[0, I], [-I, 0]], K = 0. The flow x' = J dH is Hamilton's
 * equations q' = dH/dp = p / m, p' = -dH/dq = -dE(q): conservative, H is constant along it, and phase-space volume
 * is preserved (Liouville). Any scheme that evaluates the drift -K dH + J dH integrates it (explicit Euler gains
 * energy by a factor 1 + h^2 omega^2 per step on a harmonic oscillator); {@code leapfrog} keeps the energy error
 * bounded, O(h^2), for all time.
 */
public final class SymplecticMetricFactory implements MetricFactory {

    @Override
    public String id() {
        return "symplectic";
    }

    @Override
    public String summary() {
        return "Hamiltonian (conservative) structure on phase space: J = [[0, I], [-I, 0]], K = 0";
    }

    @Override
    public String formula() {
        return "J = [[0, I], [-I, 0]],  K = 0,  K^{1/2} = 0,  div K = 0:  q' = p / m,  p' = -dE(q)  (dH/dt = 0)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(PhaseSpace.KIND);
    }

    @Override
    public Class<HamiltonianMetric> partType() {
        return HamiltonianMetric.class;
    }

    @Override
    public Metric create(Parameters parameters, Space space) {
        return new HamiltonianMetric(space.dimension() / 2, 0.0, mass(space));
    }

    /** The mass of varflow's phase space; 1 for another implementation of the kind. */
    static double mass(Space space) {
        return space instanceof PhaseSpace ps ? ps.mass() : 1.0;
    }
}
