package org.varflow.serve.view;

/** How the states of a run are drawn. */
public enum ViewKind {
    /** Points in the plane (one particle's path, or a cloud) over the energy's level sets. */
    PLANE("plane"),
    /** Points on the line: one particle on the potential, or a histogram against the Gibbs density. */
    LINE("line"),
    /** A density on a grid of an interval, against the discrete Gibbs density. */
    DENSITY_1D("density-1d"),
    /** A density on a grid of a rectangle, as a heat map. */
    DENSITY_2D("density-2d"),
    /** The state vector (or the ensemble mean) against its coordinate index: paths, weights, parameters. */
    VECTOR("vector");

    private final String label;

    ViewKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
