package org.varflow.noise;

import org.varflow.api.Space;

/** R^d for tests, without core. */
public record TestSpace(int dimension) implements Space {

    @Override
    public String kind() {
        return EUCLIDEAN;
    }

    @Override
    public double[] initialState() {
        return new double[dimension];
    }
}
