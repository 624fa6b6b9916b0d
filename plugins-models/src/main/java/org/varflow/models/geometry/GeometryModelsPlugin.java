package org.varflow.models.geometry;

import org.varflow.api.Plugin;

/** Energies and presets that show "optimizer design is geometry choice": the same energy under different metrics. */
public final class GeometryModelsPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-models-geometry";
    }
}
