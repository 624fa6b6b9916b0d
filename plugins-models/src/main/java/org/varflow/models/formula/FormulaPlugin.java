package org.varflow.models.formula;

import java.util.Collection;
import java.util.List;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Plugin;

/** Energies written as formulas. */
public final class FormulaPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-models-formula";
    }

    @Override
    public Collection<EnergyFactory> energies() {
        return List.of(new FormulaEnergyFactory());
    }
}
