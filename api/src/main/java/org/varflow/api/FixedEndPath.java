package org.varflow.api;

/**
 * A space whose state is a discretised path with fixed ends: q(t) on [0, T] sampled at N + 1 equally spaced nodes
 * t_j = j dt, dt = T / N, each node in R^k, with q_0 = A and q_N = B held fixed; the state is the N - 1 interior
 * nodes, node-major (coordinate (j - 1) k + c is component c of q_j). Energies on paths (an action, a travel time)
 * and the L2 metric of paths read N, T, A and B from it, whichever plugin provides the space.
 */
public interface FixedEndPath extends Space {

    /** N, the number of intervals. */
    int intervals();

    /** T, the length of the parameter interval. */
    double length();

    /** dt = T / N. */
    default double step() {
        return length() / intervals();
    }

    /** k, the number of components of each node. */
    int components();

    /** A copy of A, the first node. */
    double[] start();

    /** A copy of B, the last node. */
    double[] end();

    /**
     * Component c of node j in 0..N of the path whose interior is {@code x}: A_c at j = 0, B_c at j = N, else
     * {@code x[(j - 1) k + c]}. Called in energies' hot loops: must not allocate.
     */
    double node(double[] x, int j, int c);

    /**
     * The path space a part was given, or a {@link ConfigurationException} naming the part: for energies and
     * metrics that read the path from the space they are created on.
     */
    static FixedEndPath require(String owner, Space space) {
        if (space instanceof FixedEndPath path) {
            return path;
        }
        throw new ConfigurationException(owner + " needs the space 'path' (it reads N, T, A and B from it), but got a"
                + " space of kind " + space.kind());
    }
}
