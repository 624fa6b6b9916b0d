package org.varflow.schemes.minibatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Flow;
import org.varflow.api.Parameters;
import org.varflow.api.RandomStream;
import org.varflow.api.Scheme;
import org.varflow.api.StepContext;
import org.varflow.noise.JavaRandomStream;
import org.varflow.noise.TestFlows.LeastSquares;
import org.varflow.noise.TestFlows;
import org.varflow.testkit.Allocations;

/**
 * The minibatch gradient: how batches are drawn, that the estimate is unbiased with the covariance sampling theory
 * gives, that the reported noise trace estimates it, the step schedule, and the contract.
 *
 * <p>Most checks take one step of length h = 1 without noise from a fixed x and read the gradient estimate back as
 * g = x - x' (K = I, constant schedule).
 */
class MinibatchSchemeTest {
    private static final int N = 12;
    private static final double[] X = {0.7, -0.4};

    @ParameterizedTest
    @ValueSource(strings = {"without-replacement", "with-replacement", "reshuffled-epochs"})
    void estimateIsUnbiasedWithTheSamplingCovarianceAndItsTraceIsReported(String sampling) {
        LeastSquares energy = new LeastSquares(N);
        int batch = 4;
        Flow flow = TestFlows.flow(2, TestFlows.IDENTITY, energy, Double.POSITIVE_INFINITY, false);
        Scheme scheme = scheme(Map.of("batchSize", batch, "sampling", sampling), flow);
        Scheme.Stepper stepper = scheme.stepper(flow);
        double[] aux = new double[scheme.auxiliaryDimension(flow)];
        RandomStream rng = new JavaRandomStream(7);
        int m = 60_000;
        double[] sum = new double[2];
        double[] sq = new double[3];
        for (int k = 0; k < m; k++) {
            double[] x = X.clone();
            stepper.step(x, aux, StepContext.of(0, 0, 1.0), rng);
            double g0 = X[0] - x[0];
            double g1 = X[1] - x[1];
            sum[0] += g0;
            sum[1] += g1;
            sq[0] += g0 * g0;
            sq[1] += g0 * g1;
            sq[2] += g1 * g1;
        }
        // exact moments by enumerating every batch: all C(12, 4) = 495 subsets (without replacement; also the law
        // of each batch of a reshuffled epoch) or all 12^4 ordered draws (with replacement), equally likely
        Enumeration exact = Enumeration.of(energy, batch, sampling.equals("with-replacement"));
        double[] full = new double[2];
        energy.gradient(X, full);
        assertThat(exact.mean[0]).isCloseTo(full[0], within(1e-12));
        assertThat(exact.mean[1]).isCloseTo(full[1], within(1e-12));
        // sampling theory: covariance n^2 C / |B| with replacement (C with divisor n), n^2 (1 - |B|/n) S / |B|
        // without (S with divisor n - 1)
        double[][] per = new double[N][];
        double[] avg = new double[2];
        for (int i = 0; i < N; i++) {
            per[i] = energy.termGradient(i, X);
            avg[0] += per[i][0] / N;
            avg[1] += per[i][1] / N;
        }
        double popVar0 = 0;
        for (int i = 0; i < N; i++) {
            popVar0 += (per[i][0] - avg[0]) * (per[i][0] - avg[0]) / N;
        }
        double factor = sampling.equals("with-replacement") ? (double) N * N / batch
                : (double) N * N / batch * (1 - (double) batch / N) * N / (N - 1);
        assertThat(exact.cov[0]).isCloseTo(factor * popVar0, within(1e-9 * exact.cov[0]));
        // and the per-batch trace estimate n^2 s^2 / |B| (times 1 - |B|/n without replacement) is unbiased
        assertThat(exact.traceMean).isCloseTo(exact.cov[0] + exact.cov[2], within(1e-9 * exact.traceMean));

        // the scheme's m draws against these moments, 5 standard errors of an average of m independent draws
        // (exact: the enumerated variances of g, of its centred products and of the trace estimate); the batches of
        // a reshuffled epoch are dependent (each epoch's batches average to dE exactly), which only helps the mean
        double[] mean = {sum[0] / m, sum[1] / m};
        assertThat(mean[0]).isCloseTo(full[0], within(5 * Math.sqrt(exact.cov[0] / m)));
        assertThat(mean[1]).isCloseTo(full[1], within(5 * Math.sqrt(exact.cov[2] / m)));
        double[] cov = {sq[0] / m - mean[0] * mean[0], sq[1] / m - mean[0] * mean[1], sq[2] / m - mean[1] * mean[1]};
        for (int e = 0; e < 3; e++) {
            assertThat(cov[e]).as("covariance entry %d", e)
                    .isCloseTo(exact.cov[e], within(5 * Math.sqrt(exact.productVariance[e] / m)));
        }

        Map<String, Double> totals = new TreeMap<>();
        stepper.addStatistics(totals);
        Map<String, Object> report = scheme.report(totals);
        assertThat((double) report.get("gradientNoiseTrace")).isCloseTo(exact.traceMean,
                within(5 * Math.sqrt(exact.traceVariance / m)));
        assertThat(report).containsEntry("particleSteps", (long) m).containsEntry("batchSize", (long) batch)
                .containsEntry("sampling", sampling);
        // T_sgd = h tr Sigma / 2d with h = 1, d = 2
        assertThat((double) report.get("sgdTemperature"))
                .isCloseTo((double) report.get("gradientNoiseTrace") / 4, within(1e-9));
    }

