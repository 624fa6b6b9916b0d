package org.varflow.models;

import java.util.Collection;
import java.util.List;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Plugin;
import org.varflow.models.testfunctions.DoubleWellEnergyFactory;
import org.varflow.models.testfunctions.QuadraticEnergyFactory;
import org.varflow.models.testfunctions.RosenbrockEnergyFactory;

/** Energies: the test functions (quadratic, double well, Rosenbrock). */
public final class ModelsPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-models";
    }

    @Override
    public Collection<EnergyFactory> energies() {
        return List.of(new QuadraticEnergyFactory(), new DoubleWellEnergyFactory(), new RosenbrockEnergyFactory());
    }
}
