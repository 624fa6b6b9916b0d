package org.varflow.geometry.symplectic;

import java.util.Set;
import org.varflow.api.FlatMetric;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * The Euclidean metric on phase space, K = I, J = 0: the gradient flow of the Hamiltonian,
 * q' = -dE(q), p' = -p / m. The dissipative contrast to {@code symplectic}: the same H, but instead of orbiting on a
 * level set of H the state slides down to the minimum, dH/dt = -|dH|^2.
 */
public final class PhaseGradientMetricFactory implements MetricFactory {

    @Override
    public String id() {
        return "phase-gradient";
    }

    @Override
    public String summary() {
        return "gradient flow of H on phase space (K = I, J = 0): the dissipative contrast to 'symplectic'";
    }

    @Override
    public String formula() {
        return "K = I (2n x 2n),  J = 0:  q' = -dE(q),  p' = -p / m  (dH/dt = -|dH|^2)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(PhaseSpace.KIND);
    }

    @Override
    public Metric create(Parameters parameters, Space space) {
        return PhaseGradientMetric.INSTANCE;
    }

    /** K = I on phase space. */
    enum PhaseGradientMetric implements FlatMetric {
        INSTANCE
    }
}
