package org.varflow.api;

/**
 * A space that does not contain every finite state, and says which states it contains: the sphere (|x| = 1), the
 * simplex (x_i &gt; 0, sum x_i = 1), the positive orthant, the Poincare ball, the Gaussian family (Sigma symmetric
 * positive definite), grid densities (rho_i &gt;= 0). A space that is not a {@code ConstrainedSpace} contains every
 * finite state (R^d, phase space, ensembles, paths).
 *
 * <p>Membership is enforced: after every step the runner asks {@link #contains} of every particle's state and ends
 * the run at the first state outside (a numerical failure, exit code 3, naming the step, the particle, the parts that
 * moved it and {@link #violation}); {@code --on-divergence halve} treats it like a divergence. Only spaces of this
 * type are asked, so unconstrained spaces pay nothing in the hot loop. The check kit ({@code varflow check}) tests the
 * declaration itself (the initial state inside, the projection onto the tangent space consistent with the defect
 * below) and that metrics' retractions and noise keep states inside.
 *
 * <p>Equality constraints (the sphere's |x| = 1, the simplex's sum x_i = 1) hold only to rounding after a step: a
 * space states the tolerance it accepts in {@link #contains} and reports the exact {@link #defect} separately.
 */
public interface ConstrainedSpace extends Space {

    /**
     * Whether the state x (finite: the runner has checked that) is in the space, equality constraints to the space's
     * own tolerance. Called for every particle after every step from several threads: fast, free of mutable shared
     * state, allocation-free.
     */
    boolean contains(double[] x);

    /** The constraint in words with its tolerances, e.g. {@code "x_i > 0, |sum x - 1| <= 1e-10"}. */
    String constraint();

    /**
     * What is wrong with x, naming the coordinate ({@link #coordinateName}) and its value where one coordinate is to
     * blame, e.g. {@code "x2 = -0.0131 (x_i > 0)"}; null when x is inside. Called after {@link #contains} said no,
     * so it may allocate. The default names the constraint only.
     */
    default String violation(double[] x) {
        return contains(x) ? null : "the state is outside the space (" + constraint() + ")";
    }

    /**
     * How far x is from meeting the space's equality constraints, in the units of the state (e.g. ||x| - 1| on the
     * sphere, |sum x - 1| on the simplex); 0 for spaces that have none (the default), whose constraints are open
     * conditions such as x_i &gt; 0.
     */
    default double defect(double[] x) {
        return 0;
    }

    /**
     * The dimension of the tangent space: d less the number of independent equality constraints (d - 1 on the
     * sphere and the simplex). d by default.
     */
    default int tangentDimension() {
        return dimension();
    }

    /**
     * out = P_x v, the orthogonal projection of v onto the tangent space at x: the directions along which
     * {@link #defect} changes only at second order (v - (x.v) x / |x|^2 on the sphere, v - mean(v) on the simplex).
     * The identity by default. {@code out} never aliases {@code x} or {@code v}.
     */
    default void projectTangent(double[] x, double[] v, double[] out) {
        System.arraycopy(v, 0, out, 0, x.length);
    }
}
