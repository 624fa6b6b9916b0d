package org.varflow.noise.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.varflow.api.Metric;
import org.varflow.api.Noise;
import org.varflow.api.NumericalException;
import org.varflow.api.Parameters;
import org.varflow.api.RandomStream;
import org.varflow.testkit.Allocations;
import org.varflow.noise.JavaRandomStream;
import org.varflow.noise.TestSpace;

/**
 * The thermal increment has mean 0 and covariance 2 h T K, the drift correction is T div K, and the scratch layout
 * keeps what {@code out} had accumulated.
 *
 * <p>Statistical tolerances: for n independent increments of a component with variance s2 = 2 h T K_ii, the sample
 * mean has standard error sqrt(s2 / n) and the sample variance (normal data) sqrt(2 / (n - 1)) s2; a sample
 * covariance of components i, j has standard error sqrt((K_ii K_jj + K_ij^2) / n) (2 h T)^2-scaled, i.e.
 * sqrt((S_ii S_jj + S_ij^2) / n) with S = 2 h T K. Every check allows 5 standard errors: under the (here very
 * accurate, n = 200000) normal approximation a correct implementation fails one check with probability about
 * 6e-7, while a noise scale off by a factor sqrt(2) (the classic bug) misses the variance by about 300 standard
 * errors. The seeds are fixed, so the test is deterministic.
 */
class ThermalNoiseTest {
    private static final int N = 200_000;
    private static final double SIGMAS = 5;

    private final Noise thermal = new ThermalNoiseFactory().create(Parameters.empty(), new TestSpace(3));

    @Test
    void isThermalNoise() {
        assertThat(thermal).isInstanceOf(org.varflow.api.ThermalNoise.class);
    }

    @Test
    void euclideanIncrementsHaveMeanZeroAndVarianceTwoHT() {
        int d = 3;
        double h = 0.01;
        double temperature = 0.5;
        double[][] increments = sample(IDENTITY, d, h, temperature, new JavaRandomStream(1),
                new double[] {7, -3, 0.25});
        double s2 = 2 * h * temperature;
        for (int i = 0; i < d; i++) {
            double mean = mean(increments, i);
            assertThat(mean).as("mean of component %d", i + 1).isCloseTo(0.0, within(SIGMAS * Math.sqrt(s2 / N)));
            assertThat(covariance(increments, i, i)).as("variance of component %d", i + 1)
                    .isCloseTo(s2, within(SIGMAS * Math.sqrt(2.0 / (N - 1)) * s2));
            for (int j = 0; j < i; j++) {
                assertThat(covariance(increments, i, j)).as("covariance of components %d, %d", i + 1, j + 1)
                        .isCloseTo(0.0, within(SIGMAS * s2 / Math.sqrt(N)));
            }
        }
    }

    @Test
    void incrementsOfAConstantNonDiagonalMetricHaveCovarianceTwoHTK() {
        // S = [[2, 0], [1, 1]], K = S S^T = [[4, 2], [2, 2]]
        Metric lower = new FixedMetric(new double[] {2, 0, 1, 1});
        double h = 0.05;
        double temperature = 2.0;
        double[][] increments = sample(lower, 2, h, temperature, new JavaRandomStream(2), new double[2]);
        double[] k = {4, 2, 2, 2};
        for (int i = 0; i < 2; i++) {
            double si = 2 * h * temperature * k[i * 2 + i];
            assertThat(mean(increments, i)).isCloseTo(0.0, within(SIGMAS * Math.sqrt(si / N)));
            for (int j = 0; j <= i; j++) {
                double sij = 2 * h * temperature * k[i * 2 + j];
                double sjj = 2 * h * temperature * k[j * 2 + j];
                double se = Math.sqrt((si * sjj + sij * sij) / N);
                assertThat(covariance(increments, i, j)).as("covariance %d, %d", i + 1, j + 1)
                        .isCloseTo(sij, within(SIGMAS * se));
            }
        }
    }

