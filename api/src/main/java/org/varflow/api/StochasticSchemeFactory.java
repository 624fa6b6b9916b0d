package org.varflow.api;

/**
 * A factory of schemes that integrate the noise term: Euler-Maruyama, BAOAB, MALA... Assembly refuses a flow with
 * noise (a {@link Noise} other than {@link NoNoise} and a finite temperature) whose scheme factory is not one, and
 * names the stochastic schemes that would fit.
 */
public interface StochasticSchemeFactory extends SchemeFactory {
}
