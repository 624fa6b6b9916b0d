package org.varflow.models.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.Varflow;

/**
 * Underdamped Langevin dynamics on phase space by BAOAB (metric 'underdamped', noise 'thermal', scheme 'baoab'), and
 * its zero-temperature limit, the heavy-ball method.
 */
class UnderdampedLangevinTest {
    private static final int N = 20_000;

    /**
     * E = q^2/2, m = 1, gamma = 1, beta = 2 (T = 0.5). BAOAB is a linear Gaussian chain x' = M x + noise; its
     * stationary covariance solves C = M C M^T + Q and is exactly diag(T, T (1 - h^2/4)) (Leimkuhler-Matthews): the
     * q-marginal is exact at every stable h, the p-marginal carries an O(h^2) bias. Checked here both ways: the
     * Lyapunov solution of the chain, and 20000 particles after t = 60 (5 SE of a mean of squares of normal data,
     * v sqrt(2 / N)).
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0})
    void baoabSamplesQExactlyAndPWithAnHSquaredBias(double h) {
        double t = 0.5;
        double[] c = baoabStationaryCovariance(h, 1.0, t);
        assertThat(c[0]).isCloseTo(t, within(1e-12));
        assertThat(c[1]).isCloseTo(0.0, within(1e-12));
        assertThat(c[3]).isCloseTo(t * (1 - h * h / 4), within(1e-12));

        FlowSpec spec = SamplingRuns.preset("underdamped-langevin").withDt(h).withTime(60).withParticles(N)
                .withPart(PartKind.ENTROPY, PartChoice.of("boltzmann").with("beta", 1 / t));
        double[] states = SamplingRuns.run(spec).result().states();
        double q2 = SamplingRuns.meanSquare(SamplingRuns.column(states, 2, 0));
        double p2 = SamplingRuns.meanSquare(SamplingRuns.column(states, 2, 1));
        assertThat(q2).isCloseTo(t, within(5 * t * Math.sqrt(2.0 / N)));
        double pExpected = t * (1 - h * h / 4);
        assertThat(p2).isCloseTo(pExpected, within(5 * pExpected * Math.sqrt(2.0 / N)));
        if (h == 1.0) {
            assertThat(t - p2).as("the p bias is visible at h = 1").isGreaterThan(5 * t * Math.sqrt(2.0 / N));
        }
    }

    /**
     * As gamma grows, q(t) of dq = p dt, dp = -q dt - gamma p dt + sqrt(2 gamma T) dW approaches the overdamped
     * Ornstein-Uhlenbeck process in the slow time s = t / gamma: q ~ N(e^-s, T (1 - e^-2s)) from (q, p) = (1, 0),
     * T = 1. At s = 1 the exact underdamped mean differs from e^-1 by 0.29 (gamma = 1), 1.0e-3 (gamma = 4) and
     * 2.9e-6 (gamma = 16). The runs (10000 particles, h = min(0.05, 0.2 / gamma), so that gamma h &lt;= 0.2 and the
     * discretisation, O(h^2) ~ 2.5e-3, does not blur the comparison) follow the underdamped mean (5 SE + 2e-3) and
     * at gamma = 16 match the overdamped law within sampling noise (5 SE), while at gamma = 1 the two laws are far
     * apart (Gaussian KL > 0.1 against a noise floor of about 1/N = 1e-4).
     */
    @Test
    void largeFrictionGivesOverdampedLangevinInTheSlowTime() {
        int n = 10_000;
        double mOver = Math.exp(-1);
        double vOver = 1 - Math.exp(-2);
        double[] deviation = new double[3];
        double[] kl = new double[3];
        double[] gammas = {1, 4, 16};
        double[] q = null;
        for (int i = 0; i < 3; i++) {
            double gamma = gammas[i];
            double h = Math.min(0.05, 0.2 / gamma);
            FlowSpec spec = SamplingRuns.preset("underdamped-langevin").withParticles(n).withDt(h)
                    .withTime(gamma * 1.0).withSeed(31)
                    .withPart(PartKind.METRIC, PartChoice.of("underdamped").with("friction", gamma));
            q = SamplingRuns.column(SamplingRuns.run(spec).result().states(), 2, 0);
            double exactMean = underdampedMean(gamma, gamma);
            deviation[i] = Math.abs(exactMean - mOver);
            kl[i] = SamplingRuns.gaussianKl(SamplingRuns.mean(q), SamplingRuns.variance(q), mOver, vOver);
            assertThat(SamplingRuns.mean(q)).as("gamma = %s follows the underdamped mean", gamma)
                    .isCloseTo(exactMean, within(5 * Math.sqrt(vOver / n) + 2e-3));
        }
        assertThat(deviation[0]).isCloseTo(0.2918, within(1e-4));
        assertThat(deviation[1]).isCloseTo(1.0e-3, within(1e-5));
        assertThat(deviation[2]).isLessThan(3e-6);
        assertThat(kl[0]).isGreaterThan(0.1);
        assertThat(kl[1]).isLessThan(1.5e-3);
        assertThat(kl[2]).isLessThan(1.5e-3);
        // gamma = 16 (the last run): the whole q-law is the overdamped one, 5 SE of the mean and of the variance
        assertThat(SamplingRuns.mean(q)).isCloseTo(mOver, within(5 * Math.sqrt(vOver / n)));
        assertThat(SamplingRuns.variance(q)).isCloseTo(vOver, within(5 * vOver * Math.sqrt(2.0 / n)));
    }

