package org.varflow.models.paths;

import java.util.Collection;
import java.util.List;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Plugin;

/**
 * Functionals of paths with fixed ends: the energies {@code action} (least action, Newton's law) and
 * {@code brachistochrone} (the descent time). They read the path from the space they are created on
 * ({@link org.varflow.api.FixedEndPath}), the space {@code path} of plugins-geometry.
 */
public final class PathsPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-models-paths";
    }

    @Override
    public Collection<EnergyFactory> energies() {
        return List.of(new ActionEnergyFactory(), new BrachistochroneEnergyFactory());
    }
}
