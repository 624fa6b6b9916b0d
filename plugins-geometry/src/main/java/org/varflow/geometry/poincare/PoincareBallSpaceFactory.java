package org.varflow.geometry.poincare;

import java.util.List;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;
import org.varflow.geometry.internal.Vectors;

/** The open unit ball { x in R^d : |x| &lt; 1 }, the Poincare model of hyperbolic space (kind poincare-ball). */
public final class PoincareBallSpaceFactory implements SpaceFactory {
    static final String OWNER = "space 'poincare-ball'";

    @Override
    public String id() {
        return "poincare-ball";
    }

    @Override
    public String summary() {
        return "the open unit ball |x| < 1: the Poincare model of hyperbolic space";
    }

    @Override
    public String formula() {
        return "x in R^d with |x| < 1";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("dimension", 2, 1, 1_000_000, "number of coordinates d"),
                Parameter.vector("x0", "0.5", "starting point, |x0| < 1 (one number is used for every coordinate)"));
    }

    /** Every space it makes declares its constraint: a {@link PoincareBall}. */
    @Override
    public Class<PoincareBall> partType() {
        return PoincareBall.class;
    }

    @Override
    public Space create(Parameters parameters) {
        int d = (int) parameters.integer("dimension");
        double[] x0 = Parameters.broadcast(OWNER, "x0", parameters.vector("x0"), d, "the space has dimension " + d);
        double r = Math.sqrt(Vectors.dot(x0, x0, d));
        if (!(r < 1)) {
            throw new ConfigurationException(OWNER + ": parameter 'x0' has norm " + r + ", but the ball is |x| < 1;"
                    + " give a point inside (e.g. x0 = " + Parameter.format(0.5 / Math.sqrt(d)) + ")");
        }
        return new PoincareBall(d, x0);
    }
}
