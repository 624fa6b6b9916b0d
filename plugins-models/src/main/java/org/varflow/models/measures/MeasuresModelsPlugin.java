package org.varflow.models.measures;

import org.varflow.api.Plugin;

/** Energies on measures (potential, interaction, entropy functionals) and the distribution-space presets. */
public final class MeasuresModelsPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-models-measures";
    }
}
