package org.varflow.models.data;

import java.util.Collection;
import java.util.List;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Plugin;

/** Data models on shipped or user data: least-squares linear regression (with the iris data shipped here). */
public final class DataModelsPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-models-data";
    }

    @Override
    public Collection<EnergyFactory> energies() {
        return List.of(new LinearRegressionEnergyFactory());
    }
}
