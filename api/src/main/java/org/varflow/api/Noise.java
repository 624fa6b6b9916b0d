package org.varflow.api;

/**
 * What fluctuates. For thermal noise, one step of length h adds
 *
 * <pre>
 *   sqrt(2 h T) S(x) xi,   S S^T = K(x),   xi ~ N(0, I),   T = beta^-1 (from the entropy part)
 * </pre>
 *
 * and, for position-dependent K, the Ito correction T div K(x) to the drift, so that the law of the samples
 * follows the Fokker-Planck equation whose stationary law is the Gibbs density exp(-beta E) / Z.
 *
 * <p>The temperature is passed in by the scheme, which takes it from the entropy part: noise has no temperature
 * of its own, so every noise but {@link NoNoise} needs an entropy with a temperature (checked at assembly).
 * Capabilities are types: {@link ThermalNoise} is exactly the increment above, {@link NoNoise} adds nothing.
 */
public interface Noise {

    /**
     * Adds the noise increment of one step to {@code out}.
     *
     * @param x           the state at the start of the step
     * @param h           the step length
     * @param temperature beta^-1 at the start of the step
     * @param metric      the metric, for the square root of K
     * @param rng         the block's random stream
     * @param work        scratch of length at least {@code 2 * x.length}, owned by the caller
     * @param out         accumulates the increment; length d, never the same array as {@code x}
     */
    void addIncrement(double[] x, double h, double temperature, Metric metric, RandomStream rng, double[] work,
                      double[] out);

    /**
     * Adds the drift correction this noise needs, T div K(x), to {@code out}; nothing by default.
     *
     * @param work scratch of length at least {@code 2 * x.length}
     */
    default void addDriftCorrection(double[] x, double temperature, Metric metric, double[] work, double[] out) {
    }
}
