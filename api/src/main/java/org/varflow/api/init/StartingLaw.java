package org.varflow.api.init;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.varflow.api.ConfigurationException;
import org.varflow.api.RandomStream;
import org.varflow.api.linalg.Cholesky;

/**
 * The law a state starts from, on R^d:
 *
 * <ul>
 *   <li>{@link Point}: every draw is x0;</li>
 *   <li>{@link Gaussian}: N(m, S), S = L L^T given in full or by standard deviations per axis; x = m + L z;</li>
 *   <li>{@link Uniform}: uniform on the box [lower, upper] (or m +- sqrt(3) std: std is then the standard
 *       deviation);</li>
 *   <li>{@link Bimodal}: the equal mixture of N(m - offset, diag(std^2)) and N(m + offset, diag(std^2));</li>
 *   <li>{@link Samples}: the rows of a table; with as many rows as draws, draw k is row k, else rows are drawn
 *       uniformly with replacement.</li>
 * </ul>
 *
 * A single-point space draws each particle's start from it ({@code Space.initialState(particle, ...)}, from the
 * particle's block stream); ensembles draw their N particles; grids take its density at the cell centres. Draws use
 * {@link RandomStream#nextGaussian()} per axis (Gaussian, bimodal after one {@code nextDouble} for the mode) or
 * {@link RandomStream#nextDouble()} per axis (uniform), in axis order.
 */
public sealed interface StartingLaw {

    /** The dimension d of the points. */
    int dimension();

    /** The law in words, e.g. {@code N(mean [3.0], covariance [[0.25]])}. */
    String describe();

    /** The mean (the point itself for {@link Point}): a representative start. */
    double[] mean();

    /**
     * Writes draw {@code index} of {@code count} into {@code out} (length d).
     *
     * @param rng the stream to draw from (not used by {@link Point}, nor by {@link Samples} with count rows)
     */
    void draw(int index, int count, RandomStream rng, double[] out);

    /**
     * The density at x (length d), for discretising on a grid.
     *
     * @throws ConfigurationException for laws without a density (a point; samples, which grids bin instead)
     */
    default double density(double[] x) {
        throw new ConfigurationException("the starting law " + describe() + " has no density");
    }

    /**
     * The distribution function in one dimension, for quantile placement.
     *
     * @throws ConfigurationException for laws that do not have one here
     */
    default double cdf(double x) {
        throw new ConfigurationException("placement 'quantiles' needs a gaussian, uniform or bimodal law in one"
                + " dimension, not " + describe());
    }

