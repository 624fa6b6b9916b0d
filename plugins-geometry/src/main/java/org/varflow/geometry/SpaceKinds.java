package org.varflow.geometry;

/**
 * The space kinds this plugin defines. Parts declare support for them by these strings in
 * {@link org.varflow.api.PartFactory#spaces()} (energies in other plugins repeat the strings: they may not depend
 * on this module).
 *
 * <table>
 *   <caption>kinds and their states</caption>
 *   <tr><th>kind</th><th>state</th><th>constraint</th></tr>
 *   <tr><td>{@value #SPHERE}</td><td>x in R^d</td><td>|x| = 1 (the sphere S^{d-1})</td></tr>
 *   <tr><td>{@value #SIMPLEX}</td><td>x in R^d</td><td>x_i &gt; 0, sum_i x_i = 1 (probability vectors)</td></tr>
 *   <tr><td>{@value #POSITIVE_ORTHANT}</td><td>x in R^d</td><td>x_i &gt; 0</td></tr>
 *   <tr><td>{@value #POINCARE_BALL}</td><td>x in R^d</td><td>|x| &lt; 1 (hyperbolic space)</td></tr>
 * </table>
 */
public final class SpaceKinds {
    public static final String SPHERE = "sphere";
    public static final String SIMPLEX = "simplex";
    public static final String POSITIVE_ORTHANT = "positive-orthant";
    public static final String POINCARE_BALL = "poincare-ball";

    private SpaceKinds() {
    }
}
