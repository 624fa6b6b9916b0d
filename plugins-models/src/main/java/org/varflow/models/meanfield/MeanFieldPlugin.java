package org.varflow.models.meanfield;

import java.util.Collection;
import java.util.List;
import org.varflow.api.EnergyFactory;
import org.varflow.api.ObserverFactory;
import org.varflow.api.Plugin;

/** The mean-field two-layer network: its energy and its training-loss observer. */
public final class MeanFieldPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-models-meanfield";
    }

    @Override
    public Collection<EnergyFactory> energies() {
        return List.of(new MeanFieldNetworkFactory());
    }

    @Override
    public Collection<ObserverFactory> observers() {
        return List.of(new TrainingLossObserverFactory());
    }
}
