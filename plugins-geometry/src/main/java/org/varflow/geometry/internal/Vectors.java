package org.varflow.geometry.internal;

import java.util.Arrays;
import org.varflow.api.ConfigurationException;

/** Vector helpers shared by the geometry parts. */
public final class Vectors {
    private Vectors() {
    }

    /**
     * A vector parameter of length 1 broadcast to length d, or of length d as it is (a copy).
     *
     * @throws ConfigurationException for any other length, naming the part, the parameter and both lengths
     */
    public static double[] broadcast(String owner, String name, double[] v, int d) {
        if (v.length == d) {
            return v.clone();
        }
        if (v.length == 1) {
            double[] out = new double[d];
            Arrays.fill(out, v[0]);
            return out;
        }
        throw new ConfigurationException(owner + ": parameter '" + name + "' has " + v.length
                + " entries but the space has dimension " + d + "; give 1 or " + d + " entries");
    }

    /** The Euclidean inner product of the first d entries. */
    public static double dot(double[] a, double[] b, int d) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** A simple space: a kind, a dimension and a starting point. */
    public record SimpleSpace(String kind, int dimension, double[] x0) implements org.varflow.api.Space {
        public SimpleSpace {
            x0 = x0.clone();
        }

        @Override
        public double[] x0() {
            return x0.clone();
        }

        @Override
        public double[] initialState() {
            return x0.clone();
        }
    }
}
