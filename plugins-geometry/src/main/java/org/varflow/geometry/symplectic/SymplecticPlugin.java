package org.varflow.geometry.symplectic;

import java.util.Collection;
import java.util.List;
import org.varflow.api.MetricFactory;
import org.varflow.api.Plugin;
import org.varflow.api.SpaceFactory;

/**
 * Phase space (q, p) and the Poisson operator J: space {@code phase-space}; metrics {@code symplectic} (J, K = 0),
 * {@code underdamped} (J plus friction on the momenta) and {@code phase-gradient} (K = I, the dissipative contrast).
 * The schemes that respect J ({@code leapfrog}, {@code baoab}) are in plugins-schemes and read the structure through
 * {@link org.varflow.api.DampedHamiltonian}.
 */
public final class SymplecticPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-symplectic";
    }

    @Override
    public Collection<SpaceFactory> spaces() {
        return List.of(new PhaseSpaceFactory());
    }

    @Override
    public Collection<MetricFactory> metrics() {
        return List.of(new SymplecticMetricFactory(), new UnderdampedMetricFactory(),
                new PhaseGradientMetricFactory());
    }
}
