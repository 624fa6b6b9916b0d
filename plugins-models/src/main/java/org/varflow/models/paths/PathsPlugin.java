package org.varflow.models.paths;

import java.util.Collection;
import java.util.List;
import org.varflow.api.EnergyFactory;
import org.varflow.api.MetricFactory;
import org.varflow.api.Plugin;
import org.varflow.api.SpaceFactory;

/**
 * Paths with fixed ends: the space {@code path}, its L2 metric {@code path-l2} and the energies {@code action} and
 * {@code brachistochrone}. The space and metric
 * live here, next to the functionals that need them, rather than in plugins-geometry: they exist only for these
 * functionals and the module depends on the api alone either way.
 */
public final class PathsPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-models-paths";
    }

    @Override
    public Collection<SpaceFactory> spaces() {
        return List.of(new PathSpaceFactory());
    }

    @Override
    public Collection<MetricFactory> metrics() {
        return List.of(new PathL2MetricFactory());
    }

    @Override
    public Collection<EnergyFactory> energies() {
        return List.of(new ActionEnergyFactory(), new BrachistochroneEnergyFactory());
    }
}