    /** Exact moments of the minibatch gradient and of the trace estimate over every equally likely batch. */
    private static final class Enumeration {
        final double[] mean = new double[2];
        final double[] cov = new double[3];
        final double[] productVariance = new double[3];
        double traceMean;
        double traceVariance;

        static Enumeration of(LeastSquares energy, int batch, boolean withReplacement) {
            java.util.List<int[]> batches = new java.util.ArrayList<>();
            collect(batches, new int[batch], 0, 0, withReplacement);
            double[][] g = new double[batches.size()][];
            double[] trace = new double[batches.size()];
            double[] reg = {X[0], X[1]};
            for (int b = 0; b < batches.size(); b++) {
                double[] sum = new double[2];
                double squares = 0;
                for (int i : batches.get(b)) {
                    double[] t = energy.termGradient(i, X);
                    sum[0] += t[0];
                    sum[1] += t[1];
                    squares += t[0] * t[0] + t[1] * t[1];
                }
                g[b] = new double[] {reg[0] + (double) N / batch * sum[0], reg[1] + (double) N / batch * sum[1]};
                double s2 = (squares - (sum[0] * sum[0] + sum[1] * sum[1]) / batch) / (batch - 1);
                trace[b] = (double) N * N * s2 / batch * (withReplacement ? 1 : 1 - (double) batch / N);
            }
            Enumeration e = new Enumeration();
            int count = g.length;
            for (double[] v : g) {
                e.mean[0] += v[0] / count;
                e.mean[1] += v[1] / count;
            }
            for (double t : trace) {
                e.traceMean += t / count;
            }
            double[][] products = new double[count][3];
            for (int b = 0; b < count; b++) {
                double a0 = g[b][0] - e.mean[0];
                double a1 = g[b][1] - e.mean[1];
                products[b] = new double[] {a0 * a0, a0 * a1, a1 * a1};
                for (int k = 0; k < 3; k++) {
                    e.cov[k] += products[b][k] / count;
                }
                e.traceVariance += (trace[b] - e.traceMean) * (trace[b] - e.traceMean) / count;
            }
            for (double[] p : products) {
                for (int k = 0; k < 3; k++) {
                    e.productVariance[k] += (p[k] - e.cov[k]) * (p[k] - e.cov[k]) / count;
                }
            }
            return e;
        }

        private static void collect(java.util.List<int[]> out, int[] current, int position, int from,
                                    boolean withReplacement) {
            if (position == current.length) {
                out.add(current.clone());
                return;
            }
            for (int i = withReplacement ? 0 : from; i < N; i++) {
                current[position] = i;
                collect(out, current, position + 1, i + 1, withReplacement);
            }
        }
    }

