package org.varflow.api;

import java.util.Objects;

/**
 * The five parts of one composed flow. Its deterministic velocity is
 *
 * <pre>
 *   b(x, t) = -K(x) dE(x) + J(x) dE(x) + T(t) div K(x)
 * </pre>
 *
 * where the last term is added by the noise part when it needs it (Ito correction); the stochastic part
 * sqrt(2 T K) dW is the noise's {@link Noise#addIncrement}.
 *
 * @param space   what the state is
 * @param metric  K and J
 * @param energy  E
 * @param entropy the temperature T = beta^-1
 * @param noise   what fluctuates
 */
public record Flow(Space space, Metric metric, Energy energy, Entropy entropy, Noise noise) {

    public Flow {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(energy, "energy");
        Objects.requireNonNull(entropy, "entropy");
        Objects.requireNonNull(noise, "noise");
    }

    /** Number of coordinates of one state. */
    public int dimension() {
        return space.dimension();
    }

    /** The temperature beta^-1 at time t. */
    public double temperature(double t) {
        return entropy.temperatureAt(t);
    }

    /** Whether the flow has no noise ({@link NoNoise}) or no temperature: an ODE. */
    public boolean isDeterministic() {
        return noise instanceof NoNoise || entropy.isNone();
    }

    /**
     * Writes the velocity b(x, t) into {@code out} and dE(x) into {@code gradient}.
     *
     * @param work scratch of length at least {@code 2 * x.length}
     */
    public void drift(double[] x, double t, double[] gradient, double[] work, double[] out) {
        energy.gradient(x, gradient);
        metric.raise(x, gradient, out);
        int d = x.length;
        for (int i = 0; i < d; i++) {
            out[i] = -out[i];
        }
        if (metric instanceof PoissonMetric poisson) {
            poisson.applyPoisson(x, gradient, work);
            for (int i = 0; i < d; i++) {
                out[i] += work[i];
            }
        }
        if (!isDeterministic()) {
            noise.addDriftCorrection(x, temperature(t), metric, work, out);
        }
    }
}
