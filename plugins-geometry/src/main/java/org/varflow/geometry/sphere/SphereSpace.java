package org.varflow.geometry.sphere;

import java.util.Locale;
import org.varflow.api.ConstrainedSpace;
import org.varflow.api.SpaceKinds;

/**
 * The unit sphere S^{d-1} in ambient coordinates, declaring what it contains:
 *
 * <pre>
 *   contains(x)  ||x| - 1| &lt;= {@value #TOLERANCE}     defect(x) = ||x| - 1|
 *   T_x S = { v : x.v = 0 },  dimension d - 1,   P_x v = v - (x.v / |x|^2) x
 * </pre>
 *
 * @param dimension the ambient dimension d
 * @param x0        the starting point, |x0| = 1
 */
public record SphereSpace(int dimension, double[] x0) implements ConstrainedSpace {
    /** How far |x| may be from 1 after a step: rounding of a renormalising retraction is about 1e-16. */
    public static final double TOLERANCE = 1e-10;

    public SphereSpace {
        x0 = x0.clone();
    }

    @Override
    public double[] x0() {
        return x0.clone();
    }

    @Override
    public String kind() {
        return SpaceKinds.SPHERE;
    }

    @Override
    public double[] initialState() {
        return x0.clone();
    }

    @Override
    public boolean contains(double[] x) {
        return defect(x) <= TOLERANCE;
    }

    @Override
    public String constraint() {
        return "||x| - 1| <= 1e-10";
    }

    @Override
    public String violation(double[] x) {
        return contains(x) ? null : String.format(Locale.ROOT, "|x| = %.17g (%s)", Math.sqrt(squaredNorm(x)),
                constraint());
    }

    @Override
    public double defect(double[] x) {
        return Math.abs(Math.sqrt(squaredNorm(x)) - 1);
    }

    @Override
    public int tangentDimension() {
        return dimension - 1;
    }

    @Override
    public void projectTangent(double[] x, double[] v, double[] out) {
        double xv = 0;
        for (int i = 0; i < dimension; i++) {
            xv += x[i] * v[i];
        }
        double s = xv / squaredNorm(x);
        for (int i = 0; i < dimension; i++) {
            out[i] = v[i] - s * x[i];
        }
    }

    private double squaredNorm(double[] x) {
        double s = 0;
        for (int i = 0; i < dimension; i++) {
            s += x[i] * x[i];
        }
        return s;
    }
}
