package org.varflow.geometry.mirror;

import java.util.Locale;
import org.varflow.api.ConstrainedSpace;
import org.varflow.api.SpaceKinds;

/**
 * The relative interior of the probability simplex, declaring what it contains:
 *
 * <pre>
 *   contains(x)  x_i &gt; 0 and |sum_i x_i - 1| &lt;= {@value #TOLERANCE}     defect(x) = |sum_i x_i - 1|
 *   T_x = { v : sum_i v_i = 0 },  dimension d - 1,   P_x v = v - mean(v) 1
 * </pre>
 *
 * @param dimension d
 * @param x0        the starting point, x0_i &gt; 0, sum 1
 */
public record SimplexSpace(int dimension, double[] x0) implements ConstrainedSpace {
    /** How far the sum may be from 1 after a step: rounding of a renormalising step is about d 1e-16. */
    public static final double TOLERANCE = 1e-9;

    public SimplexSpace {
        x0 = x0.clone();
    }

    @Override
    public double[] x0() {
        return x0.clone();
    }

    @Override
    public String kind() {
        return SpaceKinds.SIMPLEX;
    }

    @Override
    public double[] initialState() {
        return x0.clone();
    }

    @Override
    public boolean contains(double[] x) {
        double s = 0;
        for (int i = 0; i < dimension; i++) {
            if (!(x[i] > 0)) {
                return false;
            }
            s += x[i];
        }
        return Math.abs(s - 1) <= TOLERANCE;
    }

    @Override
    public String constraint() {
        return "x_i > 0, |sum x - 1| <= 1e-9";
    }

    @Override
    public String violation(double[] x) {
        for (int i = 0; i < dimension; i++) {
            if (!(x[i] > 0)) {
                return coordinateName(i) + " = " + x[i] + " (" + constraint() + ")";
            }
        }
        return contains(x) ? null : String.format(Locale.ROOT, "sum x = %.17g (%s)", sum(x), constraint());
    }

    @Override
    public double defect(double[] x) {
        return Math.abs(sum(x) - 1);
    }

    @Override
    public int tangentDimension() {
        return dimension - 1;
    }

    @Override
    public void projectTangent(double[] x, double[] v, double[] out) {
        double mean = sum(v) / dimension;
        for (int i = 0; i < dimension; i++) {
            out[i] = v[i] - mean;
        }
    }

    private double sum(double[] x) {
        double s = 0;
        for (int i = 0; i < dimension; i++) {
            s += x[i];
        }
        return s;
    }
}
