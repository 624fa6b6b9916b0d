package org.varflow.geometry.mirror;

import java.util.List;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;

/** The open positive orthant { x in R^d : x_i &gt; 0 } (kind positive-orthant): rates, intensities, scales. */
public final class PositiveOrthantSpaceFactory implements SpaceFactory {
    static final String OWNER = "space 'positive-orthant'";

    @Override
    public String id() {
        return "positive-orthant";
    }

    @Override
    public String summary() {
        return "the open positive orthant {x : x_i > 0}: rates, intensities, scales";
    }

    @Override
    public String formula() {
        return "x in R^d with every x_i > 0";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("dimension", 2, 1, 1_000_000, "number of coordinates d"),
                Parameter.vector("x0", "1", "starting point, every entry > 0 (one number is used for every"
                        + " coordinate)"));
    }

    /** Every space it makes declares its constraint: a {@link PositiveOrthant}. */
    @Override
    public Class<PositiveOrthant> partType() {
        return PositiveOrthant.class;
    }

    @Override
    public Space create(Parameters parameters) {
        int d = (int) parameters.integer("dimension");
        double[] x0 = Parameters.broadcast(OWNER, "x0", parameters.vector("x0"), d, "the space has dimension " + d);
        for (int i = 0; i < d; i++) {
            if (!(x0[i] > 0)) {
                throw new ConfigurationException(OWNER + ": parameter 'x0' has entry " + (i + 1) + " = "
                        + Parameter.format(x0[i]) + "; every entry must be > 0");
            }
        }
        return new PositiveOrthant(d, x0);
    }
}
