package org.varflow.models.manifold;

import java.util.Collection;
import java.util.List;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Plugin;

/**
 * Energies on manifolds, which show "optimizer design is geometry choice" (the same energy under different metrics):
 * on the sphere, simplex, positive orthant and Poincare ball kinds ({@link org.varflow.api.SpaceKinds}), and
 * statistical models - manifolds of distributions - that know their Fisher information
 * ({@link org.varflow.api.FisherInformation}).
 */
public final class ManifoldModelsPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-models-manifold";
    }

    @Override
    public Collection<EnergyFactory> energies() {
        return List.of(new RayleighEnergyFactory(), new LinearEnergyFactory(), new PoissonEnergyFactory(),
                new HyperbolicDistanceEnergyFactory(), new LogisticRegressionEnergyFactory(),
                new GaussianFitEnergyFactory(), new CategoricalFitEnergyFactory());
    }
}
