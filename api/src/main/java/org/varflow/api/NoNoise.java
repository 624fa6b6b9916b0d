package org.varflow.api;

/**
 * No noise: every increment is zero and no random number is drawn, so the flow is the ODE x' = -K dE + J dE
 * whatever the entropy says. A flow whose noise is this is deterministic ({@link Flow#isDeterministic()}).
 */
public enum NoNoise implements Noise {
    INSTANCE;

    /** Adds nothing. */
    @Override
    public void addIncrement(double[] x, double h, double temperature, Metric metric, RandomStream rng,
                             double[] work, double[] out) {
        // nothing fluctuates
    }
}
