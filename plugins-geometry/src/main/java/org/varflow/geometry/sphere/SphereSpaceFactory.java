package org.varflow.geometry.sphere;

import java.util.List;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;
import org.varflow.api.SpaceKinds;
import org.varflow.geometry.internal.Vectors;

/**
 * The unit sphere S^{d-1} = { x in R^d : |x| = 1 }, in the d ambient coordinates (kind {@value SpaceKinds#SPHERE}).
 * The starting point {@code x0} is normalised, so any non-zero vector names a point.
 */
public final class SphereSpaceFactory implements SpaceFactory {
    static final String OWNER = "space 'sphere'";

    @Override
    public String id() {
        return "sphere";
    }

    @Override
    public String summary() {
        return "the unit sphere S^{d-1} = {x in R^d : |x| = 1}, in ambient coordinates";
    }

    @Override
    public String formula() {
        return "x in R^d with |x| = 1; starts at x0 / |x0|";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("dimension", 3, 2, 1_000_000, "ambient dimension d (the sphere S^{d-1} has"
                        + " dimension d - 1)"),
                Parameter.vector("x0", "1", "starting direction, normalised to |x0| = 1 (one number is used for"
                        + " every coordinate)"));
    }

    /** Every space it makes declares its constraint: a {@link SphereSpace}. */
    @Override
    public Class<SphereSpace> partType() {
        return SphereSpace.class;
    }

    @Override
    public Space create(Parameters parameters) {
        int d = (int) parameters.integer("dimension");
        double[] x0 = Parameters.broadcast(OWNER, "x0", parameters.vector("x0"), d, "the space has dimension " + d);
        double norm = Math.sqrt(Vectors.dot(x0, x0, d));
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new ConfigurationException(OWNER + ": parameter 'x0' = " + java.util.Arrays.toString(x0)
                    + " has norm " + norm + "; give a non-zero finite direction");
        }
        for (int i = 0; i < d; i++) {
            x0[i] /= norm;
        }
        return new SphereSpace(d, x0);
    }
}
