package org.varflow.api;

/**
 * What the state is. A state is a flat {@code double[]} of length {@link #dimension()}.
 *
 * <p>The space kind (for example {@value #EUCLIDEAN}) is what other parts declare support for; the compatibility
 * check compares it with each part's {@link PartFactory#spaces()} before a run starts.
 *
 * <p>A space contains every finite state unless it is a {@link ConstrainedSpace}, which says what it contains
 * (x_i &gt; 0, |x| = 1, ...); the runner enforces that after every step.
 */
public interface Space {
    /** The kind of R^d with its usual coordinates. */
    String EUCLIDEAN = "euclidean";

    /** The space kind, e.g. {@value #EUCLIDEAN}. */
    String kind();

    /** Number of coordinates of one state. */
    int dimension();

    /** A fresh copy of the starting state. */
    double[] initialState();

    /**
     * The space energies are written on, when this space is built over another; null (the default) when energies
     * are written on this space itself. Phase space (q, p) over R^n is the example: the energy E(q) is chosen and
     * parameterised on R^n and {@link #lift lifted} to the Hamiltonian H(q, p) = E(q) + |p|^2 / 2m.
     */
    default Space base() {
        return null;
    }

    /** Turns an energy on {@link #base()} into one on this space; the identity by default. */
    default Energy lift(Energy baseEnergy) {
        return baseEnergy;
    }

    /** Name of coordinate {@code i} for tables and CSV headers; {@code x1, x2, ...} by default. */
    default String coordinateName(int i) {
        return "x" + (i + 1);
    }
}
