package org.varflow.api;

/**
 * What the state is. A state is a flat {@code double[]} of length {@link #dimension()}.
 *
 * <p>The space kind (for example {@value #EUCLIDEAN}) is what other parts declare support for; the compatibility
 * check compares it with each part's {@link PartFactory#spaces()} before a run starts.
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

    /** Name of coordinate {@code i} for tables and CSV headers; {@code x1, x2, ...} by default. */
    default String coordinateName(int i) {
        return "x" + (i + 1);
    }
}
