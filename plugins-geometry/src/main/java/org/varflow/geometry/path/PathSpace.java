package org.varflow.geometry.path;

import org.varflow.api.FixedEndPath;

/**
 * A discretised path with fixed ends: q(t) on [0, T] (or a curve y(x) on [0, X]) sampled at N + 1 equally spaced
 * nodes t_j = j dt, dt = T / N, each node in R^k, with q_0 = A and q_N = B held fixed. The state is the N - 1
 * interior nodes q_1 .. q_{N-1}, node-major: coordinate (j - 1) k + c is component c of q_j. The starting state is
 * the straight line q_j = A + (B - A) j / N, or a given curve (see {@link PathSpaceFactory}).
 *
 * <p>Energies on this space (the {@code action}, the {@code brachistochrone} time) read N, T, A and B from it; the
 * metric {@code path-l2} reads dt. Its kind is {@value #EUCLIDEAN}: the interior nodes are coordinates of R^((N-1)k),
 * so every Euclidean part fits (the {@code euclidean} metric gives the flow without the 1/dt scaling, and the
 * implicit {@code minimizing-movement} scheme, which is written for Euclidean spaces, solves the stiff flow), as the
 * space {@code statistical-model} does; the path parts check that they were given this space and say so otherwise.
 */
public final class PathSpace implements FixedEndPath {

    private final int nodes;
    private final double length;
    private final double[] start;
    private final double[] end;
    private final int k;
    private final double[] initial;

    /**
     * @param nodes  N, the number of intervals (N + 1 nodes, N - 1 of them free)
     * @param length T (or X), the length of the parameter interval
     * @param start  A, the fixed first node (k components)
     * @param end    B, the fixed last node (k components)
     */
    public PathSpace(int nodes, double length, double[] start, double[] end) {
        this(nodes, length, start, end, null);
    }

    /**
     * A path that starts from the given interior nodes instead of the straight line.
     *
     * @param initial the starting interior nodes q_1..q_{N-1}, node-major ((N - 1) k numbers), or null for the line
     */
    public PathSpace(int nodes, double length, double[] start, double[] end, double[] initial) {
        if (nodes < 2 || !(length > 0) || start.length != end.length || start.length == 0) {
            throw new IllegalArgumentException("need N >= 2, T > 0 and A, B of the same length k >= 1");
        }
        this.nodes = nodes;
        this.length = length;
        this.start = start.clone();
        this.end = end.clone();
        this.k = start.length;
        if (initial != null && initial.length != (nodes - 1) * k) {
            throw new IllegalArgumentException("the starting path has " + initial.length + " numbers, expected "
                    + (nodes - 1) * k);
        }
        this.initial = initial == null ? null : initial.clone();
    }

    @Override
    public String kind() {
        return EUCLIDEAN;
    }

    @Override
    public int dimension() {
        return (nodes - 1) * k;
    }

    @Override
    public double[] initialState() {
        if (initial != null) {
            return initial.clone();
        }
        double[] x = new double[dimension()];
        for (int j = 1; j < nodes; j++) {
            double s = (double) j / nodes;
            for (int c = 0; c < k; c++) {
                x[(j - 1) * k + c] = start[c] + (end[c] - start[c]) * s;
            }
        }
        return x;
    }

    @Override
    public String coordinateName(int i) {
        int j = i / k + 1;
        return k == 1 ? "q" + j : "q" + j + "_" + (i % k + 1);
    }

    @Override
    public int intervals() {
        return nodes;
    }

    @Override
    public double length() {
        return length;
    }

    @Override
    public int components() {
        return k;
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    @Override
    public double[] end() {
        return end.clone();
    }

    @Override
    public double node(double[] x, int j, int c) {
        if (j == 0) {
            return start[c];
        }
        if (j == nodes) {
            return end[c];
        }
        return x[(j - 1) * k + c];
    }
}
