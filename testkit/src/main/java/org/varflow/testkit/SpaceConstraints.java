package org.varflow.testkit;

import java.util.Locale;
import org.varflow.api.Space;

/**
 * What "on the space" means for the space kinds the check kit knows (the SPI has no membership test yet): the
 * constraint, its numerical defect and the dimension of the tangent space. Unknown kinds are only required to be
 * finite.
 */
public final class SpaceConstraints {
    private SpaceConstraints() {
    }

    /** Whether the kind's constraint is known here. */
    public static boolean known(Space space) {
        return switch (space.kind()) {
            case "euclidean", "sphere", "simplex", "positive-orthant", "poincare-ball", "grid-1d", "grid-2d" -> true;
            default -> false;
        };
    }

    /**
     * Whether the retraction alone must keep x on the space for any tangent step (sphere, simplex, orthant, ball);
     * false on grid densities, whose positivity is the scheme's step-size limit's job.
     */
    public static boolean retractionKeeps(Space space) {
        return !space.kind().startsWith("grid-");
    }

    /** The expected rank of K: d, or d - 1 on the sphere and the simplex; null for an unknown kind. */
    public static Integer tangentDimension(Space space) {
        return switch (space.kind()) {
            case "euclidean", "positive-orthant", "poincare-ball" -> space.dimension();
            case "sphere", "simplex" -> space.dimension() - 1;
            default -> null;
        };
    }

    /** The constraint in words. */
    public static String describe(Space space) {
        return switch (space.kind()) {
            case "sphere" -> "||x| - 1| <= 1e-12";
            case "simplex" -> "x > 0, |sum x - 1| <= 1e-12";
            case "positive-orthant" -> "x > 0";
            case "grid-1d", "grid-2d" -> "density rho > 0 in every cell";
            case "poincare-ball" -> "|x| < 1";
            default -> "finite";
        };
    }

    /** How far x is from satisfying an equality constraint (0 where there is none). */
    public static double defect(Space space, double[] x) {
        double s = 0;
        switch (space.kind()) {
            case "sphere" -> {
                for (double v : x) {
                    s += v * v;
                }
                return Math.abs(Math.sqrt(s) - 1);
            }
            case "simplex" -> {
                for (double v : x) {
                    s += v;
                }
                return Math.abs(s - 1);
            }
            default -> {
                return 0;
            }
        }
    }

    /** What is wrong with x, or null when it is on the space. */
    public static String violation(Space space, double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                return "coordinate " + (i + 1) + " = " + x[i];
            }
        }
        double defect = defect(space, x);
        switch (space.kind()) {
            case "sphere" -> {
                if (defect > 1e-12) {
                    return String.format(Locale.ROOT, "||x| - 1| = %.2e", defect);
                }
            }
            case "simplex" -> {
                if (defect > 1e-12) {
                    return String.format(Locale.ROOT, "|sum x - 1| = %.2e", defect);
                }
                for (int i = 0; i < x.length; i++) {
                    if (!(x[i] > 0)) {
                        return "x_" + (i + 1) + " = " + x[i];
                    }
                }
            }
            case "positive-orthant", "grid-1d", "grid-2d" -> {
                for (int i = 0; i < x.length; i++) {
                    if (!(x[i] > 0)) {
                        return "x_" + (i + 1) + " = " + x[i];
                    }
                }
            }
            case "poincare-ball" -> {
                double s = 0;
                for (double v : x) {
                    s += v * v;
                }
                if (!(s < 1)) {
                    return String.format(Locale.ROOT, "|x| = %.17g", Math.sqrt(s));
                }
            }
            default -> {
            }
        }
        return null;
    }
}
