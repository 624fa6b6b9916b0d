package org.varflow.geometry.internal;


/**
 * Vector helpers shared by the geometry parts (vector parameters are broadcast by
 * {@link org.varflow.api.Parameters#broadcast}).
 */
public final class Vectors {
    private Vectors() {
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
