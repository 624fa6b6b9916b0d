package org.varflow.models;

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

    /** A space of the given kind and dimension that starts at 0, for energies declared on other kinds than R^d. */
    public static Space ofKind(String kind, int dimension) {
        return new Space() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public double[] initialState() {
                return new double[dimension];
            }
        };
    }
}
