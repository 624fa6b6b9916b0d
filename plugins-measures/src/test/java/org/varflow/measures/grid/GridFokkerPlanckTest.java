package org.varflow.measures.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.api.FlowSpec;
import org.varflow.api.NumericalException;
import org.varflow.api.PartChoice;
import org.varflow.Varflow;
import org.varflow.measures.MeasureRuns;

/**
 * Fokker-Planck on a grid, d rho/dt = div(rho grad V) + T Laplacian rho with V = x^2/2, T = 1, from N(2, 0.5^2): the
 * Ornstein-Uhlenbeck law N(m_t, s_t^2), m_t = 2 e^-t, s_t^2 = 1 + (0.25 - 1) e^-2t, relaxing to the Gibbs law N(0, 1).
 * Grid [-8, 8] with 200 cells (dx = 0.08), explicit Scharfetter-Gummel steps h = 0.002 (the limit is 0.0031).
 */
class GridFokkerPlanckTest {
    static final double DX = 0.08;
    static final double H = 0.002;

    static FlowSpec spec(long steps, double dt) {
        return MeasureRuns.spec(PartChoice.of("grid-1d").with("cells", 200).with("lower", -8).with("upper", 8)
                        .with("mean", "2").with("std", "0.5"), PartChoice.of("wasserstein"),
                PartChoice.of("test-quadratic"), PartChoice.of("boltzmann"), PartChoice.of("density-euler"), steps, dt);
    }

    static double exactKl(double t) {
        double m = 2 * Math.exp(-t);
        double s2 = 1 + (0.25 - 1) * Math.exp(-2 * t);
        return MeasureRuns.gaussianKl(m, s2, 1);
    }

    @Test
    void relaxesToGibbsAlongTheOrnsteinUhlenbeckKlConservingMassAndPositivity() {
        Varflow.Outcome out = MeasureRuns.run(spec(3000, H)); // t = 6
        Map<String, Object> s = out.summary().toMap();
        // mass: every flux leaves one cell and enters its neighbour; only rounding (1e-16 per step) can move it
        assertThat(MeasureRuns.number(s, "observers", "mass", "maxDrift")).isLessThanOrEqualTo(1e-12);
        assertThat(MeasureRuns.number(s, "observers", "mass", "minDensity")).isGreaterThanOrEqualTo(0.0);
        assertThat(MeasureRuns.number(s, "observers", "mass", "negativeCells")).isZero();
        // the free energy F = integral V rho + integral rho log rho never increases (observed at 50 times)
        assertThat(MeasureRuns.number(s, "observers", "free-energy", "increases")).isZero();
        assertThat(MeasureRuns.number(s, "observers", "kl-to-gibbs", "increases")).isZero();
        // KL follows the OU closed form. Error budget: explicit Euler perturbs a decay rate lambda by ~lambda h / 2
        // and the Scharfetter-Gummel drift by ~dx^2 / 12; KL ~ e^-2t, so its relative error is at most about
        // 2 t (h + dx^2 / 12) = 0.02 at t = 6 (measured: 8e-4).
        List<Double> times = MeasureRuns.get(s, "observers", "kl-to-gibbs", "times");
        List<Double> values = MeasureRuns.get(s, "observers", "kl-to-gibbs", "values");
        assertThat(times).hasSizeGreaterThan(40);
        for (int i = 0; i < times.size(); i++) {
            double t = times.get(i);
            double bound = 2 * t * (H + DX * DX / 12) + 1e-12;
            assertThat(values.get(i) / exactKl(t) - 1).as("t = %s", t).isCloseTo(0, within(bound));
        }
        // final KL below its closed form value plus a grid-size tolerance dx^2 / 12 (measured: 1.23e-5 vs 1.229e-5)
        assertThat(MeasureRuns.number(s, "observers", "kl-to-gibbs", "final"))
                .isLessThan(exactKl(6) * (1 + 2 * 6 * (H + DX * DX / 12)) + DX * DX / 12);
    }

    @Test
    void theStationaryDensityIsTheDiscreteGibbsDensityExactly() {
        // Scharfetter-Gummel fluxes vanish exactly at rho_i ~ exp(-V_i / T): after t = 40 (KL ~ e^-80 in exact
        // arithmetic) the density equals the Gibbs density at the cell centres to rounding
        Varflow.Outcome out = MeasureRuns.run(spec(20_000, H));
        double[] rho = out.result().states();
        double z = 0;
        for (int i = 0; i < rho.length; i++) {
            double c = -8 + (i + 0.5) * DX;
            z += Math.exp(-c * c / 2) * DX;
        }
        for (int i = 0; i < rho.length; i++) {
            double c = -8 + (i + 0.5) * DX;
            assertThat(rho[i]).isCloseTo(Math.exp(-c * c / 2) / z, within(1e-12));
        }
        assertThat(MeasureRuns.number(out.summary().toMap(), "observers", "kl-to-gibbs", "final")).isLessThan(1e-12);
        // and the continuous Gibbs law N(0, 1) is matched to the grid's quadrature accuracy
        double[] m = MeasureRuns.vector(out.summary().toMap(), "observers", "measure-moments", "final", "mean");
        assertThat(m[0]).isCloseTo(0, within(1e-12));
    }

    @Test
    void aStepAboveTheStabilityLimitIsRefusedNamingTheLimit() {
        // limit = 1 / max_i outflow rate = 0.0031029 here (positivity of the explicit step)
        assertThatThrownBy(() -> MeasureRuns.run(spec(10, 0.005)))
                .isInstanceOf(NumericalException.class)
                .hasMessageContaining("exceeds the explicit stability limit dt_max = 0.003103")
                .hasMessageContaining("scheme.stability=substep");
    }

    @Test
    void substepsSplitALongStepAutomatically() {
        FlowSpec spec = spec(100, 0.02).withParam(org.varflow.api.PartKind.SCHEME, "stability", "substep");
        Varflow.Outcome out = MeasureRuns.run(spec);
        Map<String, Object> s = out.summary().toMap();
        // each step of 0.02 needs ceil(0.02 / (0.9 * 0.0031)) = 8 pieces
        assertThat(MeasureRuns.number(s, "scheme", "substeps")).isEqualTo(800.0);
        assertThat(MeasureRuns.number(s, "scheme", "smallestStableDt")).isCloseTo(0.0031029, within(1e-6));
        assertThat(MeasureRuns.number(s, "observers", "mass", "maxDrift")).isLessThanOrEqualTo(1e-12);
        assertThat(MeasureRuns.number(s, "observers", "kl-to-gibbs", "final") / exactKl(2) - 1)
                .isCloseTo(0, within(2 * 2 * (0.0028 + DX * DX / 12)));
    }
}
