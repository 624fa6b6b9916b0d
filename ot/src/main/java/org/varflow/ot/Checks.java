package org.varflow.ot;

/**
 * Argument validation shared by the solvers. Every message names the argument, the offending value and what would be
 * valid, so that a caller can fix the call from the message alone.
 */
final class Checks {
    /**
     * Relative tolerance on the equality of the two total masses, |sum a - sum b| <= MASS_TOLERANCE * max(sum a, sum
     * b).
     */
    static final double MASS_TOLERANCE = 1e-9;

    private Checks() {
    }

    static void notNull(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null");
        }
    }

    static void nonEmpty(String name, double[] values) {
        notNull(name, values);
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " is empty: at least one entry is needed");
        }
    }

    /** Every entry of {@code values} is finite. */
    static void finite(String name, double[] values) {
        notNull(name, values);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + ": entries must be finite");
            }
        }
    }

    /**
     * Checks a weight vector (finite, non-negative, positive total, expected length) and returns its total mass.
     */
    static double weights(String name, double[] weights, int expectedLength, String lengthMeaning) {
        notNull(name, weights);
        if (weights.length != expectedLength) {
            throw new IllegalArgumentException(name + " has length " + weights.length + " but " + lengthMeaning
                    + " is " + expectedLength + ": give one weight per point");
        }
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            if (!Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + w + ": weights must be finite and >= 0");
            }
            total += w;
        }
        if (!(total > 0) || !Double.isFinite(total)) {
            throw new IllegalArgumentException(name + " sums to " + total + ": the total mass must be finite and > 0");
        }
        return total;
    }

    /** The two measures carry the same total mass up to {@link #MASS_TOLERANCE} (relative). */
    static void sameMass(String nameA, double massA, String nameB, double massB) {
        if (Math.abs(massA - massB) > MASS_TOLERANCE * Math.max(massA, massB)) {
            throw new IllegalArgumentException(nameA + " sums to " + massA + " but " + nameB + " sums to " + massB
                    + ": both measures must carry the same total mass (relative difference <= " + MASS_TOLERANCE
                    + "); normalise both, e.g. to 1");
        }
    }

    /** A row-major n x m cost matrix: right length, finite entries. */
    static void costMatrix(String name, double[] cost, int n, int m) {
        notNull(name, cost);
        if ((long) n * m != cost.length) {
            throw new IllegalArgumentException(name + " has length " + cost.length + " but n * m = " + n + " * " + m
                    + " = " + (long) n * m + ": give the cost row-major, n rows (sources) by m columns (targets)");
        }
        finite(name, cost);
    }

    /** n * m fits a Java array; returns it. */
    static int matrixSize(int n, int m) {
        long size = (long) n * m;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("n * m = " + n + " * " + m + " = " + size
                    + ": a dense n x m matrix must have fewer than 2^31 - 8 entries");
        }
        return (int) size;
    }

    /** A row-major point cloud of dimension d: non-empty, length a multiple of d, finite; returns the point count. */
    static int points(String name, double[] points, int d) {
        if (d < 1) {
            throw new IllegalArgumentException("d = " + d + ": the dimension must be >= 1");
        }
        nonEmpty(name, points);
        if (points.length % d != 0) {
            throw new IllegalArgumentException(name + " has length " + points.length
                    + " which is not a multiple of d = "
                    + d + ": give the points row-major, n rows of d coordinates");
        }
        finite(name, points);
        return points.length / d;
    }

    /** The exponent p of a Wasserstein distance: finite and >= 1. */
    static void exponent(double p) {
        if (!(p >= 1) || !Double.isFinite(p)) {
            throw new IllegalArgumentException("p = " + p + ": the exponent must be finite and >= 1");
        }
    }
}
