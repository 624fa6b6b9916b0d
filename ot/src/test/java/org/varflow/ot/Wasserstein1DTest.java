package org.varflow.ot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Wasserstein1DTest {

    @Test
    void equalSizesMatchBruteForceOverAllPermutations() {
        Random rng = new Random(1);
        for (double p : new double[] {1, 1.5, 2, 3}) {
            for (int n = 1; n <= 7; n++) {
                double[] x = ExactOTTest.gaussians(rng, n, 0, 1);
                double[] y = ExactOTTest.gaussians(rng, n, 0.3, 0.7);
                double brute = BruteForce.minAssignment(Costs.euclideanPower(x, y, 1, p), n) / n;
                assertThat(Wasserstein1D.cost(x, y, p)).as("p = %s, n = %d", p, n).isCloseTo(brute, within(1e-12));
                assertThat(Wasserstein1D.distance(x, y, p)).isCloseTo(Math.pow(brute, 1 / p), within(1e-12));
            }
        }
    }

    @Test
    void differentSizesMatchBruteForceOnReplicatedPoints() {
        // uniform on n points vs uniform on m points = assignment between n*m copies (each x m times, each y n times)
        Random rng = new Random(2);
        int[][] sizes = {{2, 3}, {3, 2}, {2, 4}, {4, 2}, {1, 5}, {5, 1}};
        for (int[] size : sizes) {
            int n = size[0];
            int m = size[1];
            double[] x = ExactOTTest.gaussians(rng, n, 0, 1);
            double[] y = ExactOTTest.gaussians(rng, m, 1, 2);
            double[] xs = new double[n * m];
            double[] ys = new double[n * m];
            for (int k = 0; k < n * m; k++) {
                xs[k] = x[k / m];
                ys[k] = y[k / n];
            }
            for (double p : new double[] {1, 2}) {
                double brute = BruteForce.minAssignment(Costs.euclideanPower(xs, ys, 1, p), n * m) / (n * m);
                assertThat(Wasserstein1D.cost(x, y, p)).as("n = %d, m = %d, p = %s", n, m, p)
                        .isCloseTo(brute, within(1e-12));
            }
        }
    }

    @Test
    void weightedMatchesDirectIntegrationOfTheQuantileFunctions() {
        Random rng = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rng.nextInt(12);
            int m = 1 + rng.nextInt(12);
            double[] x = ExactOTTest.gaussians(rng, n, 0, 1);
            double[] y = ExactOTTest.gaussians(rng, m, 0.5, 1.5);
            double[] a = ExactOTTest.randomWeights(rng, n);
            double[] b = ExactOTTest.randomWeights(rng, m);
            for (double p : new double[] {1, 2}) {
                double reference = BruteForce.quantileIntegral(x, a, y, b, p);
                assertThat(Wasserstein1D.cost(x, a, y, b, p)).isCloseTo(reference, within(1e-12));
            }
        }
    }

    @Test
    void shiftedSamplesAreAtDistanceOfTheShift() {
        Random rng = new Random(4);
        double[] x = ExactOTTest.uniforms(rng, 500);
        double[] y = new double[500];
        for (int i = 0; i < 500; i++) {
            y[(i * 7) % 500] = x[i] + 0.3; // shuffled: the order of the input does not matter
        }
        assertThat(Wasserstein1D.w1(x, y)).isCloseTo(0.3, within(1e-12));
        assertThat(Wasserstein1D.w2(x, y)).isCloseTo(0.3, within(1e-12));
        assertThat(Wasserstein1D.distance(x, y, 3)).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void uniformGridAgainstItsDilationHasAClosedForm() {
        // x_k = (k + 1/2) / n, uniform on [0, 1]; y = 2 x uniform on [0, 2]. Sorted matching: y_k - x_k = x_k, so
        // W1 = mean x_k = 1/2 and W2^2 = mean x_k^2 = 1/3 - 1/(12 n^2) (continuum: U(0,1) vs U(0,2): 1/2 and 1/3).
        int n = 200;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = (k + 0.5) / n;
            y[k] = 2 * x[k];
        }
        assertThat(Wasserstein1D.w1(x, y)).isCloseTo(0.5, within(1e-14));
        assertThat(Wasserstein1D.cost(x, y, 2)).isCloseTo(1.0 / 3 - 1.0 / (12.0 * n * n), within(1e-14));
    }

    @Test
    void weightedWithUniformWeightsEqualsUnweighted() {
        Random rng = new Random(5);
        double[] x = ExactOTTest.gaussians(rng, 30, 0, 1);
        double[] y = ExactOTTest.gaussians(rng, 45, 1, 1);
        double[] a = new double[30];
        double[] b = new double[45];
        java.util.Arrays.fill(a, 3.0); // mass 90 on both sides: distance normalises, cost does not
        java.util.Arrays.fill(b, 2.0);
        assertThat(Wasserstein1D.distance(x, a, y, b, 2)).isCloseTo(Wasserstein1D.w2(x, y), within(1e-12));
        assertThat(Wasserstein1D.cost(x, a, y, b, 1)).isCloseTo(90 * Wasserstein1D.cost(x, y, 1), within(1e-10));
    }

    @Test
    void invalidInputIsRefusedWithAMessageNamingTheArgument() {
        double[] x = {0, 1};
        double[] y = {0.5, 2};
        assertThatThrownBy(() -> Wasserstein1D.distance(x, y, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p = 0.5").hasMessageContaining(">= 1");
        assertThatThrownBy(() -> Wasserstein1D.w1(new double[] {0, Double.POSITIVE_INFINITY}, y))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x[1] = Infinity");
        assertThatThrownBy(() -> Wasserstein1D.w1(new double[0], y)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x is empty");
        assertThatThrownBy(() -> Wasserstein1D.cost(x, new double[] {0.5, 0.5}, y, new double[] {0.7, 0.7}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wx sums to 1.0")
                .hasMessageContaining("wy sums to 1.4");
        assertThatThrownBy(() -> Wasserstein1D.cost(x, new double[] {1.5, -0.5}, y, new double[] {0.5, 0.5}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wx[1] = -0.5");
        assertThatThrownBy(() -> Wasserstein1D.cost(x, new double[] {1}, y, new double[] {0.5, 0.5}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wx has length 1")
                .hasMessageContaining("x.length is 2");
    }
}
