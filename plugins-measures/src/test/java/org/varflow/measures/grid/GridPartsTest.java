package org.varflow.measures.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.Metric;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.measure.GridLayout;
import org.varflow.Varflow;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.measures.MeasureRuns;

/** The grid metrics' algebra, the 2-D flow, aggregation, and the refusals. */
class GridPartsTest {

    /**
     * K of every density metric is symmetric positive semi-definite with exactly the constants as kernel (rank
     * n - 1: mass is conserved), at a random positive density on a 5 x 4 grid.
     */
    @Test
    void densityMetricsAreSymmetricPositiveSemiDefiniteWithTheConstantsAsKernel() {
        GridLayout g = new GridLayout(new int[] {5, 4}, new double[] {-1, 0}, new double[] {1, 2});
        SplittableRandom rng = new SplittableRandom(3);
        double[] rho = new double[g.size()];
        for (int i = 0; i < rho.length; i++) {
            rho[i] = 0.1 + rng.nextDouble();
        }
        for (Metric m : new Metric[] {GridMetrics.wasserstein(g), GridMetrics.fisherRao(g),
            GridMetrics.wassersteinFisherRao(g, 0.7)}) {
            int n = g.size();
            double[][] k = new double[n][n];
            double[] e = new double[n];
            double[] col = new double[n];
            for (int j = 0; j < n; j++) {
                e[j] = 1;
                m.raise(rho, e, col);
                e[j] = 0;
                for (int i = 0; i < n; i++) {
                    k[i][j] = col[i];
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertThat(k[i][j]).isCloseTo(k[j][i], within(1e-12));
                }
            }
            double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(k)).getRealEigenvalues();
            java.util.Arrays.sort(ev);
            assertThat(ev[0]).isCloseTo(0, within(1e-10 * ev[n - 1]));
            assertThat(ev[1]).isGreaterThan(1e-8 * ev[n - 1]);
            java.util.Arrays.fill(e, 1);
            m.raise(rho, e, col);
            for (double v : col) {
                assertThat(v).isCloseTo(0, within(1e-12));
            }
            assertThatThrownBy(() -> m.sqrtRaise(rho, e, col)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("noise 'none'");
        }
    }

    /**
     * Fokker-Planck on a 32 x 32 grid of [-4, 4]^2 (V = |x|^2 / 2, T = 1) from the bimodal law: mass conserved,
     * positivity, KL and free energy monotone, and the exact 2-D W2 to the Gibbs law (network simplex, at the start
     * and the end) falls from 0.89 (it is at least the W2 of the y-marginals, N(0, 1/4) against N(0, 1): 1/2) to
     * below 0.15.
     */
    @Test
    void twoDimensionalFokkerPlanckRelaxes() {
        FlowSpec spec = MeasureRuns.spec(PartChoice.of("grid-2d").with("cells", "32").with("init", "bimodal")
                        .with("std", "0.5"), PartChoice.of("wasserstein"), PartChoice.of("test-quadratic"),
                PartChoice.of("boltzmann"), PartChoice.of("density-euler"), 600, 0.005);
        Map<String, Object> s = MeasureRuns.run(spec).summary().toMap();
        assertThat(MeasureRuns.number(s, "observers", "mass", "maxDrift")).isLessThanOrEqualTo(1e-12);
        assertThat(MeasureRuns.number(s, "observers", "mass", "minDensity")).isGreaterThanOrEqualTo(0.0);
        assertThat(MeasureRuns.number(s, "observers", "kl-to-gibbs", "increases")).isZero();
        assertThat(MeasureRuns.number(s, "observers", "free-energy", "increases")).isZero();
        assertThat(MeasureRuns.number(s, "observers", "w2-to-gibbs", "initial")).isGreaterThan(0.5);
        assertThat(MeasureRuns.number(s, "observers", "w2-to-gibbs", "final")).isLessThan(0.15);
        assertThat(MeasureRuns.number(s, "observers", "kl-to-gibbs", "final")).isLessThan(0.01);
    }

    /**
     * Aggregation on a grid without diffusion (T = 0, upwind fluxes): the Gaussian kernel pulls the bimodal
     * density together; mass conserved, positivity kept, the interaction energy never increases.
     */
    @Test
    void aggregationOnAGridConcentratesTheMass() {
        FlowSpec spec = MeasureRuns.spec(PartChoice.of("grid-1d").with("cells", 120).with("lower", -4)
                        .with("upper", 4).with("init", "bimodal").with("std", "0.4"), PartChoice.of("wasserstein"),
                PartChoice.of("interaction").with("kernel", "gaussian").with("length", 2.0).with("strength", 3.0),
                PartChoice.of("none"), PartChoice.of("density-euler").with("stability", "substep"), 200, 0.01);
        Varflow.Outcome out = MeasureRuns.run(spec);
        Map<String, Object> s = out.summary().toMap();
        assertThat(MeasureRuns.number(s, "observers", "mass", "maxDrift")).isLessThanOrEqualTo(1e-12);
        assertThat(MeasureRuns.number(s, "observers", "mass", "minDensity")).isGreaterThanOrEqualTo(0.0);
        assertThat(MeasureRuns.number(s, "observers", "free-energy", "increases")).isZero();
        double var0 = MeasureRuns.entry(s, 0, 0, "observers", "measure-moments", "initial", "covariance");
        double var = MeasureRuns.entry(s, 0, 0, "observers", "measure-moments", "final", "covariance");
        assertThat(var).isLessThan(0.5 * var0);
    }

    @Test
    void refusesWhatDoesNotFit() {
        // the Fisher-Rao metric lives on grids only
        FlowSpec ensemble = MeasureRuns.spec(PartChoice.of("ensemble"), PartChoice.of("fisher-rao-density"),
                PartChoice.of("test-quadratic"), PartChoice.of("boltzmann"), PartChoice.of("density-euler"), 1, 0.1);
        assertThatThrownBy(() -> MeasureRuns.VARFLOW.assemble(ensemble)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("does not work on space 'ensemble'");
        // the interaction energy is a functional of a measure, not a function on R^d
        FlowSpec plain = MeasureRuns.spec(PartChoice.of("grid-1d"), PartChoice.of("wasserstein"),
                PartChoice.of("interaction"), PartChoice.of("boltzmann"), PartChoice.of("density-euler"), 1, 0.01);
        AssembledFlow ok = MeasureRuns.VARFLOW.assemble(plain);
        assertThat(ok.flow().energy()).isNotNull();
        // a starting density with the wrong number of values
        FlowSpec values = plain.withParam(PartKind.SPACE, "density", "1,2,3");
        assertThatThrownBy(() -> MeasureRuns.VARFLOW.assemble(values)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("3 values but the grid has 200 cells");
        // the law outside the grid
        FlowSpec outside = plain.withParam(PartKind.SPACE, "mean", "100");
        assertThatThrownBy(() -> MeasureRuns.VARFLOW.assemble(outside)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("mass 0");
    }
}
