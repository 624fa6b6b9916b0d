package org.varflow.geometry.wasserstein;

import org.varflow.api.Plugin;

/** Flows on probability measures: particle ensembles and grid densities under Wasserstein and Fisher-Rao geometry. */
public final class MeasuresPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-measures";
    }
}
