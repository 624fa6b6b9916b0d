package org.varflow.ot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.varflow.ot.OtAssertions.assertOptimal;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactOTTest {

    @Test
    void uniformAssignmentMatchesBruteForceOverAllPermutations() {
        Random rng = new Random(11);
        for (int n = 1; n <= 7; n++) {
            for (int trial = 0; trial < 6; trial++) {
                double[] cost = new double[n * n];
                for (int k = 0; k < cost.length; k++) {
                    // trials 0-2: continuous costs; 3-5: costs in {0, 1, 2} - many ties, degenerate pivots
                    cost[k] = trial < 3 ? rng.nextDouble() : rng.nextInt(3);
                }
                double brute = BruteForce.minAssignment(cost, n) / n;
                ExactOTResult r = ExactOT.solveUniform(n, n, cost);
                assertThat(r.cost()).as("n = %d, trial %d", n, trial).isCloseTo(brute, within(1e-12));
                assertOptimal(ExactOT.uniform(n), ExactOT.uniform(n), cost, r, 1e-12);
            }
        }
    }

    @Test
    void inOneDimensionEqualsTheSortedMatching() {
        Random rng = new Random(12);
        for (double p : new double[] {1, 2}) {
            // equal sizes, uniform weights: the sorted matching
            double[] x = gaussians(rng, 40, 0, 1);
            double[] y = gaussians(rng, 40, 0.5, 2);
            double[] cost = Costs.euclideanPower(x, y, 1, p);
            ExactOTResult r = ExactOT.solveUniform(40, 40, cost);
            assertThat(r.cost()).isCloseTo(Wasserstein1D.cost(x, y, p), within(1e-12));
            // different sizes
            double[] z = gaussians(rng, 57, -1, 0.5);
            r = ExactOT.solveUniform(40, 57, Costs.euclideanPower(x, z, 1, p));
            assertThat(r.cost()).isCloseTo(Wasserstein1D.cost(x, z, p), within(1e-12));
            // random weights
            double[] a = randomWeights(rng, 40);
            double[] b = randomWeights(rng, 57);
            r = ExactOT.solve(a, b, Costs.euclideanPower(x, z, 1, p));
            assertThat(r.cost()).isCloseTo(Wasserstein1D.cost(x, a, z, b, p), within(1e-12));
            assertOptimal(a, b, Costs.euclideanPower(x, z, 1, p), r, 1e-12);
        }
    }

    @Test
    void randomWeightsSatisfyLpDualityAndComplementarySlackness() {
        Random rng = new Random(13);
        for (int trial = 0; trial < 5; trial++) {
            int n = 20 + rng.nextInt(60);
            int m = 20 + rng.nextInt(60);
            double[] a = randomWeights(rng, n);
            double[] b = randomWeights(rng, m);
            double[] cost;
            if (trial % 2 == 0) {
                cost = Costs.squaredEuclidean(uniforms(rng, n * 3), uniforms(rng, m * 3), 3);
            } else {
                cost = new double[n * m];
                for (int k = 0; k < cost.length; k++) {
                    cost[k] = 10 * rng.nextDouble() - 3; // negative costs are fine too
                }
            }
            ExactOTResult r = ExactOT.solve(a, b, cost);
            assertOptimal(a, b, cost, r, 1e-12);
            // centred potentials: <a, f> = <b, g>
            double af = 0;
            for (int i = 0; i < n; i++) {
                af += a[i] * r.f(i);
            }
            assertThat(af).isCloseTo(r.cost() / 2, within(1e-9));
        }
    }

    @Test
    void unnormalisedMassesAndZeroWeightsAreHandled() {
        Random rng = new Random(14);
        int n = 30;
        int m = 25;
        double[] a = randomWeights(rng, n);
        double[] b = randomWeights(rng, m);
        for (int i = 0; i < n; i += 4) {
            a[i] = 0;
        }
        for (int j = 1; j < m; j += 5) {
            b[j] = 0;
        }
        normalise(a, 7);
        normalise(b, 7);
        double[] cost = Costs.squaredEuclidean(uniforms(rng, 2 * n), uniforms(rng, 2 * m), 2);
        ExactOTResult r = ExactOT.solve(a, b, cost);
        assertOptimal(a, b, cost, r, 1e-12);
        for (int k = 0; k < r.plan().size(); k++) {
            assertThat(a[r.plan().source(k)]).isPositive();
            assertThat(b[r.plan().target(k)]).isPositive();
        }
    }

    @Test
    void degenerateProblemsTerminate() {
        // every cost equal: every coupling is optimal
        double[] flat = new double[50 * 50];
        java.util.Arrays.fill(flat, 2.5);
        ExactOTResult r = ExactOT.solveUniform(50, 50, flat);
        assertThat(r.cost()).isCloseTo(2.5, within(1e-12));
        assertOptimal(ExactOT.uniform(50), ExactOT.uniform(50), flat, r, 1e-12);
        // integer costs with many ties, and points on a lattice (many equal distances)
        Random rng = new Random(15);
        double[] ties = new double[120 * 80];
        for (int k = 0; k < ties.length; k++) {
            ties[k] = rng.nextInt(4);
        }
        assertOptimal(ExactOT.uniform(120), ExactOT.uniform(80), ties, ExactOT.solveUniform(120, 80, ties), 1e-12);
        double[] lattice = new double[2 * 100];
        for (int k = 0; k < 100; k++) {
            lattice[2 * k] = k % 10;
            lattice[2 * k + 1] = Math.floorDiv(k, 10);
        }
        double[] shifted = lattice.clone();
        for (int k = 0; k < shifted.length; k++) {
            shifted[k] += 1;
        }
        ExactOTResult lat = ExactOT.squaredEuclidean(lattice, shifted, 2);
        // each point must travel at least ... the shift (1, 1) is optimal: cost |(1, 1)|^2 = 2
        assertThat(lat.cost()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void manySmallDegenerateProblemsAreSolvedToOptimality() {
        // weights in multiples of 1/12 make partial sums coincide (degenerate vertices); costs in {0..3} make ties
        Random rng = new Random(17);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 1 + rng.nextInt(10);
            int m = 1 + rng.nextInt(10);
            double[] a = latticeWeights(rng, n);
            double[] b = latticeWeights(rng, m);
            double[] cost = new double[n * m];
            for (int k = 0; k < cost.length; k++) {
                cost[k] = trial % 2 == 0 ? rng.nextInt(4) : rng.nextDouble();
            }
            assertOptimal(a, b, cost, ExactOT.solve(a, b, cost), 1e-12);
        }
    }

    /** n weights that are multiples of 1/12 summing to 1, some of them zero. */
    private static double[] latticeWeights(Random rng, int n) {
        int[] units = new int[n];
        for (int u = 0; u < 12; u++) {
            units[rng.nextInt(n)]++;
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = units[i] / 12.0;
        }
        return w;
    }

    @Test
    void singleSourceOrSingleTarget() {
        double[] cost = {3, 1, 2};
        ExactOTResult r = ExactOT.solve(new double[] {1}, new double[] {0.2, 0.5, 0.3}, cost);
        assertThat(r.cost()).isCloseTo(0.6 + 0.5 + 0.6, within(1e-15));
        assertThat(r.plan().size()).isEqualTo(3);
        ExactOTResult t = ExactOT.solve(new double[] {0.2, 0.5, 0.3}, new double[] {1}, cost);
        assertThat(t.cost()).isCloseTo(1.7, within(1e-15));
    }

    @Test
    void thousandByThousandFinishes() {
        Random rng = new Random(16);
        int n = 1000;
        double[] x = uniforms(rng, 2 * n);
        double[] y = uniforms(rng, 2 * n);
        for (int k = 0; k < y.length; k++) {
            y[k] = 0.5 * y[k] + 0.25;
        }
        double[] cost = Costs.squaredEuclidean(x, y, 2);
        long t0 = System.nanoTime();
        ExactOTResult r = ExactOT.solveUniform(n, n, cost);
        long uniformNanos = System.nanoTime() - t0;
        double minReduced = assertOptimal(ExactOT.uniform(n), ExactOT.uniform(n), cost, r, 1e-12);

        double[] a = randomWeights(rng, n);
        double[] b = randomWeights(rng, n);
        t0 = System.nanoTime();
        ExactOTResult w = ExactOT.solve(a, b, cost);
        long weightedNanos = System.nanoTime() - t0;
        double minReducedW = assertOptimal(a, b, cost, w, 1e-12);
        System.out.printf("ExactOT 1000x1000 uniform: %.0f ms, %d pivots, cost %.6f, %d plan entries, min reduced "
                + "cost %.2e%n", uniformNanos / 1e6, r.pivots(), r.cost(), r.plan().size(), minReduced);
        System.out.printf("ExactOT 1000x1000 weighted: %.0f ms, %d pivots, cost %.6f, %d plan entries, min reduced "
                + "cost %.2e%n", weightedNanos / 1e6, w.pivots(), w.cost(), w.plan().size(), minReducedW);
    }

    @Test
    void invalidInputIsRefusedWithAMessageNamingTheArgument() {
        double[] cost = {1, 2, 3, 4};
        assertThatThrownBy(() -> ExactOT.solve(new double[] {0.5, 0.5}, new double[] {0.5, 0.6}, cost))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a sums to 1.0")
                .hasMessageContaining("b sums to 1.1").hasMessageContaining("same total mass");
        assertThatThrownBy(() -> ExactOT.solve(new double[] {1.5, -0.5}, new double[] {0.5, 0.5}, cost))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a[1] = -0.5")
                .hasMessageContaining(">= 0");
        assertThatThrownBy(() -> ExactOT.solve(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cost has length 2")
                .hasMessageContaining("n * m = 2 * 2 = 4");
        assertThatThrownBy(() -> ExactOT.solve(new double[] {0.5, 0.5}, new double[] {0.5, 0.5},
                new double[] {1, Double.NaN, 3, 4})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cost[1] = NaN").hasMessageContaining("finite");
        assertThatThrownBy(() -> ExactOT.solve(new double[] {0, 0}, new double[] {0.5, 0.5}, cost))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a sums to 0.0");
        assertThatThrownBy(() -> ExactOT.solve(new double[0], new double[] {1}, new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a is empty");
        assertThatThrownBy(() -> ExactOT.squaredEuclidean(new double[] {1, 2, 3}, new double[] {1, 2}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x has length 3")
                .hasMessageContaining("not a multiple of d = 2");
    }

    static double[] randomWeights(Random rng, int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.05 + rng.nextDouble();
        }
        normalise(w, 1);
        return w;
    }

    static void normalise(double[] w, double mass) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] *= mass / s;
        }
    }

    static double[] uniforms(Random rng, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble();
        }
        return x;
    }

    static double[] gaussians(Random rng, int n, double mean, double sd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean + sd * rng.nextGaussian();
        }
        return x;
    }
}
