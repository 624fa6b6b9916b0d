package org.varflow.schemes.mala;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConstantMetric;
import org.varflow.api.Flow;
import org.varflow.api.Metric;
import org.varflow.api.Parameters;
import org.varflow.api.RandomStream;
import org.varflow.api.Scheme;
import org.varflow.api.StepContext;
import org.varflow.noise.JavaRandomStream;
import org.varflow.noise.TestFlows;
import org.varflow.testkit.Allocations;

/** MALA's acceptance ratio, its stationary law on a Gaussian, its counters and its contract. */
class MalaSchemeTest {

    @Test
    void acceptanceRatioIsTheMetropolisHastingsRatioOfTheGaussianProposal() {
        // K = S S^T with S = [[2, 0], [1, 1]], K = [[4, 2], [2, 2]], K^-1 = [[0.5, -0.5], [-0.5, 1]]
        Metric metric = TestFlows.constant2d(2, 1, 1);
        double[][] kInverse = {{0.5, -0.5}, {-0.5, 1}};
        java.util.Random r = new java.util.Random(5);
        for (int trial = 0; trial < 50; trial++) {
            double t = 0.2 + r.nextDouble();
            double h = 0.01 + 0.3 * r.nextDouble();
            double[] x = {r.nextGaussian(), r.nextGaussian()};
            double[] xi = {r.nextGaussian(), r.nextGaussian()};
            double[] gx = new double[2];
            TestFlows.QUARTIC.gradient(x, gx);
            double[] kgx = new double[2];
            metric.raise(x, gx, kgx);
            double[] noise = new double[2];
            metric.sqrtRaise(x, xi, noise);
            double a = Math.sqrt(2 * h * t);
            double[] y = {x[0] - h * kgx[0] + a * noise[0], x[1] - h * kgx[1] + a * noise[1]};
            double[] gy = new double[2];
            TestFlows.QUARTIC.gradient(y, gy);
            double[] kgy = new double[2];
            metric.raise(y, gy, kgy);
            // brute force: log pi(y) - log pi(x) + log q(x|y) - log q(y|x), q(b|a) = N(b; a - h K dE(a), 2hT K)
            double[] fwd = {y[0] - x[0] + h * kgx[0], y[1] - x[1] + h * kgx[1]};
            double[] bwd = {x[0] - y[0] + h * kgy[0], x[1] - y[1] + h * kgy[1]};
            double expected = -(TestFlows.QUARTIC.value(y) - TestFlows.QUARTIC.value(x)) / t
                    - (quadratic(kInverse, bwd) - quadratic(kInverse, fwd)) / (4 * h * t);
            double[] s = {gx[0] + gy[0], gx[1] + gy[1]};
            double[] ks = new double[2];
            metric.raise(x, s, ks);
            double got = MalaScheme.logAcceptance(TestFlows.QUARTIC.value(x), TestFlows.QUARTIC.value(y), t, h,
                    noise, s, ks, 2);
            assertThat(got).as("trial %d", trial).isCloseTo(expected, within(1e-9 * (1 + Math.abs(expected))));
        }
    }

    @Test
    void samplesTheGaussianExactlyAtALargeStep() {
        // E = x^2/2 at T = 0.5, h = 1.2: ULA would give T / (1 - h/2) = 1.25; MALA's law is N(0, T).
        // 4000 chains x 150 steps from x0 = 0; variance tolerance 5 SE = 5 T sqrt(2 / (N - 1)) (11% of T)
        Flow flow = TestFlows.flow(1, TestFlows.IDENTITY, TestFlows.HALF_SQUARE, 2.0, true);
        Scheme scheme = new MalaFactory().create(Parameters.empty(), flow);
        Scheme.Stepper stepper = scheme.stepper(flow);
        RandomStream rng = new JavaRandomStream(17);
        int n = 4000;
        double sum = 0;
        double squares = 0;
        for (int p = 0; p < n; p++) {
            double[] x = {0};
            double[] aux = new double[scheme.auxiliaryDimension(flow)];
            for (int k = 0; k < 150; k++) {
                stepper.step(x, aux, StepContext.of(k, k * 1.2, 1.2), rng);
            }
            sum += x[0];
            squares += x[0] * x[0];
        }
        double mean = sum / n;
        double variance = (squares - n * mean * mean) / (n - 1);
        assertThat(variance).isCloseTo(0.5, within(5 * 0.5 * Math.sqrt(2.0 / (n - 1))));
        assertThat(mean).isCloseTo(0.0, within(5 * Math.sqrt(0.5 / n)));
        Map<String, Double> totals = new TreeMap<>();
        stepper.addStatistics(totals);
        assertThat(totals).containsEntry("proposals", (double) n * 150);
        Map<String, Object> report = scheme.report(totals);
        assertThat((double) report.get("acceptanceRate")).isBetween(0.3, 0.95);
        assertThat(report).containsEntry("proposals", (long) n * 150);
    }

