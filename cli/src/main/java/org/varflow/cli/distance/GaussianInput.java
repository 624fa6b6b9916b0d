package org.varflow.cli.distance;

import java.nio.file.Path;
import java.util.Arrays;
import org.varflow.api.ConfigurationException;
import org.varflow.api.io.CsvTable;

/**
 * A Gaussian N(mean, covariance) for {@code varflow distance gaussian}, either given by its parameters in a CSV file
 * (first row the mean m, then the d rows of the covariance S: d + 1 rows of d numbers) or taken from a sample's
 * moments: the weighted mean and the covariance of the empirical measure, sum_i w_i (x_i - m)(x_i - m)^T with
 * weights summing to one (divisor n for equal weights, not n - 1).
 *
 * @param mean       m
 * @param covariance S, row-major d x d
 * @param source     how it was obtained, in words, for the report
 */
public record GaussianInput(double[] mean, double[] covariance, String source) {
    public GaussianInput {
        mean = mean.clone();
        covariance = covariance.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] covariance() {
        return covariance.clone();
    }

    /** The Gaussian whose parameters a file holds. */
    public static GaussianInput parameters(Path file) {
        CsvTable t = CsvTable.read(file);
        int d = t.columns();
        if (t.rows() != d + 1) {
            throw new ConfigurationException(file + " holds " + t.rows() + " rows of " + d + " numbers; a Gaussian's"
                    + " parameters are d + 1 = " + (d + 1) + " rows: the mean, then the " + d + " rows of the"
                    + " covariance");
        }
        double[] v = t.values();
        double[] mean = Arrays.copyOfRange(v, 0, d);
        double[] cov = Arrays.copyOfRange(v, d, d + d * d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double a = cov[i * d + j];
                double b = cov[j * d + i];
                if (Math.abs(a - b) > 1e-10 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)))) {
                    throw new ConfigurationException(file + ": the covariance (rows 2.." + (d + 1) + ") is not"
                            + " symmetric: entry (" + (i + 1) + ", " + (j + 1) + ") = " + a + " but (" + (j + 1)
                            + ", " + (i + 1) + ") = " + b);
                }
            }
            if (!(cov[i * d + i] >= 0)) {
                throw new ConfigurationException(file + ": the covariance has the negative variance " + cov[i * d + i]
                        + " on its diagonal (row " + (i + 2) + ")");
            }
        }
        return new GaussianInput(mean, cov, "N(mean, covariance) given in " + file);
    }

    /** The Gaussian with the (weighted) moments of a sample, row-major n x d, weights summing to one. */
    public static GaussianInput moments(double[] x, double[] w, int n, int d, Path file) {
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                mean[a] += w[i] * x[i * d + a];
            }
        }
        double[] cov = new double[d * d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double u = x[i * d + a] - mean[a];
                for (int b = 0; b <= a; b++) {
                    cov[a * d + b] += w[i] * u * (x[i * d + b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                cov[b * d + a] = cov[a * d + b];
            }
        }
        return new GaussianInput(mean, cov, "the moments of the " + n + " points of " + file + " (mean and covariance"
                + " of the empirical measure, divisor n)");
    }
}
