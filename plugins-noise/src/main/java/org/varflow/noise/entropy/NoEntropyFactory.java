package org.varflow.noise.entropy;

import org.varflow.api.Entropy;
import org.varflow.api.EntropyFactory;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * No entropy term: beta = +infinity, temperature 0, so the free energy is F(rho) = integral E d rho and the flow of
 * samples is the deterministic gradient flow (the zero-temperature limit of every sampler).
 */
public final class NoEntropyFactory implements EntropyFactory {

    @Override
    public String id() {
        return "none";
    }

    @Override
    public String summary() {
        return "no entropy term: beta = infinity, zero temperature (optimisation, not sampling)";
    }

    @Override
    public String formula() {
        return "beta = +infinity,  T = beta^-1 = 0,  F(rho) = integral E d rho";
    }

    @Override
    public Entropy create(Parameters parameters, Space space) {
        return NoEntropy.INSTANCE;
    }

    /** beta = +infinity. */
    enum NoEntropy implements Entropy {
        INSTANCE;

        @Override
        public double beta() {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public double temperatureAt(double t) {
            return 0.0;
        }

        @Override
        public boolean isNone() {
            return true;
        }
    }
}
