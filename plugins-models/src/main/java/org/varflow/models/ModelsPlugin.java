package org.varflow.models;

import java.util.Collection;
import java.util.List;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Plugin;
import org.varflow.api.Preset;
import org.varflow.models.presets.MethodPresets;
import org.varflow.models.testfunctions.DoubleWellEnergyFactory;
import org.varflow.models.testfunctions.QuadraticEnergyFactory;
import org.varflow.models.testfunctions.RosenbrockEnergyFactory;

/** Energies (test functions) and the method presets: what decreases, and the named compositions. */
public final class ModelsPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-models";
    }

    @Override
    public Collection<EnergyFactory> energies() {
        return List.of(new QuadraticEnergyFactory(), new DoubleWellEnergyFactory(), new RosenbrockEnergyFactory());
    }

    @Override
    public Collection<Preset> presets() {
        return MethodPresets.all();
    }
}
