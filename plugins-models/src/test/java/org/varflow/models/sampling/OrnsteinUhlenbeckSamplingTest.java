package org.varflow.models.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.Varflow;

/**
 * Langevin sampling of E = x^2/2 (the Ornstein-Uhlenbeck process, Gibbs law N(0, T), T = 1/beta) against closed forms.
 *
 * <p>ULA (Euler-Maruyama) is the AR(1) chain x_{k+1} = (1 - h) x_k + sqrt(2 h T) xi_k: from x0 its law is
 * N((1-h)^k x0, T (1 - (1-h)^{2k}) / (1 - h/2)), stationary variance T / (1 - h/2), an O(h) bias; MALA's stationary
 * law is N(0, T) at every h. Tolerances: 5 standard errors of N independent particles (sample variance of normal
 * data: v sqrt(2 / (N - 1)); mean: sqrt(v / N)).
 */
class OrnsteinUhlenbeckSamplingTest {
    private static final int N = 20_000;

    @Test
    void ulaHasTheKnownStationaryBiasAndMalaRemovesIt() {
        double h = 0.2;
        double beta = 2;
        double t = 1 / beta;
        FlowSpec spec = SamplingRuns.preset("langevin").withParticles(N).withDt(h).withSteps(200)
                .withPart(PartKind.ENTROPY, PartChoice.of("boltzmann").with("beta", beta));
        double se = t * Math.sqrt(2.0 / (N - 1));
        double ulaExpected = t / (1 - h / 2); // 0.5556 against T = 0.5: 11 standard errors apart

        double ula = SamplingRuns.variance(SamplingRuns.run(spec).result().states());
        assertThat(ula).isCloseTo(ulaExpected, within(5 * se * ulaExpected / t));
        assertThat(Math.abs(ula - t)).as("ULA's bias is detected").isGreaterThan(5 * se);

        Varflow.Outcome mala = SamplingRuns.run(spec.withPart(PartKind.SCHEME, "mala"));
        double malaVariance = SamplingRuns.variance(mala.result().states());
        assertThat(malaVariance).isCloseTo(t, within(5 * se));
        assertThat(Math.abs(malaVariance - ulaExpected)).as("MALA has no such bias").isGreaterThan(5 * se);
        double acceptance = SamplingRuns.get(mala.summary().toMap(), "scheme", "acceptanceRate");
        assertThat(acceptance).isBetween(0.9, 1.0);
        assertThat(SamplingRuns.<Long>get(mala.summary().toMap(), "scheme", "proposals")).isEqualTo(200L * N);
    }

    @Test
    void malaPresetIsExactWhereUlaIsOffByAThird() {
        // h = 0.5, beta = 1: ULA's stationary variance is 1 / (1 - 0.25) = 4/3; 10000 chains, 200 steps
        FlowSpec spec = SamplingRuns.preset("mala");
        int n = spec.particles();
        double se = Math.sqrt(2.0 / (n - 1));
        Varflow.Outcome mala = SamplingRuns.run(spec);
        assertThat(SamplingRuns.variance(mala.result().states())).isCloseTo(1.0, within(5 * se));
        assertThat(SamplingRuns.mean(mala.result().states())).isCloseTo(0.0, within(5 * Math.sqrt(1.0 / n)));
        assertThat(SamplingRuns.<Double>get(mala.summary().toMap(), "scheme", "acceptanceRate")).isBetween(0.85, 0.97);
        double ula = SamplingRuns.variance(SamplingRuns.run(spec.withPart(PartKind.SCHEME, "euler-maruyama"))
                .result().states());
        assertThat(ula).isCloseTo(4.0 / 3, within(5 * se * 4 / 3));
    }

    @Test
    void klToTheGibbsLawDecaysAlongTheClosedForm() {
        // the langevin preset: beta = 1, x0 = 1, h = 0.01. Exact law rho_t = N(e^-t, 1 - e^-2t); Gaussian
        // KL(rho_t | Gibbs) = (v + m^2 - 1 - log v) / 2 -> e^{-2t}-like decay.
        double h = 0.01;
        double previous = Double.POSITIVE_INFINITY;
        for (double time : new double[] {0.25, 0.5, 1, 2}) {
            Varflow.Outcome out = SamplingRuns.run(SamplingRuns.preset("langevin").withParticles(N).withTime(time));
            double[] x = out.result().states();
            long k = out.result().stepsTaken();
            double m = SamplingRuns.mean(x);
            double v = SamplingRuns.variance(x);
            double mt = Math.exp(-time);
            double vt = 1 - Math.exp(-2 * time);
            double chainMean = Math.pow(1 - h, (double) k);
            double chainVariance = (1 - Math.pow(1 - h, 2.0 * k)) / (1 - h / 2);

            double measured = SamplingRuns.gaussianKl(m, v, 0, 1);
            double exact = SamplingRuns.gaussianKl(mt, vt, 0, 1);
            // delta method: dKL = ((1 - 1/v) dv + 2 m dm) / 2 with Var(v) = 2 v^2 / (N - 1), Var(m) = v / N; plus
            // the scheme's O(h) bias, the KL of the chain's exact moments minus that of rho_t
            double se = 0.5 * Math.sqrt(Math.pow(1 - 1 / chainVariance, 2) * 2 * chainVariance * chainVariance
                    / (N - 1) + 4 * chainMean * chainMean * chainVariance / N);
            double bias = Math.abs(SamplingRuns.gaussianKl(chainMean, chainVariance, 0, 1) - exact);
            assertThat(measured).as("KL at t = %s", time).isCloseTo(exact, within(5 * se + bias));
            assertThat(measured).isLessThan(previous);
            previous = measured;

            // and the ensemble's Gaussian is close to the exact law itself: KL(N(m, v) | rho_t) no larger than
            // for moments 5 SE (plus the bias) off in the worst direction
            double dm = 5 * Math.sqrt(vt / N) + Math.abs(chainMean - mt);
            double dv = 5 * vt * Math.sqrt(2.0 / (N - 1)) + Math.abs(chainVariance - vt);
            double bound = Math.max(SamplingRuns.gaussianKl(mt + dm, vt + dv, mt, vt),
                    SamplingRuns.gaussianKl(mt + dm, vt - dv, mt, vt));
            assertThat(SamplingRuns.gaussianKl(m, v, mt, vt)).isLessThan(bound);
        }
    }
}
