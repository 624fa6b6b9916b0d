package org.varflow.geometry.poincare;

import java.util.Locale;
import org.varflow.api.ConstrainedSpace;
import org.varflow.api.SpaceKinds;

/**
 * The open unit ball { x : |x| &lt; 1 } (the Poincare model of hyperbolic space), declaring what it contains:
 * contains(x) iff |x|^2 &lt; 1. An open set of R^d: no equality constraint, the tangent space is R^d.
 *
 * @param dimension d
 * @param x0        the starting point, |x0| &lt; 1
 */
public record PoincareBall(int dimension, double[] x0) implements ConstrainedSpace {
    public PoincareBall {
        x0 = x0.clone();
    }

    @Override
    public double[] x0() {
        return x0.clone();
    }

    @Override
    public String kind() {
        return SpaceKinds.POINCARE_BALL;
    }

    @Override
    public double[] initialState() {
        return x0.clone();
    }

    @Override
    public boolean contains(double[] x) {
        double s = 0;
        for (int i = 0; i < dimension; i++) {
            s += x[i] * x[i];
        }
        return s < 1;
    }

    @Override
    public String constraint() {
        return "|x| < 1";
    }

    @Override
    public String violation(double[] x) {
        double s = 0;
        for (int i = 0; i < dimension; i++) {
            s += x[i] * x[i];
        }
        return s < 1 ? null : String.format(Locale.ROOT, "|x| = %.17g (%s)", Math.sqrt(s), constraint());
    }
}
