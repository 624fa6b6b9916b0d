package org.varflow.models.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.Varflow;

/**
 * SGLD and SGD on Bayesian linear regression (the shipped data: 100 examples, sigma = 0.5, prior N(0, I)) against the
 * exact posterior N(mu, A^-1), and the scheme's estimate of the minibatch gradient-noise covariance.
 *
 * <p>Bias allowance of the decaying step: near the posterior the SGLD chain is linear, w' = w - h (A (w - mu) + e)
 * + sqrt(2h) xi with minibatch error e of covariance Sigma, so its stationary covariance C solves the discrete
 * Lyapunov equation C = M C M^T + 2h I + h^2 Sigma, M = I - h A; C - A^-1 = O(h) is the bias at step h. The ensemble
 * at the end has equilibrated at steps around the last ones, so the allowance is C - A^-1 at twice the final step
 * (Sigma evaluated at mu; it grows a little away from it).
 */
class StochasticGradientTest {
    private static final BayesLinearRegression POSTERIOR = new BayesLinearRegression(RegressionData.defaultData(),
            true, 0.5, 1.0);

    @Test
    void sgldSamplesTheExactPosterior() {
        FlowSpec spec = SamplingRuns.preset("sgld");
        Varflow.Outcome out = SamplingRuns.run(spec);
        double[] states = out.result().states();
        int n = spec.particles();
        double[] w0 = SamplingRuns.column(states, 2, 0);
        double[] w1 = SamplingRuns.column(states, 2, 1);
        double[] mu = POSTERIOR.posteriorMean();
        double[] c = POSTERIOR.posteriorCovariance();
        double finalStep = SamplingRuns.get(out.summary().toMap(), "scheme", "finalStepSize");
        double[] biased = lyapunov(1.5 * finalStep, 2.0, minibatchCovariance(mu, 10));
        // means: 5 SE sqrt(C_ii / n)
        assertThat(SamplingRuns.mean(w0)).isCloseTo(mu[0], within(5 * Math.sqrt(c[0] / n)));
        assertThat(SamplingRuns.mean(w1)).isCloseTo(mu[1], within(5 * Math.sqrt(c[3] / n)));
        // covariances: 5 SE of a sample covariance of Gaussian data, sqrt((C_ii C_jj + C_ij^2) / n), plus the bias
        double[] measured = {SamplingRuns.variance(w0), SamplingRuns.covariance(w0, w1), SamplingRuns.variance(w1)};
        int[][] ij = {{0, 0}, {0, 1}, {1, 1}};
        for (int e = 0; e < 3; e++) {
            int i = ij[e][0];
            int j = ij[e][1];
            double exact = c[i * 2 + j];
            double se = Math.sqrt((c[i * 2 + i] * c[j * 2 + j] + exact * exact) / n);
            double bias = Math.abs(biased[i * 2 + j] - exact);
            assertThat(bias).as("the step bias is a few percent").isLessThan(0.05 * Math.abs(c[i * 2 + i]));
            assertThat(measured[e]).as("C[%d][%d]", i, j).isCloseTo(exact, within(5 * se + bias));
        }
        // the minibatch noise is reported and small against the injected noise at the end
        double tSgd = SamplingRuns.get(out.summary().toMap(), "scheme", "sgdTemperature");
        assertThat(tSgd).isBetween(0.001, 0.5);
        assertThat(finalStep).isCloseTo(1e-3 * Math.pow(3000, -0.55), within(1e-12));
        assertThat(SamplingRuns.<Long>get(out.summary().toMap(), "steps")).isEqualTo(3000L);
        assertThat(SamplingRuns.<Double>get(out.summary().toMap(), "time")).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void sgdConvergesToThePosteriorMode() {
        // 50 independent SGD runs (particles); each ends within 5 standard deviations of its stationary spread at
        // 1.5 times the final step (Lyapunov with the minibatch noise only: C = M C M^T + h^2 Sigma)
        FlowSpec spec = SamplingRuns.preset("sgd").withParticles(50);
        Varflow.Outcome out = SamplingRuns.run(spec);
        double[] mu = POSTERIOR.posteriorMean();
        double finalStep = SamplingRuns.get(out.summary().toMap(), "scheme", "finalStepSize");
        double[] spread = lyapunov(1.5 * finalStep, 0.0, minibatchCovariance(mu, 10));
        double[] states = out.result().states();
        for (int p = 0; p < 50; p++) {
            assertThat(states[2 * p]).isCloseTo(mu[0], within(5 * Math.sqrt(spread[0])));
            assertThat(states[2 * p + 1]).isCloseTo(mu[1], within(5 * Math.sqrt(spread[3])));
        }
        // far tighter than the posterior itself: SGD finds the mode, SGLD the whole law
        assertThat(Math.sqrt(spread[0])).isLessThan(0.25 * Math.sqrt(POSTERIOR.posteriorCovariance()[0]));
    }

    @Test
    void reportedGradientNoiseTraceIsTheMinibatchCovarianceTrace() {
        // the state frozen at mu (dt = 1e-12): 10 particles x 2000 steps = 20000 batch estimates of tr Sigma(mu)
        double[] mu = POSTERIOR.posteriorMean();
        FlowSpec spec = SamplingRuns.preset("sgd")
                .withPart(PartKind.SPACE, PartChoice.of("euclidean").with("dimension", 2)
                        .with("x0", String.format(Locale.ROOT, "%.17g,%.17g", mu[0], mu[1])))
                .withDt(1e-12).withSteps(2000).withParticles(10);
        Varflow.Outcome out = SamplingRuns.run(spec);
        double[] sigma = minibatchCovariance(mu, 10);
        double exact = sigma[0] + sigma[3];
        // the spread of one batch estimate n^2 (1 - B/n) s^2 / B, by 20000 independent draws here
        double sd = Math.sqrt(traceEstimateVariance(mu, 10, 20_000, new Random(8)));
        double reported = SamplingRuns.get(out.summary().toMap(), "scheme", "gradientNoiseTrace");
        assertThat(reported).isCloseTo(exact, within(5 * sd / Math.sqrt(20_000)));
        assertThat(exact).isCloseTo(6538, within(1.0)); // quoted in the sgld preset
    }

    /**
     * Sigma(w) = n^2 (1 - B/n) S / B, S the covariance (divisor n - 1) of the per-example gradients at w: the
     * covariance of the minibatch estimate drawn without replacement.
     */
    static double[] minibatchCovariance(double[] w, int batch) {
        int n = POSTERIOR.terms();
        double[][] g = new double[n][2];
        double[] mean = new double[2];
        for (int i = 0; i < n; i++) {
            POSTERIOR.addTermGradient(i, w, 1.0, g[i]);
            mean[0] += g[i][0] / n;
            mean[1] += g[i][1] / n;
        }
        double[] s = new double[4];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    s[a * 2 + b] += (g[i][a] - mean[a]) * (g[i][b] - mean[b]) / (n - 1);
                }
            }
        }
        double factor = (double) n * n / batch * (1 - (double) batch / n);
        for (int k = 0; k < 4; k++) {
            s[k] *= factor;
        }
        return s;
    }

    /** Stationary covariance of w' = (I - hA) w + noise of covariance 2 h T I + h^2 Sigma, by fixed-point iteration. */
    static double[] lyapunov(double h, double temperatureTimesTwo, double[] sigma) {
        double[] a = POSTERIOR.posteriorPrecision();
        double[] m = {1 - h * a[0], -h * a[1], -h * a[2], 1 - h * a[3]};
        double[] q = new double[4];
        for (int k = 0; k < 4; k++) {
            q[k] = h * h * sigma[k] + (k == 0 || k == 3 ? temperatureTimesTwo * h : 0);
        }
        double[] c = new double[4];
        for (int it = 0; it < 2_000_000; it++) {
            double[] next = new double[4];
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    double s = q[i * 2 + j];
                    for (int k = 0; k < 2; k++) {
                        for (int l = 0; l < 2; l++) {
                            s += m[i * 2 + k] * c[k * 2 + l] * m[j * 2 + l];
                        }
                    }
                    next[i * 2 + j] = s;
                }
            }
            double change = 0;
            for (int k = 0; k < 4; k++) {
                change = Math.max(change, Math.abs(next[k] - c[k]));
            }
            c = next;
            if (change < 1e-16 * (1 + Math.abs(c[0]))) {
                break;
            }
        }
        return c;
    }

    /** Variance of the per-batch trace estimate at w, by Monte Carlo over random subsets. */
    private static double traceEstimateVariance(double[] w, int batch, int draws, Random random) {
        int n = POSTERIOR.terms();
        double[][] g = new double[n][2];
        for (int i = 0; i < n; i++) {
            POSTERIOR.addTermGradient(i, w, 1.0, g[i]);
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double sum = 0;
        double squares = 0;
        for (int d = 0; d < draws; d++) {
            double[] s = new double[2];
            double sq = 0;
            for (int j = 0; j < batch; j++) {
                int r = j + random.nextInt(n - j);
                int t = perm[j];
                perm[j] = perm[r];
                perm[r] = t;
                double[] v = g[perm[j]];
                s[0] += v[0];
                s[1] += v[1];
                sq += v[0] * v[0] + v[1] * v[1];
            }
            double s2 = (sq - (s[0] * s[0] + s[1] * s[1]) / batch) / (batch - 1);
            double estimate = (double) n * n * s2 / batch * (1 - (double) batch / n);
            sum += estimate;
            squares += estimate * estimate;
        }
        double mean = sum / draws;
        return squares / draws - mean * mean;
    }
}
