package org.varflow.ot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MmdTest {

    /** Population MMD^2 between N(m1, s1^2) and N(m2, s2^2) in 1-D with bandwidth sigma (Gaussian integrals). */
    static double gaussianMmd2(double m1, double s1, double m2, double s2, double sigma) {
        double g2 = sigma * sigma;
        double xx = sigma / Math.sqrt(g2 + 2 * s1 * s1);
        double yy = sigma / Math.sqrt(g2 + 2 * s2 * s2);
        double v = g2 + s1 * s1 + s2 * s2;
        double xy = sigma / Math.sqrt(v) * Math.exp(-(m1 - m2) * (m1 - m2) / (2 * v));
        return xx + yy - 2 * xy;
    }

    @Test
    void equalsTheDefinitionByBruteForceOnWeightedClouds() {
        double[] x = {0, 0, 1, 0, 0, 2};
        double[] a = {1, 2, 1};
        double[] y = {1, 1, -1, 0.5};
        double[] b = {3, 1};
        double sigma = 0.8;
        double[][] px = {{0, 0}, {1, 0}, {0, 2}};
        double[][] py = {{1, 1}, {-1, 0.5}};
        double[] wa = {0.25, 0.5, 0.25};
        double[] wb = {0.75, 0.25};
        double s = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                s += wa[i] * wa[j] * k(px[i], px[j], sigma);
            }
        }
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                s += wb[i] * wb[j] * k(py[i], py[j], sigma);
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                s -= 2 * wa[i] * wb[j] * k(px[i], py[j], sigma);
            }
        }
        assertThat(Mmd.squared(x, a, y, b, 2, sigma)).isCloseTo(s, within(1e-15));
        assertThat(Mmd.distance(x, a, x, a, 2, sigma)).isZero();
    }

    private static double k(double[] p, double[] q, double sigma) {
        double d = (p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]);
        return Math.exp(-d / (2 * sigma * sigma));
    }

    /**
     * The unbiased statistic's mean over R = 40 independent pairs of samples of 400 points is within 4 of its own
     * standard errors (estimated from the 40 replications) of the population value N(0, 1) vs N(0.5, 1.2^2).
     */
    @Test
    void theUnbiasedStatisticAveragesToThePopulationValue() {
        double exact = gaussianMmd2(0, 1, 0.5, 1.2, 1.0);
        SplittableRandom rng = new SplittableRandom(7);
        int reps = 40;
        int n = 400;
        double sum = 0;
        double sum2 = 0;
        for (int r = 0; r < reps; r++) {
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextGaussian();
                y[i] = 0.5 + 1.2 * rng.nextGaussian();
            }
            double u = Mmd.unbiasedSquared(x, y, 1, 1.0);
            sum += u;
            sum2 += u * u;
        }
        double mean = sum / reps;
        double se = Math.sqrt((sum2 / reps - mean * mean) / (reps - 1));
        assertThat(mean).isCloseTo(exact, within(4 * se));
        assertThat(exact).isGreaterThan(10 * se); // the test can tell the two laws apart
    }

    @Test
    void medianBandwidthAndBadInput() {
        double[] x = {0, 1, 2, 3};
        assertThat(Mmd.medianBandwidth(x, x, 1)).isEqualTo(1.0); // pooled pairwise distances 0,1,1,2,...: median 1
        assertThatThrownBy(() -> Mmd.squared(x, null, x, null, 1, 0)).hasMessageContaining("bandwidth");
        assertThatThrownBy(() -> Mmd.squared(x, new double[] {1, -1, 1, 1}, x, null, 1, 1))
                .hasMessageContaining("weights must be finite and >= 0");
    }
}
