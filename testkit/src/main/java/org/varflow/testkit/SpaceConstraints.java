package org.varflow.testkit;

import java.util.Locale;
import org.varflow.api.ConstrainedSpace;
import org.varflow.api.Space;
import org.varflow.api.measure.MeasureKinds;

/**
 * What "on the space" means, as the space declares it: a {@link ConstrainedSpace} says what it contains (its
 * constraint, defect and tangent space); any other space contains every finite state.
 */
public final class SpaceConstraints {
    private SpaceConstraints() {
    }

    /** Whether the space declares a constraint (is a {@link ConstrainedSpace}). */
    public static boolean known(Space space) {
        return space instanceof ConstrainedSpace;
    }

    /**
     * Whether the metric's retraction alone must keep x on the space for any step: true unless the space is a grid
     * density, whose positivity is kept by the scheme's step size (the flux vanishes with rho), not the geometry.
     */
    public static boolean retractionKeeps(Space space) {
        return !space.kind().equals(MeasureKinds.GRID_1D) && !space.kind().equals(MeasureKinds.GRID_2D);
    }

    /** The dimension of the tangent space: declared by a {@link ConstrainedSpace}, else d. */
    public static int declaredTangentDimension(Space space) {
        return space instanceof ConstrainedSpace c ? c.tangentDimension() : space.dimension();
    }

    /**
     * The expected rank of K: the tangent dimension, or null (rank not checked) on measure spaces, whose geometries
     * are degenerate on purpose (Wasserstein on densities conserves mass, kernels smooth).
     */
    public static Integer tangentDimension(Space space) {
        String k = space.kind();
        if (k.equals(MeasureKinds.ENSEMBLE) || k.equals(MeasureKinds.GRID_1D) || k.equals(MeasureKinds.GRID_2D)) {
            return null;
        }
        return declaredTangentDimension(space);
    }

    /** The constraint in words. */
    public static String describe(Space space) {
        return space instanceof ConstrainedSpace c ? c.constraint() : "finite (no constraint declared)";
    }

    /** How far x is from meeting the space's equality constraints (0 where there are none). */
    public static double defect(Space space, double[] x) {
        return space instanceof ConstrainedSpace c ? c.defect(x) : 0;
    }

    /** What is wrong with x, or null when it is on the space: a coordinate that is not finite, or the violation. */
    public static String violation(Space space, double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                return space.coordinateName(i) + " = " + x[i];
            }
        }
        if (space instanceof ConstrainedSpace c && !c.contains(x)) {
            String v = c.violation(x);
            return v == null ? "contains(x) is false but violation(x) is null (" + c.constraint() + ")" : v;
        }
        return null;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
