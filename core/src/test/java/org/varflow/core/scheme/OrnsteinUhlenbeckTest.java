package org.varflow.core.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.varflow.RunSummary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.varflow.api.FlowSpec;
import org.varflow.Varflow;
import org.varflow.core.run.RunControl;
import org.varflow.core.testing.Flows;

/**
 * Langevin dynamics of E = x^2/2 in 1-D (the Ornstein-Uhlenbeck process dx = -x dt + sqrt(2T) dW, T = 1/beta) with
 * Euler-Maruyama, N = 20000 particles from x0 = 1, h = 0.01, against closed forms.
 *
 * <p>The discrete chain x_{k+1} = (1-h) x_k + sqrt(2hT) xi_k is Gaussian with
 * mean (1-h)^k x0 and variance v_k = T (1 - (1-h)^{2k}) / (1 - h/2) (stationary: T / (1 - h/2)). The continuous
 * process has mean x0 e^{-t}; the difference |(1-h)^k - e^{-t}| x0 is the O(h) bias of the scheme (1.8e-3 at
 * t = 1). Statistical tolerances are 5 standard errors of the N-sample estimates: sqrt(v_k / N) for a mean,
 * v_k sqrt(2 / (N-1)) for a sample variance (exact for Gaussian samples).
 */
class OrnsteinUhlenbeckTest {
    private static final Varflow VARFLOW = Flows.varflow();
    private static final int N = 20_000;
    private static final double H = 0.01;
    private static final double X0 = 1.0;
    private static final long SEED = 20240601L;

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 2.0})
    void momentsAndFreeEnergyMatchTheClosedForms(double beta) {
        double temperature = 1 / beta;
        double[] freeEnergies = new double[3];
        double[] variances = new double[3];
        double[] times = {1, 2, 10};
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            FlowSpec spec = Flows.langevin(1, "1", beta, N, 0, H, SEED).withTime(t);
            Varflow.Outcome out = VARFLOW.run(spec, new RunControl(2), null);
            double[] x = out.result().states();
            long k = out.result().stepsTaken();
            assertThat(k).isEqualTo(Math.round(t / H));

            double mean = mean(x);
            double var = variance(x, mean);
            double decay = Math.pow(1 - H, (double) k);
            double chainVar = temperature * (1 - decay * decay) / (1 - H / 2);
            double se = Math.sqrt(chainVar / N);

            // mean: 5 SE around the chain's mean, and 5 SE + the O(h) bias around the continuous x0 e^{-t}
            assertThat(mean).isCloseTo(X0 * decay, within(5 * se));
            assertThat(mean).isCloseTo(X0 * Math.exp(-t), within(5 * se + X0 * Math.abs(decay - Math.exp(-t))));
            // variance of the chain, 5 SE of a sample variance
            assertThat(var).isCloseTo(chainVar, within(5 * chainVar * Math.sqrt(2.0 / (N - 1))));

            RunSummary summary = out.summary();
            assertThat(summary.state().mean()[0]).isCloseTo(mean, within(1e-12));
            assertThat(summary.diagnostics().maxDissipationViolation()).isNaN();
            assertThat(summary.diagnostics().energyIncreases()).isEmpty();

            // F = mean E - T H(Gaussian with the sample variance); mean E = (m^2 + v (N-1)/N) / 2 exactly
            double f = summary.freeEnergy();
            double expectedF = 0.5 * (mean * mean + var * (N - 1) / N)
                    - temperature * 0.5 * Math.log(2 * Math.PI * Math.E * var);
            assertThat(f).isCloseTo(expectedF, within(1e-10));
            freeEnergies[i] = f;
            variances[i] = var;
        }

        // stationary variance at t = 10: v_k = T/(1-h/2) up to T (1-h)^2000 ~ 2e-9 T
        double stationary = temperature / (1 - H / 2);
        assertThat(variances[2]).isCloseTo(stationary, within(5 * stationary * Math.sqrt(2.0 / (N - 1))));
        // F decreases towards the Gibbs value F* = min over Gaussians = T/2 - (T/2) log(2 pi e T) = -(T/2) log(2 pi T)
        double gibbs = -0.5 * temperature * Math.log(2 * Math.PI * temperature);
        assertThat(freeEnergies[0]).isGreaterThan(freeEnergies[1]);
        assertThat(freeEnergies[1]).isGreaterThan(freeEnergies[2]);
        /*
         * At t = 10, F_hat - F* = m^2/2 - v/(2N) + (T/2)(u - 1 - log u), u = v/T (the first-order term vanishes at
         * the minimum). With m within 5 SE of 0 (m^2/2 <= 12.5 v/N) and u within 5 SE of 1/(1-h/2) (the scheme's
         * bias plus the sample-variance error), the bound below is about 1.4e-3 T for N = 20000.
         */
        double uHigh = stationary / temperature * (1 + 5 * Math.sqrt(2.0 / (N - 1)));
        double uLow = stationary / temperature * (1 - 5 * Math.sqrt(2.0 / (N - 1)));
        double tolerance = 12.5 * stationary / N + stationary / (2.0 * N)
                + 0.5 * temperature * Math.max(uHigh - 1 - Math.log(uHigh), uLow - 1 - Math.log(uLow));
        assertThat(tolerance).isLessThan(1.5e-3 * temperature);
        assertThat(freeEnergies[2]).isCloseTo(gibbs, within(tolerance));
        // and F(t = 1), F(t = 2) are clearly above it: the decrease is not noise
        assertThat(freeEnergies[1] - gibbs).isGreaterThan(3 * tolerance);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double variance(double[] x, double mean) {
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / (x.length - 1);
    }
}
