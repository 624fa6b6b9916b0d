package org.varflow.api;

/**
 * The state of a run after a step, as seen by observers. The arrays are the run's own: read them, never keep or
 * modify them.
 */
public interface Snapshot {

    /** Steps taken so far (0 before the first). */
    long step();

    /** The time reached. */
    double time();

    /** Number N of particles. */
    int particles();

    /** Coordinates d of one particle. */
    int dimension();

    /** All states, row-major N x d: particle p occupies {@code [p*d, (p+1)*d)}. */
    double[] states();

    /** The composed flow. */
    Flow flow();

    /** Coordinates of auxiliary state the run keeps per particle ({@link Scheme#auxiliaryDimension}); 0 by default. */
    default int auxiliaryDimension() {
        return 0;
    }

    /**
     * Copies particle p's auxiliary state into {@code out} ({@link #auxiliaryDimension()} long); nothing by default.
     */
    default void auxiliary(int particle, double[] out) {
    }
}
