package org.varflow.measures.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.measure.GridLayout;
import org.varflow.measures.MeasureRuns;

/**
 * Periodic and Dirichlet walls against exact solutions of the heat equation u_t = T u_xx (T = 1: Boltzmann entropy,
 * no energy, density-euler with h = 0.3 dx^2, so time and space errors both scale as dx^2):
 *
 * <pre>
 *   Dirichlet on [0, 1], u(0) = a, u(1) = b:  u = a + (b - a) x + c e^{-pi^2 t} sin(pi x)
 *     D(t) = (1/2) integral u_x^2 = (b - a)^2 / 2 + c^2 pi^2 e^{-2 pi^2 t} / 4
 *   periodic on [0, 1]:                       u = 1 + c e^{-4 pi^2 t} cos(2 pi x)
 * </pre>
 *
 * compared at the cell centres; the errors fall by a factor of about 4 when dx halves (second order).
 */
class BoundaryConditionsTest {
    static final double A = 0.5;
    static final double B = 2;
    static final double C = 1;
    static final double T_END = 0.05;

    static FlowSpec heat(int cells, String formula, String boundary, String values) {
        double dx = 1.0 / cells;
        double h = T_END / Math.ceil(T_END / (0.3 * dx * dx));
        PartChoice space = PartChoice.of("grid-1d").with("cells", cells).with("lower", 0).with("upper", 1)
                .with("init", "formula").with("formula", formula).with("boundary", boundary);
        if (values != null) {
            space = space.with("boundaryValues", values);
        }
        return MeasureRuns.spec(space, PartChoice.of("wasserstein"), PartChoice.of("none"),
                PartChoice.of("boltzmann").with("beta", 1.0), PartChoice.of("density-euler"),
                Math.round(T_END / h), h);
    }

