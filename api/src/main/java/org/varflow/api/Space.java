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

    /** A fresh copy of the starting state (for a space that starts from a law: a representative one, its mean). */
    double[] initialState();

    /**
     * Writes the starting state of particle {@code particle} of {@code particles} into {@code out}, drawing what it
     * needs from {@code rng}: the particle's block stream, before the block's first step, so that starts drawn from a
     * law (a space's {@code init}) depend on the seed alone, never on the number of threads. The default copies
     * {@link #initialState()} and draws nothing: every particle starts at the same point and the runs of spaces that
     * do not override this are exactly what they were before it existed.
     */
    default void initialState(int particle, int particles, RandomStream rng, double[] out) {
        double[] x0 = initialState();
        System.arraycopy(x0, 0, out, 0, x0.length);
    }

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