    /**
     * The heavy-ball preset: BAOAB at T = 0 with h and gamma chosen so that it is Polyak's method with the optimal
     * alpha = 4/121, mu = 81/121 for E = (q1^2 + 100 q2^2)/2. Both extreme eigen-directions are then critically
     * damped (double root r = 9/11 of z^2 - (1 + mu - alpha lambda) z + mu for lambda = 1, -9/11 for lambda = 100),
     * so from q0 = (1, 1), p0 = 0 (hence q1 = 1 - alpha lambda / 2) the iterates are exactly
     *
     * <pre>
     *   q1_k = (1 + 20 k / 99) (9/11)^k,   q2_k = (1 - 20 k / 99) (-9/11)^k
     * </pre>
     *
     * checked to 1e-9 relative over 150 steps (the double root is split by rounding of h and gamma, ~1e-8). The rate
     * sqrt(mu) = 9/11 = 0.818 per step is Polyak's optimum for kappa = 100, against (kappa - 1)/(kappa + 1) = 99/101
     * = 0.980 for gradient descent with its best fixed step.
     */
    @Test
    void heavyBallConvergesAtPolyaksOptimalRate() {
        List<double[]> path = SamplingRuns.trajectory(SamplingRuns.preset("heavy-ball"));
        assertThat(path).hasSize(151);
        double r = 9.0 / 11;
        for (int k = 0; k <= 150; k++) {
            double[] x = path.get(k);
            double q1 = (1 + 20.0 * k / 99) * Math.pow(r, k);
            double q2 = (1 - 20.0 * k / 99) * Math.pow(-r, k);
            assertThat(x[0]).as("q1 at step %d", k).isCloseTo(q1, within(1e-9 * Math.abs(q1)));
            assertThat(x[1]).as("q2 at step %d", k).isCloseTo(q2, within(1e-9 * Math.abs(q2) + 1e-300));
        }
        // the measured rate over steps 60..150 (the linear factor's ratio 31.3 / 13.1 taken out)
        double rate = Math.pow(path.get(150)[0] / path.get(60)[0] * (1 + 20.0 * 60 / 99) / (1 + 20.0 * 150 / 99),
                1.0 / 90);
        assertThat(rate).isCloseTo(r, within(1e-9));
        assertThat(rate).isLessThan(99.0 / 101 - 0.15);
        assertThat(norm(path.get(150))).isLessThan(1e-11);
        // gradient descent at its best fixed step reaches only (99/101)^150 = 0.05 in as many steps
        assertThat(Math.pow(99.0 / 101, 150)).isGreaterThan(0.04);
        Varflow.Outcome out = SamplingRuns.run(SamplingRuns.preset("heavy-ball"));
        assertThat(SamplingRuns.<Double>get(out.summary().toMap(), "energy")).isLessThan(1e-20);
    }

    /** |q| of a phase-space state (q1, q2, p1, p2). */
    private static double norm(double[] x) {
        return Math.hypot(x[0], x[1]);
    }

    /** E[q(t)] of the damped oscillator q'' + gamma q' + q = 0 from q = 1, p = 0 (gamma > 2: real roots). */
    private static double underdampedMean(double gamma, double t) {
        if (gamma < 2) {
            double w = Math.sqrt(1 - gamma * gamma / 4);
            return Math.exp(-gamma * t / 2) * (Math.cos(w * t) + gamma / (2 * w) * Math.sin(w * t));
        }
        double root = Math.sqrt(gamma * gamma - 4);
        double slow = (-gamma + root) / 2;
        double fast = (-gamma - root) / 2;
        return (slow * Math.exp(fast * t) - fast * Math.exp(slow * t)) / (slow - fast);
    }

    /** Stationary covariance [c_qq, c_qp, c_pq, c_pp] of BAOAB on E = q^2/2, m = 1, by fixed-point iteration. */
    static double[] baoabStationaryCovariance(double h, double gamma, double t) {
        double c = Math.exp(-gamma * h);
        double[] b = {1, 0, -h / 2, 1};
        double[] a = {1, h / 2, 0, 1};
        double[] o = {1, 0, 0, c};
        double[] ba = multiply(b, a);
        double[] m = multiply(ba, multiply(o, multiply(a, b)));
        double s2 = (1 - c * c) * t;
        double[] q = {ba[1] * ba[1] * s2, ba[1] * ba[3] * s2, ba[3] * ba[1] * s2, ba[3] * ba[3] * s2};
        double[] cov = new double[4];
        for (int it = 0; it < 100_000; it++) {
            double[] next = multiply(multiply(m, cov), new double[] {m[0], m[2], m[1], m[3]});
            for (int k = 0; k < 4; k++) {
                next[k] += q[k];
            }
            cov = next;
        }
        return cov;
    }

    private static double[] multiply(double[] x, double[] y) {
        return new double[] {x[0] * y[0] + x[1] * y[2], x[0] * y[1] + x[1] * y[3], x[2] * y[0] + x[3] * y[2],
                x[2] * y[1] + x[3] * y[3]};
    }
}
