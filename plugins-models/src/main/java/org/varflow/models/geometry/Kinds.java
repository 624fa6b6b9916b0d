package org.varflow.models.geometry;

/**
 * The space kinds of the geometry plugin, repeated as strings: this module may not depend on it (the kinds are
 * the contract, see {@code org.varflow.geometry.SpaceKinds}).
 */
final class Kinds {
    static final String EUCLIDEAN = org.varflow.api.Space.EUCLIDEAN;
    static final String SPHERE = "sphere";
    static final String SIMPLEX = "simplex";
    static final String POSITIVE_ORTHANT = "positive-orthant";
    static final String POINCARE_BALL = "poincare-ball";

    private Kinds() {
    }
}