    /** Largest |u_i - exact(c_i)| at the end. */
    static double error(FlowSpec spec, java.util.function.DoubleUnaryOperator exact) {
        double[] u = MeasureRuns.run(spec).result().states();
        int n = u.length;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(u[i] - exact.applyAsDouble((i + 0.5) / n)));
        }
        return worst;
    }

    @Test
    void dirichletWallsGiveTheExactHeatSolutionToSecondOrder() {
        String u0 = A + " + " + (B - A) + "*x1 + " + C + "*sin(pi*x1)";
        double decay = Math.exp(-Math.PI * Math.PI * T_END);
        java.util.function.DoubleUnaryOperator exact = x -> A + (B - A) * x + C * decay * Math.sin(Math.PI * x);
        double coarse = error(heat(50, u0, "dirichlet", A + "," + B), exact);
        double fine = error(heat(100, u0, "dirichlet", A + "," + B), exact);
        System.out.printf("Dirichlet heat: max error %.3e (50 cells), %.3e (100 cells), ratio %.2f%n", coarse, fine,
                coarse / fine);
        assertThat(fine).isLessThan(5e-4);
        assertThat(coarse / fine).isBetween(3.5, 4.5);

        var outcome = MeasureRuns.run(heat(100, u0, "dirichlet", A + "," + B));
        double dirichlet = (B - A) * (B - A) / 2 + C * C * Math.PI * Math.PI * decay * decay / 4;
        double initialD = (B - A) * (B - A) / 2 + C * C * Math.PI * Math.PI / 4;
        Map<String, Object> summary = outcome.summary().toMap();
        assertThat(MeasureRuns.number(summary, "observers", "dirichlet-energy", "final"))
                .isCloseTo(dirichlet, within(2e-3 * dirichlet));
        assertThat(MeasureRuns.number(summary, "observers", "dirichlet-energy", "initial"))
                .isCloseTo(initialD, within(2e-3 * initialD));
        assertThat(MeasureRuns.number(summary, "observers", "dirichlet-energy", "increases")).isZero();
        // mass flows in through the walls: not conserved, and not refused
        assertThat(MeasureRuns.number(summary, "observers", "mass", "maxDrift")).isGreaterThan(0.01);
    }

    @Test
    void periodicWallsGiveTheExactHeatSolutionAndConserveMass() {
        double c = 0.5;
        double decay = Math.exp(-4 * Math.PI * Math.PI * T_END);
        // the density is normalised to mass one; 1 + c cos(2 pi x) already has mass one on [0, 1]
        java.util.function.DoubleUnaryOperator exact = x -> 1 + c * decay * Math.cos(2 * Math.PI * x);
        String u0 = "1 + " + c + "*cos(2*pi*x1)";
        double coarse = error(heat(50, u0, "periodic", null), exact);
        double fine = error(heat(100, u0, "periodic", null), exact);
        System.out.printf("periodic heat: max error %.3e (50 cells), %.3e (100 cells), ratio %.2f%n", coarse, fine,
                coarse / fine);
        assertThat(fine).isLessThan(1e-3);
        assertThat(coarse / fine).isBetween(3.5, 4.5);
        Map<String, Object> summary = MeasureRuns.run(heat(100, u0, "periodic", null)).summary().toMap();
        assertThat(MeasureRuns.number(summary, "observers", "mass", "maxDrift")).isLessThan(1e-13);
        // closed walls would have kept the cosine's flux-free shape too, but a shifted one tells them apart
        String shifted = "1 + " + c + "*sin(2*pi*x1)";
        double periodicError = error(heat(100, shifted, "periodic", null),
                x -> 1 + c * decay * Math.sin(2 * Math.PI * x));
        double closedError = error(heat(100, shifted, "closed", null), x -> 1 + c * decay * Math.sin(2 * Math.PI * x));
        assertThat(periodicError).isLessThan(1e-3);
        assertThat(closedError).isGreaterThan(20 * periodicError);
    }

    /**
     * Fokker-Planck on the circle with the periodic potential V = cos(2 pi x) at T = 1/2: the Scharfetter-Gummel flux
     * vanishes exactly on the discrete Gibbs density exp(-V(c_i)/T)/Z, across the wrap face too.
     */
    @Test
    void aPeriodicFokkerPlanckFlowEndsAtTheGibbsDensity() {
        int n = 60;
        FlowSpec spec = MeasureRuns.spec(PartChoice.of("grid-1d").with("cells", n).with("lower", 0).with("upper", 1)
                        .with("init", "uniform").with("mean", "0.3").with("std", "0.1").with("boundary", "periodic"),
                PartChoice.of("wasserstein"), PartChoice.of("test-cosine"),
                PartChoice.of("boltzmann").with("beta", 2.0), PartChoice.of("density-euler")
                        .with("stability", "substep"), 4000, 0.01);
        double[] rho = MeasureRuns.run(spec).result().states();
        double z = 0;
        double[] gibbs = new double[n];
        for (int i = 0; i < n; i++) {
            gibbs[i] = Math.exp(-2 * Math.cos(2 * Math.PI * (i + 0.5) / n));
            z += gibbs[i] / n;
        }
        for (int i = 0; i < n; i++) {
            assertThat(rho[i]).isCloseTo(gibbs[i] / z, within(1e-9));
        }
    }

    @Test
    void aTwoDimensionalSineModeDecaysAtItsRate() {
        int n = 40;
        double dx = 1.0 / n;
        double h = 0.15 * dx * dx; // a corner cell flows out through two half-cell walls: limit dx^2 / 6
        long steps = Math.round(0.02 / h);
        FlowSpec spec = MeasureRuns.spec(PartChoice.of("grid-2d").with("cells", n).with("lower", "0")
                        .with("upper", "1").with("init", "formula").with("formula", "sin(pi*x1)*sin(pi*x2)")
                        .with("boundary", "dirichlet").with("boundaryValues", "0"), PartChoice.of("wasserstein"),
                PartChoice.of("none"), PartChoice.of("boltzmann"), PartChoice.of("density-euler"), steps, h);
        double[] u = MeasureRuns.run(spec).result().states();
        GridLayout g = new GridLayout(new int[] {n, n}, new double[] {0, 0}, new double[] {1, 1});
        double decay = Math.exp(-2 * Math.PI * Math.PI * steps * h);
        double[] c = new double[2];
        for (int i = 0; i < g.size(); i++) {
            g.centre(i, c);
            assertThat(u[i]).isCloseTo(decay * Math.sin(Math.PI * c[0]) * Math.sin(Math.PI * c[1]), within(2e-3));
        }
    }

    @Test
    void theDiscreteDirichletEnergyIsHalfTheSquaredGradient() {
        // u = x on [0, 1] with walls 0 and 1: the discrete D equals the exact 1/2
        GridLayout g = new GridLayout(new int[] {10}, new double[] {0}, new double[] {1});
        double[] u = new double[10];
        for (int i = 0; i < 10; i++) {
            u[i] = (i + 0.5) / 10;
        }
        assertThat(GridMetrics.dirichletEnergy(g, new GridBoundary("dirichlet", new double[] {0, 1}), u))
                .isCloseTo(0.5, within(1e-14));
    }

    @Test
    void boundariesAreRefusedWhereTheFlowDoesNotAllowThem() {
        FlowSpec base = heat(20, "1 + 0*x1", "dirichlet", "1");
        assertThatThrownBy(() -> MeasureRuns.VARFLOW.assemble(base.withPart(PartKind.METRIC, "fisher-rao-density")))
                .hasMessageContaining("metric 'fisher-rao-density' keeps a density's mass");
        assertThatThrownBy(() -> MeasureRuns.VARFLOW.assemble(heat(20, "1 + 0*x1", "periodic", null)
                .withPart(PartKind.SCHEME, "entropic-jko")))
                .hasMessageContaining("scheme 'entropic-jko' transports mass with a Gibbs kernel on the open box");
        assertThatThrownBy(() -> MeasureRuns.VARFLOW.assemble(heat(20, "1 + 0*x1", "periodic", "1")))
                .hasMessageContaining("parameter 'boundaryValues' applies to boundary=dirichlet");
        assertThatThrownBy(() -> MeasureRuns.VARFLOW.assemble(heat(20, "1 + 0*x1", "dirichlet", null)))
                .hasMessageContaining("boundary dirichlet needs 'boundaryValues'");
        assertThatThrownBy(() -> MeasureRuns.VARFLOW.assemble(heat(20, "1 + 0*x1", "dirichlet", "1,2,3")))
                .hasMessageContaining("has 3 entries; give 1 or 2 (left,right)");
        assertThatThrownBy(() -> MeasureRuns.VARFLOW.assemble(heat(20, "1 + 0*x1", "dirichlet", "-1")))
                .hasMessageContaining("a density on a wall is >= 0");
    }
}
