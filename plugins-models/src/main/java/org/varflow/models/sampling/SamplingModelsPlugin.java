package org.varflow.models.sampling;

import java.util.Collection;
import java.util.List;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Plugin;

/**
 * Energies with data (finite sums) for the samplers: the Bayesian linear regression, whose Gibbs law is an exact
 * posterior.
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
}