    @Test
    void incrementIsAddedToWhatOutAlreadyHolds() {
        // xi = (1, 2, 3) exactly; out = before + sqrt(2 h T) S xi, for metrics that take d from xi or from x
        double h = 0.02;
        double temperature = 3.0;
        double scale = Math.sqrt(2 * h * temperature);
        for (Metric metric : new Metric[] {IDENTITY, new FixedMetric(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1})}) {
            double[] out = {10, 20, 30};
            double[] work = new double[6];
            thermal.addIncrement(new double[] {-1, 0, 1}, h, temperature, metric, new CountingStream(), work, out);
            assertThat(out[0]).isCloseTo(10 + scale * 1, within(1e-14));
            assertThat(out[1]).isCloseTo(20 + scale * 2, within(1e-14));
            assertThat(out[2]).isCloseTo(30 + scale * 3, within(1e-14));
        }
    }

    @Test
    void worksWithTheCholeskyDefaultOfTheMetricSpi() {
        // only raise given: the SPI's default sqrtRaise takes the Cholesky factor of K = [[4, 2], [2, 2]], which is
        // L = [[2, 0], [1, 1]], so xi = (1, 2) gives S xi = (2, 3)
        Metric onlyRaise = (x, v, out) -> {
            out[0] = 4 * v[0] + 2 * v[1];
            out[1] = 2 * v[0] + 2 * v[1];
        };
        double[] out = {1, 1};
        thermal.addIncrement(new double[] {0, 0}, 0.5, 1.0, onlyRaise, new CountingStream(), new double[4], out);
        assertThat(out[0]).isCloseTo(1 + 2, within(1e-14));
        assertThat(out[1]).isCloseTo(1 + 3, within(1e-14));
    }

    @Test
    void zeroTemperatureAddsNothingAndDrawsNothing() {
        double[] out = {1, 2, 3};
        RandomStream refusing = new CountingStream() {
            @Override
            public double nextGaussian() {
                throw new AssertionError("no draws at T = 0");
            }
        };
        thermal.addIncrement(new double[3], 0.1, 0.0, IDENTITY, refusing, new double[6], out);
        assertThat(out).containsExactly(1, 2, 3);
    }

    @Test
    void negativeTemperatureOrAliasedOutputIsRefused() {
        assertThatThrownBy(() -> thermal.addIncrement(new double[2], 0.1, -1.0, IDENTITY, new CountingStream(),
                new double[4], new double[2]))
                .isInstanceOf(NumericalException.class).hasMessageContaining("noise 'thermal'")
                .hasMessageContaining("T = -1.0");
        double[] x = new double[2];
        assertThatThrownBy(() -> thermal.addIncrement(x, 0.1, 1.0, IDENTITY, new CountingStream(), new double[4], x))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alias");
    }

    @Test
    void driftCorrectionIsTemperatureTimesDivergenceForAPositionDependentMetric() {
        // K(x) = diag(1 + x_i^2): (div K)_i = d K_ii / d x_i = 2 x_i
        Metric varying = new Metric() {
            @Override
            public void raise(double[] x, double[] v, double[] out) {
                for (int i = 0; i < x.length; i++) {
                    out[i] = (1 + x[i] * x[i]) * v[i];
                }
            }

            @Override
            public void divergence(double[] x, double[] out) {
                for (int i = 0; i < x.length; i++) {
                    out[i] = 2 * x[i];
                }
            }
        };
        double[] out = {1, 1, 1};
        thermal.addDriftCorrection(new double[] {0.5, -1, 2}, 0.25, varying, new double[6], out);
        assertThat(out).containsExactly(1.25, 0.5, 2.0);
    }

    @Test
    void constantMetricsNeedNoDriftCorrection() {
        Metric constant = new FixedMetric(new double[] {1}) {
            @Override
            public void divergence(double[] x, double[] out) {
                throw new AssertionError("div K of a constant metric is not needed");
            }
        };
        double[] out = {3};
        thermal.addDriftCorrection(new double[] {1}, 1.0, constant, new double[2], out);
        assertThat(out).containsExactly(3);
    }

    @Test
    void eulerMaruyamaOnOrnsteinUhlenbeckHasTheKnownStationaryVarianceBias() {
        // E = x^2 / 2, K = 1: x_{k+1} = (1 - h) x_k + sqrt(2 h T) xi_k, an AR(1) chain with stationary variance
        // 2 h T / (1 - (1 - h)^2) = T / (1 - h/2). With h = 0.5 that is 4T/3, far (35 standard errors) from the exact
        // T, so the check sees both the scale of the noise and the scheme's bias. After 60 steps the memory of
        // x0 = 0 is (1 - h)^120 ~ 1e-36 of the variance; the n particles are independent, so the sample variance has
        // standard error sqrt(2 / (n - 1)) times the variance.
        int particles = 40_000;
        double h = 0.5;
        double temperature = 0.8;
        RandomStream rng = new JavaRandomStream(3);
        double[] x = new double[1];
        double[] step = new double[1];
        double[] work = new double[2];
        double sum = 0;
        double sumSquares = 0;
        for (int p = 0; p < particles; p++) {
            x[0] = 0;
            for (int k = 0; k < 60; k++) {
                step[0] = -h * x[0];
                thermal.addIncrement(x, h, temperature, IDENTITY, rng, work, step);
                x[0] += step[0];
            }
            sum += x[0];
            sumSquares += x[0] * x[0];
        }
        double mean = sum / particles;
        double variance = (sumSquares - particles * mean * mean) / (particles - 1);
        double expected = temperature / (1 - h / 2);
        assertThat(mean).isCloseTo(0.0, within(SIGMAS * Math.sqrt(expected / particles)));
        assertThat(variance).isCloseTo(expected, within(SIGMAS * Math.sqrt(2.0 / (particles - 1)) * expected));
    }

    @Test
    void addIncrementAllocatesNothing() {
        RandomStream rng = new JavaRandomStream(4);
        double[] x = {0.1, 0.2, 0.3};
        double[] work = new double[6];
        double[] out = new double[3];
        Metric lower = new FixedMetric(new double[] {1, 0, 0, 1, 1, 0, 0, 1, 1});
        int calls = 20_000;
        long bytes = Allocations.bytesAllocatedBy(() -> {
            for (int k = 0; k < calls; k++) {
                out[0] = 0;
                thermal.addIncrement(x, 0.01, 1.0, IDENTITY, rng, work, out);
                thermal.addIncrement(x, 0.01, 1.0, lower, rng, work, out);
                thermal.addDriftCorrection(x, 1.0, lower, work, out);
            }
        });
        assertThat(bytes).as("bytes allocated by %d calls", 3 * calls).isLessThan(16_384L);
    }

    /** n increments of a d-dimensional state, each added to a non-zero out that is subtracted again. */
    private double[][] sample(Metric metric, int d, double h, double temperature, RandomStream rng, double[] x) {
        double[][] increments = new double[N][d];
        double[] work = new double[2 * d];
        double[] out = new double[d];
        for (int n = 0; n < N; n++) {
            for (int i = 0; i < d; i++) {
                out[i] = 100.0 * (i + 1);
            }
            thermal.addIncrement(x, h, temperature, metric, rng, work, out);
            for (int i = 0; i < d; i++) {
                increments[n][i] = out[i] - 100.0 * (i + 1);
            }
        }
        return increments;
    }

    private static double mean(double[][] v, int i) {
        double s = 0;
        for (double[] row : v) {
            s += row[i];
        }
        return s / v.length;
    }

    private static double covariance(double[][] v, int i, int j) {
        double mi = mean(v, i);
        double mj = mean(v, j);
        double s = 0;
        for (double[] row : v) {
            s += (row[i] - mi) * (row[j] - mj);
        }
        return s / (v.length - 1);
    }

    /** K = I, taking d from xi like core's Euclidean metric. */
    private static final Metric IDENTITY = new org.varflow.api.ConstantMetric() {
        @Override
        public void raise(double[] x, double[] v, double[] out) {
            System.arraycopy(v, 0, out, 0, v.length);
        }

        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            System.arraycopy(xi, 0, out, 0, xi.length);
        }
    };

    /** K = S S^T for a fixed square S (row-major), taking d from x. */
    private static class FixedMetric implements org.varflow.api.ConstantMetric {
        private final double[] s;

        FixedMetric(double[] s) {
            this.s = s;
        }

        @Override
        public void raise(double[] x, double[] v, double[] out) {
            int d = x.length;
            for (int i = 0; i < d; i++) { // out = S S^T v
                double r = 0;
                for (int j = 0; j < d; j++) {
                    double stv = 0;
                    for (int k = 0; k < d; k++) {
                        stv += s[k * d + j] * v[k];
                    }
                    r += s[i * d + j] * stv;
                }
                out[i] = r;
            }
        }

        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            int d = x.length;
            for (int i = 0; i < d; i++) {
                double r = 0;
                for (int j = 0; j < d; j++) {
                    r += s[i * d + j] * xi[j];
                }
                out[i] = r;
            }
        }
    }

    /** Gaussians 1, 2, 3, ... */
    private static class CountingStream implements RandomStream {
        private double next;

        @Override
        public double nextGaussian() {
            next += 1;
            return next;
        }

        @Override
        public double nextDouble() {
            return 0.5;
        }
    }
}
