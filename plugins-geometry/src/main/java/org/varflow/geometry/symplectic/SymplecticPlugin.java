package org.varflow.geometry.symplectic;

import java.util.Collection;
import java.util.List;
import org.varflow.api.MetricFactory;
import org.varflow.api.Plugin;
import org.varflow.api.SchemeFactory;
import org.varflow.api.SpaceFactory;

/**
 * Phase space (q, p), the Poisson operator J and the schemes that respect it: space {@code phase-space}; metrics
 * {@code symplectic} (J, K = 0), {@code underdamped} (J plus friction on the momenta) and {@code phase-gradient}
 * (K = I, the dissipative contrast); schemes {@code leapfrog} and {@code baoab}.
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

    @Override
    public Collection<SchemeFactory> schemes() {
        return List.of(new LeapfrogFactory(), new BaoabFactory());
    }
}
