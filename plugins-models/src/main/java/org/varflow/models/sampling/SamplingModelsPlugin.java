package org.varflow.models.sampling;

import org.varflow.api.Plugin;

/** Energies with data (finite sums) and the sampling presets: noise turns a gradient flow into a sampler. */
public final class SamplingModelsPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-models-sampling";
    }
}