    /**
     * The quantile F^-1(u), 0 &lt; u &lt; 1, in one dimension: Newton's method on F(x) = u from the mean, safeguarded
     * by the bracket mean +- {@code halfWidth} that bisection shrinks whenever a Newton step leaves it; to 1e-13
     * relative. The bracket must hold the quantile (e.g. 40 standard deviations plus the modes' offset).
     */
    default double quantile(double u, double halfWidth) {
        double[] m = mean();
        double lo = m[0] - halfWidth;
        double hi = m[0] + halfWidth;
        double x = m[0];
        double[] point = new double[1];
        for (int it = 0; it < 300; it++) {
            double f = cdf(x) - u;
            if (f < 0) {
                lo = x;
            } else {
                hi = x;
            }
            point[0] = x;
            double p = density(point);
            double next = p > 0 ? x - f / p : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - x) <= 1e-13 * Math.max(1, Math.abs(x)) || hi - lo <= 1e-13 * Math.max(1,
                    Math.abs(x))) {
                return next;
            }
            x = next;
        }
        return x;
    }

    /** A {@link RandomStream} over a seeded {@link SplittableRandom} (for starting clouds made by a space). */
    static RandomStream stream(SplittableRandom rng) {
        return new RandomStream() {
            @Override
            public double nextGaussian() {
                return rng.nextGaussian();
            }

            @Override
            public double nextDouble() {
                return rng.nextDouble();
            }
        };
    }

    /** The standard normal density. */
    static double normalDensity(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    /**
     * The standard normal distribution function, by Marsaglia's series Phi(z) = 1/2 + phi(z) (z + z^3/3 + z^5/15 +
     * ...) for |z| &lt; 8 (absolute error about 1e-15) and 0 or 1 beyond (|1 - Phi| &lt; 7e-16 there).
     */
    static double normalCdf(double z) {
        if (z < -8) {
            return 0;
        }
        if (z > 8) {
            return 1;
        }
        double sum = z;
        double term = z;
        double q = z * z;
        for (int i = 3; i < 1000; i += 2) {
            term *= q / i;
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return 0.5 + sum * normalDensity(z);
    }

    /** Every draw is the point x. */
    record Point(double[] x) implements StartingLaw {
        public Point {
            x = x.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public int dimension() {
            return x.length;
        }

        @Override
        public String describe() {
            return "the point " + Arrays.toString(x);
        }

        @Override
        public double[] mean() {
            return x.clone();
        }

        @Override
        public void draw(int index, int count, RandomStream rng, double[] out) {
            System.arraycopy(x, 0, out, 0, x.length);
        }
    }

    /**
     * N(mean, covariance). With {@code std} (diagonal covariance given per axis) a draw is mean_a + std_a z_a and the
     * density a product of one-dimensional ones; with a full covariance S = L L^T (Cholesky), mean + L z.
     *
     * @param mean   m
     * @param std    the standard deviations per axis, or null for a full covariance
     * @param factor L, row-major d x d lower triangular, or null with {@code std}
     */
    record Gaussian(double[] mean, double[] std, double[] factor) implements StartingLaw {
        public Gaussian {
            mean = mean.clone();
            std = std == null ? null : std.clone();
            factor = factor == null ? null : factor.clone();
            if ((std == null) == (factor == null)) {
                throw new IllegalArgumentException("give the standard deviations or the Cholesky factor");
            }
        }

        /** N(mean, diag(std^2)). */
        public static Gaussian diagonal(double[] mean, double[] std) {
            return new Gaussian(mean, std, null);
        }

        /**
         * N(mean, covariance), covariance row-major d x d, symmetric positive definite.
         *
         * @throws ConfigurationException naming {@code owner} when the covariance is not symmetric positive definite
         */
        public static Gaussian of(String owner, double[] mean, double[] covariance) {
            int d = mean.length;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    double a = covariance[i * d + j];
                    double b = covariance[j * d + i];
                    if (Math.abs(a - b) > 1e-12 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)))) {
                        throw new ConfigurationException(owner + ": parameter 'covariance' is not symmetric: entry ("
                                + (i + 1) + ", " + (j + 1) + ") = " + a + " but (" + (j + 1) + ", " + (i + 1)
                                + ") = " + b);
                    }
                }
            }
            double[] l = new double[d * d];
            int bad = Cholesky.factor(covariance, 0, d, l);
            if (bad >= 0) {
                throw new ConfigurationException(owner + ": parameter 'covariance' is not positive definite (the"
                        + " Cholesky pivot of row " + (bad + 1) + " is " + l[bad * d + bad] + "); a covariance is"
                        + " symmetric with positive eigenvalues");
            }
            return new Gaussian(mean, null, l);
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public int dimension() {
            return mean.length;
        }

        /** The covariance matrix, row-major d x d. */
        public double[] covariance() {
            int d = mean.length;
            double[] s = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    if (std != null) {
                        s[i * d + j] = i == j ? std[i] * std[i] : 0;
                    } else {
                        double v = 0;
                        for (int m = 0; m <= Math.min(i, j); m++) {
                            v += factor[i * d + m] * factor[j * d + m];
                        }
                        s[i * d + j] = v;
                    }
                }
            }
            return s;
        }

        @Override
        public String describe() {
            return "N(mean " + Arrays.toString(mean) + ", " + (std != null ? "std " + Arrays.toString(std)
                    : "covariance " + Arrays.toString(covariance())) + ")";
        }

        @Override
        public void draw(int index, int count, RandomStream rng, double[] out) {
            int d = mean.length;
            if (std != null) {
                for (int a = 0; a < d; a++) {
                    out[a] = mean[a] + std[a] * rng.nextGaussian();
                }
                return;
            }
            double[] z = new double[d];
            for (int a = 0; a < d; a++) {
                z[a] = rng.nextGaussian();
            }
            for (int i = 0; i < d; i++) {
                double s = mean[i];
                for (int j = 0; j <= i; j++) {
                    s += factor[i * d + j] * z[j];
                }
                out[i] = s;
            }
        }

        @Override
        public double density(double[] x) {
            int d = mean.length;
            if (std != null) {
                double p = 1;
                for (int a = 0; a < d; a++) {
                    p *= normalDensity((x[a] - mean[a]) / std[a]) / std[a];
                }
                return p;
            }
            double[] r = new double[d];
            for (int a = 0; a < d; a++) {
                r[a] = x[a] - mean[a];
            }
            Cholesky.solveLower(factor, d, r, 0, 1);
            double q = 0;
            for (double v : r) {
                q += v * v;
            }
            return Math.exp(-0.5 * q - 0.5 * Cholesky.logDet(factor, d) - 0.5 * d * Math.log(2 * Math.PI));
        }

        private double sd() {
            return std != null ? std[0] : factor[0];
        }

        @Override
        public double cdf(double x) {
            return normalCdf((x - mean[0]) / sd());
        }

    }

    /**
     * Uniform on the box centre +- half per axis.
     *
     * @param centre the box's centre
     * @param half   its half-widths, &gt; 0
     */
    record Uniform(double[] centre, double[] half) implements StartingLaw {
        public Uniform {
            centre = centre.clone();
            half = half.clone();
        }

        /** Uniform on [lower, upper] per axis. */
        public static Uniform box(double[] lower, double[] upper) {
            double[] c = new double[lower.length];
            double[] h = new double[lower.length];
            for (int a = 0; a < c.length; a++) {
                c[a] = 0.5 * (lower[a] + upper[a]);
                h[a] = 0.5 * (upper[a] - lower[a]);
            }
            return new Uniform(c, h);
        }

        /** Uniform on mean +- sqrt(3) std: standard deviation std per axis. */
        public static Uniform withStd(double[] mean, double[] std) {
            double[] h = new double[mean.length];
            for (int a = 0; a < h.length; a++) {
                h[a] = Math.sqrt(3) * std[a];
            }
            return new Uniform(mean, h);
        }

        @Override
        public double[] centre() {
            return centre.clone();
        }

        @Override
        public double[] half() {
            return half.clone();
        }

        @Override
        public int dimension() {
            return centre.length;
        }

        @Override
        public double[] mean() {
            return centre.clone();
        }

        @Override
        public String describe() {
            double[] lo = new double[centre.length];
            double[] hi = new double[centre.length];
            for (int a = 0; a < lo.length; a++) {
                lo[a] = centre[a] - half[a];
                hi[a] = centre[a] + half[a];
            }
            return "uniform on the box " + Arrays.toString(lo) + " .. " + Arrays.toString(hi);
        }

        @Override
        public void draw(int index, int count, RandomStream rng, double[] out) {
            for (int a = 0; a < centre.length; a++) {
                out[a] = centre[a] + half[a] * (2 * rng.nextDouble() - 1);
            }
        }

        @Override
        public double density(double[] x) {
            double p = 1;
            for (int a = 0; a < centre.length; a++) {
                if (Math.abs(x[a] - centre[a]) > half[a]) {
                    return 0;
                }
                p /= 2 * half[a];
            }
            return p;
        }

        @Override
        public double cdf(double x) {
            return Math.min(1, Math.max(0, (x - centre[0] + half[0]) / (2 * half[0])));
        }

        @Override
        public double quantile(double u, double halfWidth) {
            return centre[0] - half[0] + 2 * half[0] * u;
        }
    }

    /** The equal mixture of N(mean - offset, diag(std^2)) and N(mean + offset, diag(std^2)). */
    record Bimodal(double[] mean, double[] std, double[] offset) implements StartingLaw {
        public Bimodal {
            mean = mean.clone();
            std = std.clone();
            offset = offset.clone();
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public int dimension() {
            return mean.length;
        }

        @Override
        public String describe() {
            return "the mixture of N(mean -+ offset, std^2), mean " + Arrays.toString(mean) + ", offset "
                    + Arrays.toString(offset) + ", std " + Arrays.toString(std);
        }

        @Override
        public void draw(int index, int count, RandomStream rng, double[] out) {
            double sign = rng.nextDouble() < 0.5 ? -1 : 1;
            for (int a = 0; a < mean.length; a++) {
                out[a] = mean[a] + sign * offset[a] + std[a] * rng.nextGaussian();
            }
        }

        @Override
        public double density(double[] x) {
            double lo = 1;
            double hi = 1;
            for (int a = 0; a < mean.length; a++) {
                lo *= normalDensity((x[a] - mean[a] + offset[a]) / std[a]) / std[a];
                hi *= normalDensity((x[a] - mean[a] - offset[a]) / std[a]) / std[a];
            }
            return 0.5 * (lo + hi);
        }

        @Override
        public double cdf(double x) {
            return 0.5 * (normalCdf((x - mean[0] + offset[0]) / std[0]) + normalCdf((x - mean[0] - offset[0])
                    / std[0]));
        }

    }

    /**
     * The rows of a table, n points of dimension d, row-major.
     *
     * @param points the points
     * @param d      their dimension
     * @param source where they came from (a file name), for messages
     */
    record Samples(double[] points, int d, String source) implements StartingLaw {
        public Samples {
            points = points.clone();
            if (d < 1 || points.length == 0 || points.length % d != 0) {
                throw new IllegalArgumentException(points.length + " numbers are not rows of " + d);
            }
        }

        @Override
        public double[] points() {
            return points.clone();
        }

        /** The number of rows. */
        public int size() {
            return points.length / d;
        }

        @Override
        public int dimension() {
            return d;
        }

        @Override
        public double[] mean() {
            double[] m = new double[d];
            int n = size();
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < d; a++) {
                    m[a] += points[i * d + a] / n;
                }
            }
            return m;
        }

        @Override
        public String describe() {
            return "the " + size() + " samples of " + source;
        }

        @Override
        public void draw(int index, int count, RandomStream rng, double[] out) {
            int n = size();
            int row = count == n ? index : Math.min(n - 1, (int) (rng.nextDouble() * n));
            System.arraycopy(points, row * d, out, 0, d);
        }
    }
}
