package org.varflow.core.euclidean;

import java.util.List;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;

/** The space R^d with its usual coordinates; the state starts at {@code x0}. */
public final class EuclideanSpaceFactory implements SpaceFactory {
    /** Largest dimension accepted for one state. */
    public static final long MAX_DIMENSION = 10_000_000L;

    @Override
    public String id() {
        return "euclidean";
    }

    @Override
    public String summary() {
        return "R^d: a point with d real coordinates";
    }

    @Override
    public String formula() {
        return "x in R^d, starting at x0";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("dimension", 2, 1, MAX_DIMENSION, "number of coordinates d"),
                Parameter.vector("x0", "1", "starting point (one number is used for every coordinate)"));
    }

    @Override
    public Space create(Parameters parameters) {
        int d = (int) parameters.integer("dimension");
        double[] x0 = broadcast("space 'euclidean'", "x0", parameters.vector("x0"), d);
        return new EuclideanSpace(d, x0);
    }

    /**
     * A vector parameter of length 1 broadcast to length d, or of length d as it is.
     *
     * @throws ConfigurationException for any other length
     */
    public static double[] broadcast(String owner, String name, double[] v, int d) {
        if (v.length == d) {
            return v;
        }
        if (v.length == 1) {
            double[] out = new double[d];
            java.util.Arrays.fill(out, v[0]);
            return out;
        }
        throw new ConfigurationException(owner + ": parameter '" + name + "' has " + v.length
                + " entries but the space has dimension " + d + "; give 1 or " + d + " entries");
    }

    /** R^d. */
    private record EuclideanSpace(int dimension, double[] x0) implements Space {
        @Override
        public String kind() {
            return EUCLIDEAN;
        }

        @Override
        public double[] initialState() {
            return x0.clone();
        }
    }
}
