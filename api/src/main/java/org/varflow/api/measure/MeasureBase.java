package org.varflow.api.measure;

import org.varflow.api.Space;

/**
 * The space R^d under a space of measures (an ensemble or a grid density on R^d): what energies are written on.
 * Any energy on R^d (quadratic, double-well, ...) chosen for a measure space is created on this base and lifted to
 * the potential energy integral V d rho; an energy that is a {@link MeasureEnergy} is lifted as a functional of the
 * whole measure instead. Energies that only make sense on measures check for this type in their {@code create}.
 *
 * @param dimension d, the dimension of the points the measure lives on
 * @param measureKind the kind of the measure space above it
 * @param start a representative point (the mean of the initial measure), used as the base's initial state
 */
public record MeasureBase(int dimension, String measureKind, double[] start) implements Space {
    public MeasureBase {
        start = start.clone();
        if (start.length != dimension) {
            throw new IllegalArgumentException("start has " + start.length + " coordinates, expected " + dimension);
        }
    }

    @Override
    public String kind() {
        return EUCLIDEAN;
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    @Override
    public double[] initialState() {
        return start.clone();
    }
}
