package org.varflow.noise.none;

import org.varflow.api.Metric;
import org.varflow.api.Noise;
import org.varflow.api.NoiseFactory;
import org.varflow.api.Parameters;
import org.varflow.api.RandomStream;
import org.varflow.api.Space;

/** No noise: the flow is the deterministic ODE x' = -K dE + J dE, whatever the entropy says. */
public final class NoNoiseFactory implements NoiseFactory {

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

    /** Adds nothing and draws no random numbers. */
    enum NoNoise implements Noise {
        INSTANCE;

        @Override
        public void addIncrement(double[] x, double h, double temperature, Metric metric, RandomStream rng,
                                 double[] work, double[] out) {
            // nothing fluctuates
        }

        @Override
        public boolean isZero() {
            return true;
        }

        @Override
        public boolean needsTemperature() {
            return false;
        }
    }
}
