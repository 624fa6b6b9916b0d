package org.varflow.measures.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.Varflow;
import org.varflow.measures.MeasureRuns;

/** The heat equation as the Wasserstein flow of the entropy, and the porous-medium equation against Barenblatt. */
class HeatAndPorousMediumTest {

    /**
     * d rho/dt = Laplacian rho (V = 0, T = 1) from N(0, 1) on [-15, 15] (dx = 0.1): rho_t = N(0, 1 + 2t). The
     * variance grows exactly like 2t even after discretisation: the three-point Laplacian applied to x^2 gives
     * 2 exactly, and explicit Euler is exact for a quantity that is linear in time; only the mass beyond +-15 (about
     * exp(-15^2 / 10) = 2e-10 at t = 2) and rounding can spoil it. The entropy integral rho log rho of the Gaussian is
     * -log(2 pi e sigma^2) / 2; on the grid, the midpoint quadrature of a smooth rapidly decaying integrand is exact to
     * far below dx^2, so the tolerance 1e-6 only covers the explicit Euler error of the profile (h = 0.004, about
     * h / 2 sigma^4 times the dissipation).
     */
    @Test
    void heatEquationSpreadsLikeTheGaussianAndDissipatesEntropyAtTheAnalyticRate() {
        FlowSpec spec = MeasureRuns.spec(PartChoice.of("grid-1d").with("cells", 300).with("lower", -15)
                        .with("upper", 15).with("std", "1"), PartChoice.of("wasserstein"), PartChoice.of("test-zero"),
                PartChoice.of("boltzmann"), PartChoice.of("density-euler"), 500, 0.004);
        Varflow.Outcome out = MeasureRuns.run(spec);
        Map<String, Object> s = out.summary().toMap();
        List<Double> times = MeasureRuns.get(s, "observers", "free-energy", "times");
        List<Double> values = MeasureRuns.get(s, "observers", "free-energy", "values");
        for (int i = 0; i < times.size(); i++) {
            double var = 1 + 2 * times.get(i);
            assertThat(values.get(i)).as("entropy at t = %s", times.get(i))
                    .isCloseTo(-0.5 * Math.log(2 * Math.PI * Math.E * var), within(1e-6));
        }
        assertThat(MeasureRuns.number(s, "observers", "free-energy", "increases")).isZero();
        double var0 = MeasureRuns.entry(s, 0, 0, "observers", "measure-moments", "initial", "covariance");
        double var = MeasureRuns.entry(s, 0, 0, "observers", "measure-moments", "final", "covariance");
        assertThat(var - var0).isCloseTo(2 * 2.0, within(1e-9));
        assertThat(MeasureRuns.number(s, "observers", "mass", "maxDrift")).isLessThanOrEqualTo(1e-12);
    }

    /** The Barenblatt profile of d rho/dt = Laplacian(rho^2) with mass one: t^-1/3 (C - x^2 / (12 t^2/3))_+. */
    static double barenblatt(double x, double t) {
        double c = Math.pow(3.0 / (4 * Math.sqrt(12)), 2.0 / 3);
        return Math.pow(t, -1.0 / 3) * Math.max(0, c - x * x / (12 * Math.pow(t, 2.0 / 3)));
    }

    /**
     * Porous medium m = 2 (Tsallis entropy, T = 1) from the Barenblatt profile at t0 = 0.1 to t1 = 1.1 on [-3, 3]:
     * the grid solution stays within the L1 distance 1e-3 of the exact profile at t1 and its support (cells with
     * rho &gt; 0) does not run ahead of the exact front by more than two cells (finite speed of propagation).
     * Measured L1 errors: 2.1e-4 (150 cells), 6.4e-5 (300), 1.2e-5 (600): second order, as the pressure rho^2 is
     * differenced centrally. Steps are split automatically below the limit dx^2 / (4 max rho).
     */
    @Test
    void porousMediumFollowsTheBarenblattProfile() {
        int n = 300;
        double lo = -3;
        double dx = 6.0 / n;
        StringBuilder start = new StringBuilder();
        for (int i = 0; i < n; i++) {
            start.append(i == 0 ? "" : ",").append(barenblatt(lo + (i + 0.5) * dx, 0.1));
        }
        FlowSpec spec = MeasureRuns.spec(PartChoice.of("grid-1d").with("cells", n).with("lower", lo).with("upper", 3)
                        .with("density", start.toString()), PartChoice.of("wasserstein"), PartChoice.of("test-zero"),
                PartChoice.of("tsallis").with("m", 2), PartChoice.of("density-euler").with("stability", "substep"),
                100, 0.01);
        Varflow.Outcome out = MeasureRuns.run(spec);
        double[] rho = out.result().states();
        double l1 = 0;
        double outside = 0;
        double front = Math.sqrt(12 * Math.pow(3.0 / (4 * Math.sqrt(12)), 2.0 / 3)) * Math.pow(1.1, 1.0 / 3);
        for (int i = 0; i < n; i++) {
            double x = lo + (i + 0.5) * dx;
            l1 += Math.abs(rho[i] - barenblatt(x, 1.1)) * dx;
            if (Math.abs(x) > front + 2 * dx) {
                outside += rho[i] * dx;
            }
            assertThat(rho[i]).isGreaterThanOrEqualTo(0.0);
        }
        assertThat(l1).isLessThan(1e-3);
        assertThat(outside).isLessThan(1e-6);
        Map<String, Object> s = out.summary().toMap();
        assertThat(MeasureRuns.number(s, "observers", "mass", "maxDrift")).isLessThanOrEqualTo(1e-12);
        // the Tsallis free energy integral rho^2 decreases along the flow
        assertThat(MeasureRuns.number(s, "observers", "free-energy", "increases")).isZero();
    }
}