    @Test
    void withoutReplacementDrawsDistinctUniformIndices() {
        LeastSquares energy = new LeastSquares(N);
        Flow flow = TestFlows.flow(2, TestFlows.IDENTITY, energy, Double.POSITIVE_INFINITY, false);
        Scheme scheme = scheme(Map.of("batchSize", 5, "sampling", "without-replacement"), flow);
        Scheme.Stepper stepper = scheme.stepper(flow);
        double[] aux = new double[scheme.auxiliaryDimension(flow)];
        RandomStream rng = new JavaRandomStream(2);
        int steps = 24_000;
        for (int k = 0; k < steps; k++) {
            long[] before = energy.requests.clone();
            stepper.step(X.clone(), aux, StepContext.of(0, 0, 1e-3), rng);
            int distinct = 0;
            for (int i = 0; i < N; i++) {
                long used = energy.requests[i] - before[i];
                assertThat(used).isLessThanOrEqualTo(1);
                distinct += (int) used;
            }
            assertThat(distinct).isEqualTo(5);
        }
        // each index is in a batch with probability 5/12: 10000 expected; 5 SE = 5 sqrt(24000 (5/12)(7/12))
        for (long c : energy.requests) {
            assertThat((double) c).isCloseTo(10_000, within(5 * Math.sqrt(steps * (5.0 / 12) * (7.0 / 12))));
        }
    }

    @Test
    void reshuffledEpochsVisitEveryExampleOncePerEpochPerParticle() {
        LeastSquares energy = new LeastSquares(N);
        Flow flow = TestFlows.flow(2, TestFlows.IDENTITY, energy, Double.POSITIVE_INFINITY, false);
        Scheme scheme = scheme(Map.of("batchSize", 5, "sampling", "reshuffled-epochs"), flow);
        assertThat(scheme.auxiliaryDimension(flow)).isEqualTo(1 + N);
        Scheme.Stepper stepper = scheme.stepper(flow);
        // two particles sharing one stepper keep their own epochs in their auxiliary state
        double[] auxA = new double[scheme.auxiliaryDimension(flow)];
        double[] auxB = new double[scheme.auxiliaryDimension(flow)];
        RandomStream rng = new JavaRandomStream(4);
        Set<String> orders = new HashSet<>();
        for (int epoch = 0; epoch < 20; epoch++) {
            long[] start = energy.requests.clone();
            int[] sizes = new int[3];
            for (int b = 0; b < 3; b++) { // 12 = 5 + 5 + 2
                long before = Arrays.stream(energy.requests).sum();
                stepper.step(X.clone(), auxA, StepContext.of(0, 0, 1e-3), rng);
                sizes[b] = (int) (Arrays.stream(energy.requests).sum() - before);
                stepper.step(X.clone(), auxB, StepContext.of(0, 0, 1e-3), rng);
            }
            assertThat(sizes).containsExactly(5, 5, 2);
            for (int i = 0; i < N; i++) {
                assertThat(energy.requests[i] - start[i]).as("example %d in epoch %d", i, epoch).isEqualTo(2);
            }
            orders.add(Arrays.toString(Arrays.copyOfRange(auxA, 1, 1 + N)));
        }
        assertThat(orders).as("a fresh permutation each epoch").hasSizeGreaterThan(15);
        assertThat(auxA[0]).as("cursor + 1 at the end of an epoch").isEqualTo(N + 1.0);
    }

    @Test
    void wellingTehScheduleDecaysAndReportsTheLangevinTime() {
        StepSchedule s = new StepSchedule(true, 10, 0.55);
        assertThat(s.step(0.01, 0)).isEqualTo(0.01);
        // a (b + k)^-gamma with a = h b^gamma
        assertThat(s.step(0.01, 90)).isCloseTo(0.01 * Math.pow(10, 0.55) * Math.pow(100, -0.55), within(1e-15));
        assertThat(StepSchedule.constant().step(0.01, 12345)).isEqualTo(0.01);

        LeastSquares energy = new LeastSquares(N);
        Flow flow = TestFlows.flow(2, TestFlows.IDENTITY, energy, Double.POSITIVE_INFINITY, false);
        Scheme scheme = scheme(Map.of("schedule", "welling-teh", "decayOffset", 10, "decayPower", 0.55,
                "batchSize", 12), flow);
        Scheme.Stepper stepper = scheme.stepper(flow);
        double[] aux = new double[scheme.auxiliaryDimension(flow)];
        double[] x = X.clone();
        double[] y = X.clone();
        double[] g = new double[2];
        double time = 0;
        RandomStream rng = new JavaRandomStream(1);
        for (int k = 0; k < 200; k++) {
            stepper.step(x, aux, StepContext.of(k, k * 0.01, 0.01), rng);
            // |B| = n without replacement is the full gradient: plain gradient descent with step h_k
            double hk = s.step(0.01, k);
            energy.gradient(y, g);
            y[0] -= hk * g[0];
            y[1] -= hk * g[1];
            time += hk;
            assertThat(x[0]).isCloseTo(y[0], within(1e-12));
            assertThat(x[1]).isCloseTo(y[1], within(1e-12));
        }
        Map<String, Double> totals = new TreeMap<>();
        stepper.addStatistics(totals);
        Map<String, Object> report = scheme.report(totals);
        assertThat((double) report.get("finalStepSize")).isCloseTo(s.step(0.01, 199), within(1e-18));
        assertThat((double) report.get("langevinTime")).isCloseTo(time, within(1e-12));
        // the full batch has no sampling noise: the without-replacement factor 1 - |B|/n is 0
        assertThat((double) report.get("gradientNoiseTrace")).isZero();
    }

