package org.varflow.geometry.mirror;

import java.util.Arrays;
import java.util.List;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;

/**
 * The probability simplex { x in R^d : x_i &gt; 0, sum_i x_i = 1 } (its relative interior), in the d coordinates
 * x_i (kind simplex). The starting point {@code x0} is normalised to sum 1; the default is the uniform vector.
 */
public final class SimplexSpaceFactory implements SpaceFactory {
    static final String OWNER = "space 'simplex'";

    @Override
    public String id() {
        return "simplex";
    }

    @Override
    public String summary() {
        return "the probability simplex {x : x_i > 0, sum x_i = 1}: mixtures, portfolios, categorical laws";
    }

    @Override
    public String formula() {
        return "x in R^d with x_i > 0 and sum_i x_i = 1; starts at x0 / sum(x0)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("dimension", 3, 2, 1_000_000, "number of coordinates d (the simplex has dimension"
                        + " d - 1)"),
                Parameter.vector("x0", "1", "starting weights, all > 0, normalised to sum 1 (one number is used for"
                        + " every coordinate: the uniform vector)"));
    }

    /** Every space it makes declares its constraint: a {@link SimplexSpace}. */
    @Override
    public Class<SimplexSpace> partType() {
        return SimplexSpace.class;
    }

    @Override
    public Space create(Parameters parameters) {
        int d = (int) parameters.integer("dimension");
        double[] x0 = Parameters.broadcast(OWNER, "x0", parameters.vector("x0"), d, "the space has dimension " + d);
        double s = 0;
        for (int i = 0; i < d; i++) {
            if (!(x0[i] > 0)) {
                throw new ConfigurationException(OWNER + ": parameter 'x0' has entry " + (i + 1) + " = "
                        + Parameter.format(x0[i]) + "; every weight must be > 0 (the flow lives in the interior)");
            }
            s += x0[i];
        }
        for (int i = 0; i < d; i++) {
            x0[i] /= s;
        }
        if (!Double.isFinite(s)) {
            throw new ConfigurationException(OWNER + ": parameter 'x0' = " + Arrays.toString(x0) + " does not sum to"
                    + " a finite number");
        }
        return new SimplexSpace(d, x0);
    }
}
