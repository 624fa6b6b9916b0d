package org.varflow.models.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.varflow.Varflow;

/**
 * Particle Fokker-Planck for V = x^2/2, T = 1 from N(2, 1/4) up to t = 6, with the entropy realised two ways: by
 * thermal noise (N = 2000 Langevin particles, Euler-Maruyama, h = 0.01) and deterministically by the kernel-density
 * score (N = 1000, mid-quantile start, Silverman's bandwidth). Both end at the Gibbs law N(0, 1).
 */
class ParticleFokkerPlanckTest {

    @Test
    void thermalNoiseAndKernelDensityScoreReachTheSameGibbsLaw() {
        Varflow.Outcome thermal = MeasureModelRuns.run(MeasureModelRuns.preset("particle-fokker-planck"));
        Varflow.Outcome kde = MeasureModelRuns.run(MeasureModelRuns.preset("particle-fokker-planck-kde"));
        double[] xt = thermal.result().states();
        double[] xk = kde.result().states();
        assertThat(xt).hasSize(2000);
        assertThat(xk).hasSize(1000);
        // thermal: N independent OU particles, law N(2 e^-6, v) with the Euler-Maruyama stationary variance
        // v = T / (1 - h/2) = 1.005 (relaxed to e^-12): mean within 5 standard errors 5 sqrt(v/N) = 0.11, variance
        // within 5 sqrt(2/N) v = 0.16
        double vt = 1 / (1 - 0.005);
        assertThat(MeasureModelRuns.mean(xt)).isCloseTo(2 * Math.exp(-6), within(5 * Math.sqrt(vt / 2000)));
        assertThat(MeasureModelRuns.variance(xt)).isCloseTo(vt, within(5 * Math.sqrt(2.0 / 2000) * vt));
        // kde: deterministic; the mean obeys m' = -m exactly, the variance tends to 1/(1 + c), c = sigma^2 / var the
        // Silverman factor (4/3)^(2/5) N^(-2/5) = 0.0677 (the kernel's deconvolution bias, 6%): it lies within the
        // thermal run's sampling tolerance of the Gibbs variance, and within 0.01 of its own prediction
        assertThat(MeasureModelRuns.mean(xk)).isCloseTo(2 * Math.pow(0.99, 600), within(1e-10));
        double c = Math.pow(4.0 / 3, 0.4) * Math.pow(1000, -0.4);
        assertThat(MeasureModelRuns.variance(xk)).isCloseTo(1 / (1 + c), within(0.01))
                .isCloseTo(1.0, within(5 * Math.sqrt(2.0 / 2000)));
        // the same law: W2 between the two ensembles is at most the kde's bias |1 - sqrt(1/(1 + c))| = 0.032 plus
        // three times the typical W2 of an N-sample to its law, sqrt(log log N / N) = 0.032 (N = 2000):
        // 0.13 (measured: 0.048; thermal mean 0.002, variance 1.0095, W2 to Gibbs 0.028; kde variance 0.930,
        // W2 to Gibbs 0.039)
        double w2 = MeasureModelRuns.w2(xt, xk);
        assertThat(w2).isLessThan(0.13);
        // the w2-to-gibbs diagnostic (exact 1-D W2 to N(0, 1)) agrees: both small, the kde's close to its bias
        double wt = MeasureModelRuns.number(thermal.summary().toMap(), "observers", "w2-to-gibbs", "final");
        double wk = MeasureModelRuns.number(kde.summary().toMap(), "observers", "w2-to-gibbs", "final");
        assertThat(wt).isLessThan(0.1);
        assertThat(wk).isCloseTo(1 - Math.sqrt(1 / (1 + c)), within(0.015));
    }
}
