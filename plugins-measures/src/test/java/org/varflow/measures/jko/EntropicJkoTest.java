package org.varflow.measures.jko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.measures.MeasureRuns;

/**
 * Entropic JKO on grids for Fokker-Planck with V = |x|^2/2, T = 1 (Ornstein-Uhlenbeck), checked against two exact
 * properties of the scheme:
 *
 * <ul>
 *   <li>the mean is implicit Euler, m_{n+1} = m_n / (1 + h): the first-order condition of the step gives
 *       grad g(y) = 2 (y - E_pi[x | y]) = -2h grad(V + T log rho)(y), and integrating against rho^{n+1} (where
 *       int rho grad log rho = 0) leaves m_{n+1} - m_n = -h m_{n+1}, with or without regularisation;</li>
 *   <li>the regularisation blurs each step by a Gaussian of variance eps/2 per axis, an extra diffusion eps / 4h:
 *       the stationary variance is T + eps / 4h (so the bias halves with eps).</li>
 * </ul>
 */
class EntropicJkoTest {

    static FlowSpec oneD(double eps, long steps, double h) {
        return MeasureRuns.spec(PartChoice.of("grid-1d").with("cells", 200).with("lower", -8).with("upper", 8)
                        .with("mean", "2").with("std", "0.5"), PartChoice.of("wasserstein"),
                PartChoice.of("test-quadratic"), PartChoice.of("boltzmann"),
                PartChoice.of("entropic-jko").with("epsilon", eps), steps, h);
    }

    @Test
    void theMeanFollowsImplicitEulerAndMassIsConserved() {
        Map<String, Object> s = MeasureRuns.run(oneD(0.0128, 10, 0.1)).summary().toMap();
        double mean = MeasureRuns.vector(s, "observers", "measure-moments", "final", "mean")[0];
        // 2 / 1.1^10 = 0.77108...; the identity is exact up to the grid's quadrature (measured: 5e-9)
        assertThat(mean).isCloseTo(2 / Math.pow(1.1, 10), within(1e-4));
        assertThat(MeasureRuns.number(s, "observers", "mass", "maxDrift")).isLessThanOrEqualTo(1e-12);
        assertThat(MeasureRuns.number(s, "observers", "mass", "negativeCells")).isZero();
        assertThat(MeasureRuns.number(s, "observers", "free-energy", "increases")).isZero();
        assertThat(MeasureRuns.number(s, "scheme", "sinkhornPerStep")).isLessThan(10_000);
    }

    @Test
    void theStationaryVarianceCarriesTheEntropicBlurEpsOver4h() {
        double h = 0.1;
        double[] bias = new double[2];
        double[] eps = {0.0256, 0.0128};
        for (int k = 0; k < 2; k++) {
            Map<String, Object> s = MeasureRuns.run(oneD(eps[k], 80,
                    h)).summary().toMap(); // t = 8: e^-16 from the start
            double var = MeasureRuns.entry(s, 0, 0, "observers", "measure-moments", "final", "covariance");
            bias[k] = var - 1;
            // T + eps/4h: 0.064 and 0.032 (measured within 0.3 %; the tolerance leaves room for the O(h eps) terms)
            assertThat(bias[k]).as("eps = %s", eps[k]).isCloseTo(eps[k] / (4 * h), within(0.1 * eps[k] / (4 * h)));
        }
        assertThat(bias[0] / bias[1]).isCloseTo(2, within(0.1));
    }

    @Test
    void twoDimensionsAxisByAxis() {
        double h = 0.2;
        FlowSpec spec = MeasureRuns.spec(PartChoice.of("grid-2d").with("cells", "48").with("lower", "-4")
                        .with("upper", "4").with("mean", "1.5,-0.5").with("std", "0.6,0.4"),
                PartChoice.of("wasserstein"), PartChoice.of("test-quadratic"), PartChoice.of("boltzmann"),
                PartChoice.of("entropic-jko"), 10, h);
        Map<String, Object> s = MeasureRuns.run(spec).summary().toMap();
        double[] mean = MeasureRuns.vector(s, "observers", "measure-moments", "final", "mean");
        double decay = Math.pow(1 + h, -10);
        // implicit Euler per axis (measured: 5e-4 and 9e-5; the closed box [-4, 4]^2 holds the mass that the
        // unbounded law would put beyond it, a few 1e-4 for the blurred steps starting 1.5 from the centre)
        assertThat(mean[0]).isCloseTo(1.5 * decay, within(2e-3));
        assertThat(mean[1]).isCloseTo(-0.5 * decay, within(2e-3));
        assertThat(MeasureRuns.number(s, "observers", "mass", "maxDrift")).isLessThanOrEqualTo(1e-12);
        assertThat(MeasureRuns.number(s, "observers", "free-energy", "increases")).isZero();
        assertThat(MeasureRuns.entry(s, 0, 1, "observers", "measure-moments", "final", "covariance"))
                .isCloseTo(0, within(1e-3));
        // default eps = 2 dx^2 = 2 / 36: the stationary variance is 1 + eps/4h = 1.069 per axis; after t = 2 the
        // start's variances 0.36 and 0.16 are on their way to it (measured: 1.041 and 1.033)
        double eps = 2.0 / 36;
        for (int a = 0; a < 2; a++) {
            double var = MeasureRuns.entry(s, a, a, "observers", "measure-moments", "final", "covariance");
            assertThat(var).as("axis %d", a).isCloseTo(1 + eps / (4 * h), within(0.05));
        }
    }

    @Test
    void refusesWhatItCannotSolve() {
        FlowSpec tsallis = MeasureRuns.spec(PartChoice.of("grid-1d"), PartChoice.of("wasserstein"),
                PartChoice.of("test-quadratic"), PartChoice.of("tsallis"), PartChoice.of("entropic-jko"), 1, 0.1);
        assertThatThrownBy(() -> MeasureRuns.VARFLOW.assemble(tsallis)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("scheme 'entropic-jko' needs the Boltzmann entropy")
                .hasMessageContaining("entropy 'tsallis' is not one");
        FlowSpec fisher = MeasureRuns.spec(PartChoice.of("grid-1d"), PartChoice.of("fisher-rao-density"),
                PartChoice.of("test-quadratic"), PartChoice.of("boltzmann"), PartChoice.of("entropic-jko"), 1, 0.1);
        assertThatThrownBy(() -> MeasureRuns.VARFLOW.assemble(fisher)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("(metric 'wasserstein')").hasMessageContaining("metric 'fisher-rao-density'");
    }
}
