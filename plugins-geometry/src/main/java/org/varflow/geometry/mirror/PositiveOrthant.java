package org.varflow.geometry.mirror;

import org.varflow.api.ConstrainedSpace;
import org.varflow.api.SpaceKinds;

/**
 * The open positive orthant { x : x_i &gt; 0 }, declaring what it contains: contains(x) iff every x_i &gt; 0. An open
 * set of R^d: no equality constraint, the tangent space is R^d.
 *
 * @param dimension d
 * @param x0        the starting point, x0_i &gt; 0
 */
public record PositiveOrthant(int dimension, double[] x0) implements ConstrainedSpace {
    public PositiveOrthant {
        x0 = x0.clone();
    }

    @Override
    public double[] x0() {
        return x0.clone();
    }

    @Override
    public String kind() {
        return SpaceKinds.POSITIVE_ORTHANT;
    }

    @Override
    public double[] initialState() {
        return x0.clone();
    }

    @Override
    public boolean contains(double[] x) {
        for (int i = 0; i < dimension; i++) {
            if (!(x[i] > 0)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String constraint() {
        return "x_i > 0";
    }

    @Override
    public String violation(double[] x) {
        for (int i = 0; i < dimension; i++) {
            if (!(x[i] > 0)) {
                return coordinateName(i) + " = " + x[i] + " (" + constraint() + ")";
            }
        }
        return null;
    }
}