    @Test
    void refusesEnergiesWithoutTermsAndBatchesLargerThanTheData() {
        Flow plain = TestFlows.flow(1, TestFlows.IDENTITY, TestFlows.HALF_SQUARE, 1.0, true);
        assertThat(new MinibatchFactory().requires()).containsExactly(MinibatchFactory.FINITE_SUM);
        assertThat(MinibatchFactory.FINITE_SUM.isMetBy(plain.energy())).isFalse();
        assertThatThrownBy(() -> scheme(Map.of(), plain)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("finite-sum energy");
        Flow small = TestFlows.flow(2, TestFlows.IDENTITY, new LeastSquares(5), 1.0, true);
        assertThatThrownBy(() -> scheme(Map.of("batchSize", 6), small))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("batchSize = 6")
                .hasMessageContaining("n = 5");
        assertThat(scheme(Map.of("batchSize", 6, "sampling", "with-replacement"), small).stepper(small)).isNotNull();
        assertThatThrownBy(() -> Parameters.resolve("scheme 'minibatch'", new MinibatchFactory().parameters(),
                Map.of("decayPower", 2))).isInstanceOf(ConfigurationException.class);
        assertThat(new MinibatchFactory()).isInstanceOf(org.varflow.api.StochasticSchemeFactory.class);
    }

    @Test
    void withThermalNoiseTheIncrementHasVarianceTwoHT() {
        // |B| = n (no sampling noise), E's gradient at X known: x' - (X - h g) = sqrt(2 h T) xi
        LeastSquares energy = new LeastSquares(N);
        Flow flow = TestFlows.flow(2, TestFlows.IDENTITY, energy, 4.0, true);
        Scheme scheme = scheme(Map.of("batchSize", N), flow);
        Scheme.Stepper stepper = scheme.stepper(flow);
        double[] aux = new double[scheme.auxiliaryDimension(flow)];
        double[] g = new double[2];
        energy.gradient(X, g);
        RandomStream rng = new JavaRandomStream(9);
        int m = 50_000;
        double h = 0.01;
        double sq = 0;
        for (int k = 0; k < m; k++) {
            double[] x = X.clone();
            stepper.step(x, aux, StepContext.of(0, 0, h), rng);
            double e = x[0] - (X[0] - h * g[0]);
            sq += e * e;
        }
        double variance = 2 * h / 4.0;
        assertThat(sq / m).isCloseTo(variance, within(5 * variance * Math.sqrt(2.0 / m)));
    }

    @Test
    void stepAllocatesNothing() {
        for (String sampling : new String[] {"without-replacement", "with-replacement", "reshuffled-epochs"}) {
            Flow flow = TestFlows.flow(2, TestFlows.IDENTITY, new LeastSquares(N), 1.0, true);
            Scheme scheme = scheme(Map.of("sampling", sampling, "batchSize", 3, "schedule", "welling-teh"), flow);
            Scheme.Stepper stepper = scheme.stepper(flow);
            double[] x = X.clone();
            double[] aux = new double[scheme.auxiliaryDimension(flow)];
            RandomStream rng = new JavaRandomStream(3);
            org.varflow.testkit.StepCursor cursor = new org.varflow.testkit.StepCursor(1e-3);
            long bytes = Allocations.bytesAllocatedBy(() -> {
                for (int k = 0; k < 20_000; k++) {
                    stepper.step(x, aux, cursor.moveTo(0), rng);
                }
            });
            assertThat(bytes).as(sampling).isLessThan(16_384L);
        }
    }

    private static Scheme scheme(Map<String, Object> params, Flow flow) {
        MinibatchFactory f = new MinibatchFactory();
        return f.create(Parameters.resolve("scheme 'minibatch'", f.parameters(), params), flow);
    }
}