    @Test
    void atZeroTemperatureItNeverIncreasesTheEnergy() {
        Flow flow = TestFlows.flow(2, TestFlows.IDENTITY, TestFlows.QUARTIC, Double.POSITIVE_INFINITY, false);
        Scheme scheme = new MalaFactory().create(Parameters.empty(), flow);
        Scheme.Stepper stepper = scheme.stepper(flow);
        double[] x = {2.5, -1};
        double[] aux = new double[scheme.auxiliaryDimension(flow)];
        double previous = TestFlows.QUARTIC.value(x);
        RandomStream refusing = new RandomStream() {
            @Override
            public double nextGaussian() {
                throw new AssertionError("no noise at T = 0");
            }

            @Override
            public double nextDouble() {
                throw new AssertionError("no uniform at T = 0");
            }
        };
        for (int k = 0; k < 300; k++) {
            stepper.step(x, aux, StepContext.of(k, k * 0.6, 0.6), refusing); // h = 0.6 overshoots where x1^2 is large
            double e = TestFlows.QUARTIC.value(x);
            assertThat(e).isLessThanOrEqualTo(previous);
            previous = e;
        }
        Map<String, Double> totals = new TreeMap<>();
        stepper.addStatistics(totals);
        assertThat(totals.get("accepted")).isLessThan(totals.get("proposals"));
    }

    @Test
    void refusesPositionDependentMetricsAndPoissonParts() {
        Metric varying = new Metric() {
            @Override
            public void raise(double[] x, double[] v, double[] out) {
                out[0] = (1 + x[0] * x[0]) * v[0];
            }
        };
        assertThat(new MalaFactory().requires()).containsExactly(MalaFactory.CONSTANT_METRIC);
        assertThat(MalaFactory.CONSTANT_METRIC.isMetBy(varying)).isFalse();
        assertThat(MalaFactory.CONSTANT_METRIC.description()).contains("constant metric", "'euler-maruyama'");
        Metric withJ = new WithJ();
        assertThat(MalaFactory.CONSTANT_METRIC.isMetBy(withJ)).isFalse();
        assertThat(MalaFactory.CONSTANT_METRIC.isMetBy(TestFlows.IDENTITY)).isTrue();
        assertThat(new MalaFactory()).isInstanceOf(org.varflow.api.StochasticSchemeFactory.class);
        assertThat(new MalaFactory().spaces()).containsExactly("euclidean");
    }

    /** A constant metric with a Poisson part. */
    private static final class WithJ implements ConstantMetric, org.varflow.api.PoissonMetric {
        @Override
        public void raise(double[] x, double[] v, double[] out) {
            System.arraycopy(v, 0, out, 0, x.length);
        }

        @Override
        public void applyPoisson(double[] x, double[] v, double[] out) {
            java.util.Arrays.fill(out, 0.0);
        }
    }

    @Test
    void stepAllocatesNothing() {
        Flow flow = TestFlows.flow(2, TestFlows.constant2d(2, 1, 1), TestFlows.QUARTIC, 1.0, true);
        Scheme scheme = new MalaFactory().create(Parameters.empty(), flow);
        Scheme.Stepper stepper = scheme.stepper(flow);
        double[] x = {0.1, 0.2};
        double[] aux = new double[scheme.auxiliaryDimension(flow)];
        RandomStream rng = new JavaRandomStream(3);
        org.varflow.testkit.StepCursor cursor = new org.varflow.testkit.StepCursor(0.05);
        long bytes = Allocations.bytesAllocatedBy(() -> {
            for (int k = 0; k < 20_000; k++) {
                stepper.step(x, aux, cursor.moveTo(0), rng);
            }
        });
        assertThat(bytes).isLessThan(16_384L);
    }

    private static double quadratic(double[][] m, double[] v) {
        return v[0] * (m[0][0] * v[0] + m[0][1] * v[1]) + v[1] * (m[1][0] * v[0] + m[1][1] * v[1]);
    }
}
