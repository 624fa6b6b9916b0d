package org.varflow.ot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SinkhornTest {

    @Test
    void marginalsAreSatisfiedToTolerance() {
        Random rng = new Random(21);
        int n = 40;
        int m = 50;
        double[] a = ExactOTTest.randomWeights(rng, n);
        double[] b = ExactOTTest.randomWeights(rng, m);
        double[] x = ExactOTTest.uniforms(rng, 2 * n);
        double[] y = ExactOTTest.uniforms(rng, 2 * m);
        double tol = 1e-10;
        double eps = 0.05;
        SinkhornResult r = new Sinkhorn(eps).withTolerance(tol).squaredEuclidean(x, a, y, b, 2);
        assertThat(r.converged()).isTrue();
        assertThat(r.marginalError()).isLessThanOrEqualTo(2 * tol);
        double[] cost = Costs.squaredEuclidean(x, y, 2);
        double rowErr = 0;
        double colErr = 0;
        double transport = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += r.plan(i, j);
                transport += r.plan(i, j) * cost[i * m + j];
                // the plan has the Gibbs form P = a b exp((f + g - C) / eps)
                double gibbs = a[i] * b[j] * Math.exp((r.f()[i] + r.g()[j] - cost[i * m + j]) / eps);
                assertThat(r.plan(i, j)).isCloseTo(gibbs, within(1e-12 * gibbs + 1e-300));
            }
            rowErr += Math.abs(s - a[i]);
        }
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += r.plan(i, j);
            }
            colErr += Math.abs(s - b[j]);
        }
        assertThat(rowErr + colErr).isCloseTo(r.marginalError(), within(1e-15));
        assertThat(r.cost()).isCloseTo(transport, within(1e-14));
        System.out.printf("Sinkhorn 40x50 eps %.2g: %d iterations, marginal error %.2e%n", eps, r.iterations(),
                r.marginalError());
    }

    @Test
    void costConvergesToTheExactCostAsEpsilonShrinks() {
        // generic (random) weights: the optimal vertex is a spanning tree and Sinkhorn converges at every epsilon
        Random rng = new Random(22);
        int n = 40;
        int m = 50;
        double[] x = ExactOTTest.uniforms(rng, 2 * n);
        double[] y = ExactOTTest.uniforms(rng, 2 * m);
        double[] a = ExactOTTest.randomWeights(rng, n);
        double[] b = ExactOTTest.randomWeights(rng, m);
        double exact = ExactOT.squaredEuclidean(x, a, y, b, 2).cost();
        double previous = Double.POSITIVE_INFINITY;
        for (double eps : new double[] {1e-1, 1e-2, 1e-3}) {
            SinkhornResult r = new Sinkhorn(eps).withTolerance(1e-9).squaredEuclidean(x, a, y, b, 2);
            double error = Math.abs(r.cost() - exact);
            System.out.printf("Sinkhorn 40x50 eps %.0e: |cost - exact| = %.3e, objective %.6f (exact %.6f), "
                    + "%d iterations, marginal error %.1e%n", eps, error, r.objective(), exact, r.iterations(),
                    r.marginalError());
            assertThat(r.converged()).isTrue();
            assertThat(r.marginalError()).isLessThan(2e-9);
            assertThat(error).as("eps = %s", eps).isLessThan(previous);
            // a coupling (up to the marginal violation) costs at least the optimum
            assertThat(r.cost()).isGreaterThan(exact - 1e-8);
            previous = error;
        }
        assertThat(previous).isLessThan(1e-4);
    }

    @Test
    void stableAtTinyEpsilon() {
        Random rng = new Random(23);
        int n = 40;
        int m = 50;
        double[] x = ExactOTTest.uniforms(rng, 2 * n);
        double[] y = ExactOTTest.uniforms(rng, 2 * m);
        double[] a = ExactOTTest.randomWeights(rng, n);
        double[] b = ExactOTTest.randomWeights(rng, m);
        double exact = ExactOT.squaredEuclidean(x, a, y, b, 2).cost();
        SinkhornResult r = new Sinkhorn(1e-4).withTolerance(1e-7).squaredEuclidean(x, a, y, b, 2);
        System.out.printf("Sinkhorn 40x50 eps 1e-4: %d iterations, converged %s, marginal error %.1e, "
                + "|cost - exact| = %.2e%n", r.iterations(), r.converged(), r.marginalError(),
                Math.abs(r.cost() - exact));
        assertAllFinite(r);
        assertThat(r.converged()).isTrue();
        assertThat(r.marginalError()).isLessThan(2e-7);
        assertThat(r.cost()).isCloseTo(exact, within(1e-5));

        // uniform weights, n = m (degenerate: the plan tends to a permutation and Sinkhorn slows down), cost of
        // order 1, a small budget: whatever the state when the budget runs out, nothing overflows
        double[] u = ExactOTTest.uniforms(rng, 2 * 60);
        double[] v = ExactOTTest.uniforms(rng, 2 * 60);
        SinkhornResult budget = new Sinkhorn(1e-4).withMaxIterations(2000).squaredEuclidean(u, v, 2);
        assertAllFinite(budget);
        assertThat(budget.cost()).isCloseTo(ExactOT.squaredEuclidean(u, v, 2).cost(), within(1e-2));
        // no scaling and 20 iterations at eps = 1e-4 from f = g = 0
        SinkhornResult cold = new Sinkhorn(1e-4).withoutScaling().withMaxIterations(20).squaredEuclidean(u, v, 2);
        assertThat(cold.converged()).isFalse();
        assertThat(cold.iterations()).isEqualTo(20);
        assertAllFinite(cold);
    }

    @Test
    void invariantUnderScalingCostAndEpsilonTogether() {
        // P(s C, s eps) = P(C, eps): costs of order 100 at eps = 1e-2 behave like costs of order 1 at eps = 1e-4
        Random rng = new Random(25);
        int n = 20;
        double[] a = ExactOTTest.randomWeights(rng, n);
        double[] b = ExactOTTest.randomWeights(rng, n);
        double[] cost = Costs.squaredEuclidean(ExactOTTest.uniforms(rng, 2 * n), ExactOTTest.uniforms(rng, 2 * n), 2);
        double[] scaled = cost.clone();
        for (int k = 0; k < scaled.length; k++) {
            scaled[k] *= 100;
        }
        SinkhornResult small = new Sinkhorn(1e-4).withTolerance(1e-10).solve(a, b, cost);
        SinkhornResult large = new Sinkhorn(1e-2).withTolerance(1e-10).solve(a, b, scaled);
        assertAllFinite(large);
        assertThat(large.cost()).isCloseTo(100 * small.cost(), within(1e-8));
        for (int k = 0; k < n * n; k++) {
            assertThat(large.plan()[k]).isCloseTo(small.plan()[k], within(1e-9));
        }
    }

    private static void assertAllFinite(SinkhornResult r) {
        for (double p : r.plan()) {
            assertThat(p).isFinite().isGreaterThanOrEqualTo(0);
        }
        for (double v : r.f()) {
            assertThat(v).isFinite();
        }
        for (double v : r.g()) {
            assertThat(v).isFinite();
        }
        assertThat(r.cost()).isFinite();
        assertThat(r.objective()).isFinite();
        assertThat(r.marginalError()).isFinite();
    }

    @Test
    void entropicObjectiveBetweenOneDimensionalGaussiansMatchesTheClosedForm() {
        // For N(m1, A) and N(m2, B) and cost |x - y|^2 the optimal entropic plan is Gaussian with covariance
        // [[A, c], [c, B]]: objective (m1 - m2)^2 + A + B - 2c + eps KL = ... - (eps / 2) log(1 - c^2 / (A B)),
        // minimised at 2 c^2 + eps c - 2 A B = 0, c = (sqrt(eps^2 + 16 A B) - eps) / 4. The Gaussians are
        // discretised on fine grids (the entropic value is stable under discretisation when the plan is resolved).
        double m1 = 0;
        double s1 = 1;
        double m2 = 1;
        double s2 = 2;
        double eps = 0.5;
        double a = s1 * s1;
        double b = s2 * s2;
        double c = (Math.sqrt(eps * eps + 16 * a * b) - eps) / 4;
        double closedForm = (m1 - m2) * (m1 - m2) + a + b - 2 * c - eps / 2 * Math.log(1 - c * c / (a * b));
        int n = 301;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] wx = new double[n];
        double[] wy = new double[n];
        grid(m1, s1, x, wx);
        grid(m2, s2, y, wy);
        SinkhornResult r = new Sinkhorn(eps).withTolerance(1e-11).squaredEuclidean(x, wx, y, wy, 1);
        System.out.printf("Sinkhorn Gaussian closed form: objective %.10f, closed form %.10f, %d iterations%n",
                r.objective(), closedForm, r.iterations());
        assertThat(r.objective()).isCloseTo(closedForm, within(1e-6));
    }

    /** N(mean, sd^2) on a grid of mean +- 8 sd, weights normalised (also used by SinkhornFloatKernelTest). */
    static void grid(double mean, double sd, double[] points, double[] weights) {
        int n = points.length;
        double lo = mean - 8 * sd;
        double h = 16 * sd / (n - 1);
        double total = 0;
        for (int k = 0; k < n; k++) {
            points[k] = lo + k * h;
            double z = (points[k] - mean) / sd;
            weights[k] = Math.exp(-0.5 * z * z);
            total += weights[k];
        }
        for (int k = 0; k < n; k++) {
            weights[k] /= total;
        }
    }

    @Test
    void scalingDoesNotChangeTheSolution() {
        Random rng = new Random(24);
        double[] x = ExactOTTest.uniforms(rng, 30);
        double[] y = ExactOTTest.uniforms(rng, 45);
        double eps = 0.05;
        SinkhornResult scaled = new Sinkhorn(eps).withTolerance(1e-12).squaredEuclidean(x, y, 3);
        SinkhornResult plain = new Sinkhorn(eps).withoutScaling().withTolerance(1e-12).squaredEuclidean(x, y, 3);
        assertThat(scaled.cost()).isCloseTo(plain.cost(), within(1e-10));
        assertThat(scaled.objective()).isCloseTo(plain.objective(), within(1e-10));
        // the squared-Euclidean convenience is the general solver on Costs.squaredEuclidean with uniform weights
        SinkhornResult general = new Sinkhorn(eps).withTolerance(1e-12).solve(ExactOT.uniform(10),
                ExactOT.uniform(15), Costs.squaredEuclidean(x, y, 3));
        assertThat(general).isEqualTo(scaled);
    }

    @Test
    void zeroWeightsGiveEmptyRowsAndColumns() {
        double[] a = {0.5, 0, 0.5};
        double[] b = {0.25, 0.75, 0};
        double[] cost = {0, 1, 2, 1, 0, 1, 2, 1, 0};
        SinkhornResult r = new Sinkhorn(0.01).solve(a, b, cost);
        assertThat(r.converged()).isTrue();
        for (int j = 0; j < 3; j++) {
            assertThat(r.plan(1, j)).isZero();
            assertThat(r.plan(j, 2)).isZero();
        }
        assertThat(r.marginalError()).isLessThan(1e-8);
    }

    @Test
    void invalidInputIsRefusedWithAMessageNamingTheArgument() {
        assertThatThrownBy(() -> new Sinkhorn(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epsilon = 0.0").hasMessageContaining("> 0");
        assertThatThrownBy(() -> new Sinkhorn(-1e-3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epsilon = -0.001");
        assertThatThrownBy(() -> new Sinkhorn(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epsilon = NaN");
        assertThatThrownBy(() -> new Sinkhorn(0.1).withMaxIterations(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxIterations = 0");
        assertThatThrownBy(() -> new Sinkhorn(0.1).withScaling(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scalingFactor = 1.0").hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> new Sinkhorn(0.1).withTolerance(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tolerance = -1.0");
        Sinkhorn s = new Sinkhorn(0.1);
        double[] cost = {1, 2, 3, 4};
        assertThatThrownBy(() -> s.solve(new double[] {0.5, 0.5}, new double[] {0.2, 0.2}, cost))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b sums to 0.4")
                .hasMessageContaining("same total mass");
        assertThatThrownBy(() -> s.solve(new double[] {0.5, 0.5}, new double[] {-0.5, 1.5}, cost))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b[0] = -0.5");
        assertThatThrownBy(() -> s.solve(new double[] {0.5, 0.5}, new double[] {0.5, 0.5},
                new double[] {1, 2, Double.POSITIVE_INFINITY, 4})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cost[2] = Infinity");
        assertThatThrownBy(() -> s.squaredEuclidean(new double[] {0, 1}, new double[] {0, Double.NaN}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y[1] = NaN");
    }

    @Test
    void stabilisedScalingFollowsTheLogDomainIterates() {
        // Both run the same Sinkhorn iterations (scaling form between absorptions is algebraically the log-domain
        // update); after 300 iterations at eps = 1e-3 (many absorptions) they agree to rounding.
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(99);
        int n = 60;
        int m = 45;
        double[] x = new double[2 * n];
        double[] y = new double[2 * m];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = rnd.nextDouble() + 0.3;
        }
        for (double eps : new double[] {1e-1, 1e-2, 1e-3}) {
            Sinkhorn base = new Sinkhorn(eps).withTolerance(0).withMaxIterations(300).withoutScaling();
            SinkhornResult fast = base.squaredEuclidean(x, y, 2);
            SinkhornResult slow = base.logDomainOnly().squaredEuclidean(x, y, 2);
            assertThat(fast.iterations()).isEqualTo(slow.iterations());
            assertThat(fast.cost()).isCloseTo(slow.cost(), org.assertj.core.api.Assertions.within(1e-10));
            double[] p = fast.plan();
            double[] q = slow.plan();
            for (int k = 0; k < p.length; k++) {
                assertThat(p[k]).isCloseTo(q[k], org.assertj.core.api.Assertions.within(1e-10));
            }
        }
    }
}
