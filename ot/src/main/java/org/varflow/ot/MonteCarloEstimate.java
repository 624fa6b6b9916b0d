package org.varflow.ot;

/**
 * A Monte Carlo estimate of a squared distance (sliced W2, random-feature MMD): the mean of independent unbiased
 * samples with its standard error s / sqrt(samples), s their sample standard deviation.
 *
 * @param squared              the estimate of the squared distance
 * @param squaredStandardError its standard error (0 when the estimate is exact)
 * @param samples              the number of independent samples (directions, features)
 */
public record MonteCarloEstimate(double squared, double squaredStandardError, int samples) {
    /** The estimate of the distance, sqrt(max(0, squared)). */
    public double distance() {
        return Math.sqrt(Math.max(0, squared));
    }

    /**
     * The standard error of {@link #distance()} by the delta method, se / (2 sqrt v), while v is clearly above its
     * error; near 0, where the square root is not smooth, sqrt(se) (a bound).
     */
    public double distanceStandardError() {
        double v = Math.max(0, squared);
        return v > 4 * squaredStandardError ? squaredStandardError / (2 * Math.sqrt(v))
                : Math.sqrt(squaredStandardError);
    }

    /** Mean and standard error of the mean of {@code values}, summed in index order. */
    static MonteCarloEstimate of(double[] values) {
        int l = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= l;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new MonteCarloEstimate(mean, Math.sqrt(ss / (l - 1) / l), l);
    }
}
