package org.varflow.noise.none;

import org.varflow.api.NoNoise;
import org.varflow.api.Noise;
import org.varflow.api.NoiseFactory;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/** No noise: the flow is the deterministic ODE x' = -K dE + J dE, whatever the entropy says. */
public final class NoNoiseFactory implements NoiseFactory {

    @Override
    public Class<NoNoise> partType() {
        return NoNoise.class;
    }

    @Override
    public String id() {
        return "none";
    }

    @Override
    public String summary() {
        return "no noise: a deterministic flow";
    }

    @Override
    public String formula() {
        return "dW = 0: the increment of every step is zero and no drift correction is added";
    }

    @Override
    public Noise create(Parameters parameters, Space space) {
        return NoNoise.INSTANCE;
    }
}
