package org.varflow.cli.distance;

import org.varflow.api.ConfigurationException;

/**
 * A power of two that brings two samples to unit scale, so that squared distances neither overflow (points near
 * 1e160 square to infinity) nor underflow (points near 1e-170 square to zero). Multiplying by a power of two is exact,
 * so the scaled samples hold the same numbers; a distance computed on them is scaled back by the same power. Samples
 * whose largest coordinate is between 1e-100 and 1e100 are left as they are (scale 1), so ordinary data give
 * bit-for-bit the results of the unscaled computation.
 *
 * @param exponent the samples were multiplied by 2^-exponent
 */
public record Scaling(int exponent) {
    private static final double LARGE = 1e100;
    private static final double SMALL = 1e-100;

    /** The scaling for two samples: 1 unless their largest coordinate is outside [1e-100, 1e100]. */
    public static Scaling of(double[] a, double[] b) {
        double max = 0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        for (double v : b) {
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0 || (max >= SMALL && max <= LARGE)) {
            return new Scaling(0);
        }
        return new Scaling(Math.getExponent(max));
    }

    /** Whether the samples are used as they are. */
    public boolean isIdentity() {
        return exponent == 0;
    }

    /** The points times 2^-exponent (exact, but for values that would fall below the smallest double). */
    public double[] apply(double[] points) {
        if (isIdentity()) {
            return points;
        }
        double[] out = new double[points.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.scalb(points[i], -exponent);
        }
        return out;
    }

    /** A length in the scaled units (a bandwidth, a distance) back in the data's units. */
    public double length(double scaled) {
        return Math.scalb(scaled, exponent);
    }

    /** A squared length (a transport cost, an epsilon) back in the data's units. */
    public double area(double scaled) {
        return Math.scalb(scaled, 2 * exponent);
    }

    /** A length given in the data's units (a bandwidth), in the scaled units. */
    public double toScaledLength(double length) {
        return Math.scalb(length, -exponent);
    }

    /** A squared length given in the data's units (an epsilon), in the scaled units. */
    public double toScaledArea(double area) {
        return Math.scalb(area, -2 * exponent);
    }

    /** Refuses a result that does not fit a double in the data's units, saying it is the data's size. */
    public static double finite(String what, double value, String files) {
        if (!Double.isFinite(value)) {
            throw new ConfigurationException("the " + what + " between " + files + " is " + value + " in the data's"
                    + " units, beyond the range of a double (about 1.8e308): the samples are too far apart; rescale"
                    + " them (e.g. divide every coordinate by 1e100)");
        }
        return value;
    }
}
