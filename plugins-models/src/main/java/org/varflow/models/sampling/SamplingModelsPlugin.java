package org.varflow.models.sampling;

import java.util.Collection;
import java.util.List;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Plugin;
import org.varflow.api.Preset;

/**
 * Energies with data (finite sums) and the sampling presets: noise turns a gradient flow into a sampler. Also the
 * phase-space presets ({@code hamiltonian}, {@code gradient-flow-phase}, {@code underdamped-langevin},
 * {@code heavy-ball}) whose parts live in the symplectic geometry plugin.
 */
public final class SamplingModelsPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-models-sampling";
    }

    @Override
    public Collection<EnergyFactory> energies() {
        return List.of(new BayesLinearRegressionFactory());
    }

    @Override
    public Collection<Preset> presets() {
        return SamplingPresets.all();
    }
}
