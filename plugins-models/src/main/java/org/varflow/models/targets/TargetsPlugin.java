package org.varflow.models.targets;

import java.util.Collection;
import java.util.List;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Plugin;

/** Test functions and sampling targets: the Mueller-Brown potential and Gaussian mixtures. */
public final class TargetsPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-models-targets";
    }

    @Override
    public Collection<EnergyFactory> energies() {
        return List.of(new MullerBrownEnergyFactory(), new GaussianMixtureEnergyFactory());
    }
}
