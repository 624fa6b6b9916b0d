package org.varflow.api.measure;

/**
 * The space kinds of flows on probability measures. In all of them the whole measure is one state (a run has one
 * particle); the parts that act on measures declare support for these strings.
 *
 * <table>
 *   <caption>kinds and their states</caption>
 *   <tr><th>kind</th><th>state</th><th>measure</th></tr>
 *   <tr><td>{@value #ENSEMBLE}</td><td>N x d positions, row-major</td><td>the empirical measure
 *       (1/N) sum_p delta_{x_p} on R^d</td></tr>
 *   <tr><td>{@value #GRID_1D}</td><td>n cell densities rho_i</td><td>rho piecewise constant on n cells of
 *       [lower, upper]</td></tr>
 *   <tr><td>{@value #GRID_2D}</td><td>nx * ny cell densities, row-major (x fastest)</td><td>rho piecewise
 *       constant on a rectangle</td></tr>
 * </table>
 */
public final class MeasureKinds {
    /** An ensemble of N particles in R^d: the empirical measure. */
    public static final String ENSEMBLE = "ensemble";
    /** A density on a uniform grid of an interval. */
    public static final String GRID_1D = "grid-1d";
    /** A density on a uniform grid of a rectangle. */
    public static final String GRID_2D = "grid-2d";

    private MeasureKinds() {
    }
}
