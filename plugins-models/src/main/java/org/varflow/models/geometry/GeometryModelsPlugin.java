package org.varflow.models.geometry;

import java.util.Collection;
import java.util.List;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Plugin;

/**
 * Energies that show "optimizer design is geometry choice": the same energy under different metrics.
 * The energies live on the manifold kinds of the geometry plugin (sphere, simplex, positive orthant, Poincare ball)
 * or are statistical models that know their Fisher information ({@link org.varflow.api.FisherInformation}).
 */
public final class GeometryModelsPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-models-geometry";
    }

    @Override
    public Collection<EnergyFactory> energies() {
        return List.of(new RayleighEnergyFactory(), new LinearEnergyFactory(), new PoissonEnergyFactory(),
                new HyperbolicDistanceEnergyFactory(), new LogisticRegressionEnergyFactory(),
                new GaussianFitEnergyFactory(), new CategoricalFitEnergyFactory());
    }
}
