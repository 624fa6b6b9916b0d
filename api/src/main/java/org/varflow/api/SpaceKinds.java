package org.varflow.api;

/**
 * The space kinds of the spaces varflow ships, beyond {@value Space#EUCLIDEAN} (and the measure kinds in
 * {@link org.varflow.api.measure.MeasureKinds}). A kind is the contract between modules: parts declare support for
 * these strings in {@link PartFactory#spaces()}, whichever plugin provides the space, so an energy or a scheme in one
 * module fits a space of another without depending on it.
 *
 * <table>
 *   <caption>kinds and their states</caption>
 *   <tr><th>kind</th><th>state</th><th>constraint</th></tr>
 *   <tr><td>{@value #SPHERE}</td><td>x in R^d</td><td>|x| = 1 (the sphere S^{d-1})</td></tr>
 *   <tr><td>{@value #SIMPLEX}</td><td>x in R^d</td><td>x_i &gt; 0, sum_i x_i = 1 (probability vectors)</td></tr>
 *   <tr><td>{@value #POSITIVE_ORTHANT}</td><td>x in R^d</td><td>x_i &gt; 0</td></tr>
 *   <tr><td>{@value #POINCARE_BALL}</td><td>x in R^d</td><td>|x| &lt; 1 (hyperbolic space)</td></tr>
 *   <tr><td>{@value #PHASE_SPACE}</td><td>(q, p) in R^2n</td><td>positions first, then momenta</td></tr>
 *   <tr><td>{@value #GAUSSIAN}</td><td>(mu, Sigma), d + d^2 coordinates</td><td>Sigma symmetric positive
 *       definite</td></tr>
 * </table>
 */
public final class SpaceKinds {
    public static final String SPHERE = "sphere";
    public static final String SIMPLEX = "simplex";
    public static final String POSITIVE_ORTHANT = "positive-orthant";
    public static final String POINCARE_BALL = "poincare-ball";
    public static final String PHASE_SPACE = "phase-space";
    public static final String GAUSSIAN = "gaussian";

    private SpaceKinds() {
    }
}
