package org.varflow.measures.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.measures.MeasureRuns;
import org.varflow.ot.GaussianW2;

/** The W2 diagnostic against the Bures-Wasserstein closed form, and the exact quantile integration it relies on. */
class W2ObserverTest {

    /**
     * Fokker-Planck on a grid (V = x^2/2, T = 1) from N(2, 0.5^2) is N(m_t, s_t^2) with m_t = 2 e^-t,
     * s_t^2 = 1 - 0.75 e^-2t, and the Gibbs law is N(0, 1), so W2 = sqrt(m_t^2 + (s_t - 1)^2) (ot's GaussianW2). The
     * observer reads both grid densities as piecewise constant, which adds dx^2/12 to both variances (a change of
     * W2 of order dx^2 / 24 = 3e-4 at dx = 0.08), and the explicit steps shift the decay rates by about h/2 relative,
     * so W2 is matched to 4e-4 + t h W2 (measured: 6.5e-5 at t = 0, 3e-6 at t = 6).
     */
    @Test
    void matchesTheGaussianClosedFormAlongTheFlow() {
        double h = 0.002;
        FlowSpec spec = MeasureRuns.spec(PartChoice.of("grid-1d").with("cells", 200).with("lower", -8)
                        .with("upper", 8).with("mean", "2").with("std", "0.5"), PartChoice.of("wasserstein"),
                PartChoice.of("test-quadratic"), PartChoice.of("boltzmann"), PartChoice.of("density-euler"), 3000, h);
        Map<String, Object> s = MeasureRuns.run(spec).summary().toMap();
        List<Double> times = MeasureRuns.get(s, "observers", "w2-to-gibbs", "times");
        List<Double> values = MeasureRuns.get(s, "observers", "w2-to-gibbs", "values");
        assertThat(times).hasSizeGreaterThan(40);
        for (int i = 0; i < times.size(); i++) {
            double t = times.get(i);
            double exact = GaussianW2.distance1D(2 * Math.exp(-t), Math.sqrt(1 - 0.75 * Math.exp(-2 * t)), 0, 1);
            assertThat(values.get(i)).as("t = %s", t).isCloseTo(exact, within(4e-4 + t * h * exact));
        }
    }

    /** Quantile integration: uniform density on [0, 1] against its shift, and atoms against cells, by hand. */
    @Test
    void quantileIntegrationIsExact() {
        QuantileW2.Pieces a = new QuantileW2.Pieces(10);
        QuantileW2.Pieces b = new QuantileW2.Pieces(10);
        double[] mass = {0.25, 0.25, 0.25, 0.25};
        a.cells(0, 0.25, mass, 4);
        b.cells(0.3, 0.25, mass, 4);
        assertThat(QuantileW2.distance(a, b)).isCloseTo(0.3, within(1e-15));
        // a point mass at 1/2 against uniform on [0, 1]: W2^2 = integral (u - 1/2)^2 du = 1/12
        b.atoms(new double[] {0.5}, new double[] {1.0}, 1);
        assertThat(QuantileW2.distance(a, b)).isCloseTo(Math.sqrt(1.0 / 12), within(1e-15));
        // two atoms 0 and 1 (mass 1/2 each) against uniform: 2 * integral_0^1/2 u^2 du = 1/12
        b.atoms(new double[] {0, 1}, new double[] {0.5, 0.5}, 2);
        assertThat(QuantileW2.distance(a, b)).isCloseTo(Math.sqrt(1.0 / 12), within(1e-15));
        // piecewise-linear quantile through 0, 1 is the uniform law itself
        b.linear(new double[] {0, 1}, 2);
        assertThat(QuantileW2.distance(a, b)).isCloseTo(0, within(1e-15));
    }
}
