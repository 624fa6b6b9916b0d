package org.varflow.measures.jko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.Varflow;
import org.varflow.measures.MeasureRuns;
import org.varflow.measures.observe.QuantileW2;

/**
 * The 1-D JKO scheme in quantile coordinates against the finite-volume solver, on the double well
 * V = (x^2 - 1)^2 / 4 at T = 1/2 from N(1.5, 0.3^2) up to t = 1 (a non-Gaussian flow: the law spreads into both
 * wells).
 */
class JkoTest {
    static QuantileW2.Pieces reference;

    static PartChoice start(int m) {
        return PartChoice.of("ensemble").with("n", m).with("placement", "quantiles").with("mean", "1.5")
                .with("std", "0.3");
    }

    /** Finite volumes on [-4, 4] with 400 cells, explicit steps h = 2.5e-4 below the limit 2.8e-4. */
    @BeforeAll
    static void finiteVolumeReference() {
        FlowSpec fv = MeasureRuns.spec(PartChoice.of("grid-1d").with("cells", 400).with("lower", -4).with("upper", 4)
                        .with("mean", "1.5").with("std", "0.3"), PartChoice.of("wasserstein"),
                PartChoice.of("test-double-well"), PartChoice.of("boltzmann").with("beta", 2),
                PartChoice.of("density-euler"), 4000, 2.5e-4);
        double[] rho = MeasureRuns.run(fv).result().states();
        double[] mass = new double[rho.length];
        for (int i = 0; i < rho.length; i++) {
            mass[i] = rho[i] * 0.02;
        }
        reference = new QuantileW2.Pieces(rho.length);
        reference.cells(-4, 0.02, mass, rho.length);
    }

    /** W2 at t = 1 between JKO with M quantile points and steps tau, and the finite-volume reference. */
    static double distance(int m, double tau) {
        FlowSpec jko = MeasureRuns.spec(start(m), PartChoice.of("wasserstein"), PartChoice.of("test-double-well"),
                PartChoice.of("boltzmann").with("beta", 2), PartChoice.of("jko"), Math.round(1 / tau), tau);
        double[] x = MeasureRuns.run(jko).result().states();
        QuantileW2.Pieces mine = new QuantileW2.Pieces(m);
        mine.linear(x, m);
        return QuantileW2.distance(reference, mine);
    }

    /**
     * JKO is first order in tau: its W2 distance to the (much finer) finite-volume solution falls with tau, the
     * differences e(tau) - e(tau/2) halve with tau (ratios 1.8, 2.0, 2.2 measured for M = 800), and the extrapolated
     * limit 2 e(tau) - e(2 tau) is the floor left by the M quantile points, which falls with M (M^-0.8 measured:
     * about 0.015, 0.009, 0.005 for M = 200, 400, 800), i.e. both discretisations converge to the same solution.
     */
    @Test
    void jkoAndFiniteVolumesConvergeToTheSameSolutionAsTheStepShrinks() {
        double[] taus = {0.2, 0.1, 0.05, 0.025};
        double[] e = new double[taus.length];
        for (int k = 0; k < taus.length; k++) {
            e[k] = distance(400, taus[k]);
        }
        for (int k = 1; k < taus.length; k++) {
            assertThat(e[k]).isLessThan(e[k - 1]);
        }
        for (int k = 2; k < taus.length; k++) {
            assertThat((e[k - 2] - e[k - 1]) / (e[k - 1] - e[k])).as("first-order ratio").isBetween(1.5, 2.7);
        }
        double limit400 = 2 * e[3] - e[2];
        double limit200 = 2 * distance(200, 0.025) - distance(200, 0.05);
        double limit800 = 2 * distance(800, 0.025) - distance(800, 0.05);
        assertThat(limit800).isLessThan(limit400).isLessThan(limit200);
        assertThat(limit800).isLessThan(0.01);
        assertThat(e[0]).isGreaterThan(5 * limit800); // the tau error dominates at the coarse steps
    }

    /**
     * With the mass 1/(M - 1) per gap, the discrete stationary state of V = x^2/2 satisfies the virial identity
     * sum_k x_k V'(x_k) = M T exactly: its second moment is T to the Newton tolerance, whatever M.
     */
    @Test
    void theStationaryStateHasTheExactGibbsSecondMoment() {
        for (double beta : new double[] {1, 4}) {
            FlowSpec spec = MeasureRuns.spec(PartChoice.of("ensemble").with("n", 101).with("placement", "quantiles")
                            .with("mean", "1").with("std", "2"), PartChoice.of("wasserstein"),
                    PartChoice.of("test-quadratic"), PartChoice.of("boltzmann").with("beta", beta),
                    PartChoice.of("jko"), 60, 1.0);
            Varflow.Outcome out = MeasureRuns.run(spec);
            double[] x = out.result().states();
            double second = 0;
            for (double v : x) {
                second += v * v / x.length;
            }
            assertThat(second).isCloseTo(1 / beta, within(1e-9));
            assertThat(MeasureRuns.number(out.summary().toMap(), "scheme", "newtonPerStep")).isLessThan(10.0);
        }
    }

    @Test
    void jkoNeedsAOneDimensionalEnsembleAndTheWassersteinMetric() {
        FlowSpec twoD = MeasureRuns.spec(PartChoice.of("ensemble").with("n", 10).with("d", 2),
                PartChoice.of("wasserstein"), PartChoice.of("test-quadratic"), PartChoice.of("boltzmann"),
                PartChoice.of("jko"), 1, 0.1);
        assertThatThrownBy(() -> MeasureRuns.VARFLOW.assemble(twoD)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("one-dimensional ensemble").hasMessageContaining("d = 2");
        FlowSpec stein = MeasureRuns.spec(PartChoice.of("ensemble").with("n", 10), PartChoice.of("stein"),
                PartChoice.of("test-quadratic"), PartChoice.of("boltzmann"), PartChoice.of("jko"), 1, 0.1);
        assertThatThrownBy(() -> MeasureRuns.VARFLOW.assemble(stein)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("(metric 'wasserstein')").hasMessageContaining("metric 'stein' is not one");
    }

    /** The porous medium by JKO: the Tsallis internal energy in quantile coordinates keeps the mass and sorts. */
    @Test
    void jkoHandlesTheTsallisEntropy() {
        FlowSpec spec = MeasureRuns.spec(PartChoice.of("ensemble").with("n", 200).with("placement", "quantiles")
                        .with("init", "uniform").with("std", "0.3"), PartChoice.of("wasserstein"),
                PartChoice.of("test-zero"), PartChoice.of("tsallis").with("m", 2), PartChoice.of("jko"), 50, 0.02);
        double[] x = MeasureRuns.run(spec).result().states();
        for (int k = 1; k < x.length; k++) {
            assertThat(x[k]).isGreaterThan(x[k - 1]);
        }
        // d rho/dt = Laplacian(rho^2) spreads the uniform start: its variance grows (here from 0.09)
        double m2 = 0;
        for (double v : x) {
            m2 += v * v / x.length;
        }
        assertThat(m2).isGreaterThan(0.12);
    }
}
