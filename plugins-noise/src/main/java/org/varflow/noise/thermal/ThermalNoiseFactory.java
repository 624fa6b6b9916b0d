package org.varflow.noise.thermal;

import org.varflow.api.Noise;
import org.varflow.api.NoiseFactory;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * Thermal noise of overdamped Langevin dynamics, consistent with the metric:
 *
 * <pre>
 *   dx = [ -K(x) dE(x) + T div K(x) ] dt + sqrt(2 T) S(x) dW,   S S^T = K,   T = beta^-1
 * </pre>
 *
 * so one step of length h adds sqrt(2 h T) S(x) xi with xi ~ N(0, I) (covariance 2 h T K(x)) and, when K depends on
 * x, the Ito drift correction T div K(x), with (div K)_i = sum_j d K_ij / d x_j. With both, the Fokker-Planck
 * equation of the samples is d rho/dt = div(K (rho grad E + T grad rho)), whose stationary law is the Gibbs density
 * exp(-E / T) / Z for every positive definite K (Ma, Chen and Fox 2015, with D = K, Q = 0).
 *
 * <p>The temperature comes from the entropy part: with entropy {@code none} (T = 0) the flow is deterministic.
 */
public final class ThermalNoiseFactory implements NoiseFactory {

    @Override
    public String id() {
        return "thermal";
    }

    @Override
    public String summary() {
        return "thermal (Langevin) noise sqrt(2 h T) K^{1/2} xi with the Ito correction T div K";
    }

    @Override
    public String formula() {
        return "increment sqrt(2 h T) S(x) xi, S S^T = K(x), xi ~ N(0, I), T = beta^-1;  drift + T div K(x) when K"
                + " depends on x";
    }

    @Override
    public Noise create(Parameters parameters, Space space) {
        return Thermal.INSTANCE;
    }
}
