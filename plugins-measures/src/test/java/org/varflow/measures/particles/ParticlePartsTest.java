package org.varflow.measures.particles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.varflow.api.Energy;
import org.varflow.api.FlowSpec;
import org.varflow.api.Noise;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.init.StartingLaw;
import org.varflow.Varflow;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.measures.MeasureRuns;

/** Ensembles: the space, the lifted energies, the kernel-density score and the interaction energy. */
class ParticlePartsTest {

    static FlowSpec ensemble(PartChoice space, PartChoice energy) {
        return MeasureRuns.spec(space, PartChoice.of("wasserstein"), energy, PartChoice.of("boltzmann"),
                PartChoice.of("euler-maruyama"), 1, 0.01).withPart(PartKind.NOISE, "kde-score");
    }

    @Test
    void quantilePlacementIsTheSortedMidQuantilesAndRandomPlacementIsSeeded() {
        AssembledFlow q = MeasureRuns.VARFLOW.assemble(ensemble(PartChoice.of("ensemble").with("n", 4)
                .with("placement", "quantiles").with("mean", "1").with("std", "2"), PartChoice.of("test-zero")));
        double[] x = q.flow().space().initialState();
        // F^-1(1/8) = 1 + 2 * (-1.150349380) for N(1, 4)
        assertThat(x[0]).isCloseTo(1 - 2 * 1.1503493803760079, within(1e-9));
        assertThat(x[3]).isCloseTo(1 + 2 * 1.1503493803760079, within(1e-9));
        assertThat(x[1]).isLessThan(x[2]);
        PartChoice random = PartChoice.of("ensemble").with("n", 50).with("d", 2).with("seed", 9);
        double[] a = MeasureRuns.VARFLOW.assemble(ensemble(random, PartChoice.of("test-zero"))).flow().space()
                .initialState();
        double[] b = MeasureRuns.VARFLOW.assemble(ensemble(random, PartChoice.of("test-zero"))).flow().space()
                .initialState();
        double[] c = MeasureRuns.VARFLOW.assemble(ensemble(random.with("seed", 10), PartChoice.of("test-zero")))
                .flow().space().initialState();
        assertThat(a).containsExactly(b).hasSize(100);
        assertThat(a).isNotEqualTo(c);
        assertThat(StartingLaw.normalCdf(1.959963984540054)).isCloseTo(0.975, within(1e-15));
    }

    @Test
    void potentialsAreLiftedToExtensiveEnergiesWithPerParticleGradients() {
        AssembledFlow f = MeasureRuns.VARFLOW.assemble(ensemble(PartChoice.of("ensemble").with("n", 3).with("d", 2),
                PartChoice.of("test-quadratic").with("a", 2).with("c", 1)));
        double[] x = {0, 0, 1, 2, 3, -1};
        Energy e = f.flow().energy();
        // E = sum_p |x_p - 1|^2 = 2 + 1 + (4 + 4) = 11; dE/dx_p = 2 (x_p - 1)
        assertThat(e.value(x)).isCloseTo(11, within(1e-15));
        double[] g = new double[6];
        e.gradient(x, g);
        assertThat(g).containsExactly(-2, -2, 0, 2, 4, -4);
    }

    /** The blocked pair sums against the plain double loop, in one and three dimensions, N = 150 (three blocks). */
    @Test
    void blockedKernelSumsEqualTheDirectSums() {
        for (int d : new int[] {1, 3}) {
            int n = 150;
            SplittableRandom rng = new SplittableRandom(5);
            double[] x = new double[n * d];
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextGaussian();
            }
            double sigma = 0.4;
            double[] out = new double[n * d + n];
            KernelSums.gaussian(x, n, d, sigma, out, n * d);
            for (int p = 0; p < n; p++) {
                double den = 0;
                double[] num = new double[d];
                for (int q = 0; q < n; q++) {
                    double r2 = 0;
                    for (int a = 0; a < d; a++) {
                        r2 += (x[p * d + a] - x[q * d + a]) * (x[p * d + a] - x[q * d + a]);
                    }
                    double w = Math.exp(-r2 / (2 * sigma * sigma));
                    den += w;
                    for (int a = 0; a < d; a++) {
                        num[a] += w * (x[q * d + a] - x[p * d + a]);
                    }
                }
                assertThat(out[n * d + p]).isCloseTo(den, within(1e-12 * den));
                for (int a = 0; a < d; a++) {
                    assertThat(out[p * d + a]).isCloseTo(num[a], within(1e-12 * (1 + den)));
                }
            }
        }
    }

    /** One kde-score increment is -h T grad log rho^(x_p), checked against the kernel density's own derivative. */
    @Test
    void kdeScoreIncrementIsTheEntropicVelocityOfTheKernelDensity() {
        FlowSpec spec = ensemble(PartChoice.of("ensemble").with("n", 40).with("seed", 2), PartChoice.of("test-zero"))
                .withPart(PartKind.NOISE, PartChoice.of("kde-score").with("bandwidth", "fixed").with("length", 0.3))
                .withParam(PartKind.ENTROPY, "beta", 0.5);
        AssembledFlow f = MeasureRuns.VARFLOW.assemble(spec);
        double[] x = f.flow().space().initialState();
        Noise noise = f.flow().noise();
        double[] out = new double[40];
        noise.addIncrement(x, 0.01, 2.0, f.flow().metric(), null, new double[80], out);
        for (int p = 0; p < 40; p++) {
            double step = 1e-6;
            double score = (logKde(x, x[p] + step, 0.3) - logKde(x, x[p] - step, 0.3)) / (2 * step);
            assertThat(out[p]).isCloseTo(-0.01 * 2.0 * score, within(1e-7));
        }
        assertThat(noise).isNotInstanceOf(org.varflow.api.NoNoise.class);
    }

    /**
     * The fast Gauss transform changes the cost, not the flow: 300 steps of 800 particles in the double well (the
     * W5 workload's shape) end within 1e-11 of the direct pair sums, particle by particle, which is the rounding
     * level of the sums amplified by the steps. It is refused with a clear message in two dimensions.
     */
    @Test
    void fastGaussSummationFollowsTheDirectSums() {
        double[][] ends = new double[2][];
        String[] ways = {"direct", "fast-gauss"};
        for (int i = 0; i < 2; i++) {
            FlowSpec spec = MeasureRuns.spec(PartChoice.of("ensemble").with("n", 800).with("mean", "2")
                            .with("std", "0.3").with("placement", "random").with("seed", 5),
                    PartChoice.of("wasserstein"), PartChoice.of("test-quadratic"), PartChoice.of("boltzmann"),
                    PartChoice.of("euler-maruyama"), 300, 0.01)
                    .withPart(PartKind.NOISE, PartChoice.of("kde-score").with("bandwidth", "fixed")
                            .with("length", 0.1).with("summation", ways[i]));
            ends[i] = MeasureRuns.run(spec).result().states();
        }
        double worst = 0;
        for (int p = 0; p < ends[0].length; p++) {
            worst = Math.max(worst, Math.abs(ends[0][p] - ends[1][p]));
        }
        assertThat(worst).isLessThan(1e-11);
        assertThat(ends[0]).isNotEqualTo(ends[1]);   // two computations, not one path taken twice

        FlowSpec flat = ensemble(PartChoice.of("ensemble").with("n", 40).with("d", 2), PartChoice.of("test-zero"))
                .withPart(PartKind.NOISE, PartChoice.of("kde-score").with("summation", "fast-gauss"));
        assertThatThrownBy(() -> MeasureRuns.VARFLOW.assemble(flat))
                .hasMessageContaining("kde-score").hasMessageContaining("d = 2").hasMessageContaining("direct");
    }

    /**
     * One ensemble is one state: with two threads the runner hands its pool to kde-score, whose fast Gauss transform
     * splits its box loops; the run's states are bitwise those of one thread.
     */
    @Test
    void kdeScoreRunsGiveBitwiseTheSameStatesOnOneAndTwoThreads() {
        FlowSpec spec = MeasureRuns.spec(PartChoice.of("ensemble").with("n", 3000).with("mean", "2")
                        .with("std", "0.3").with("placement", "random").with("seed", 5),
                PartChoice.of("wasserstein"), PartChoice.of("test-double-well"), PartChoice.of("boltzmann"),
                PartChoice.of("euler-maruyama"), 60, 0.01)
                .withPart(PartKind.NOISE, PartChoice.of("kde-score").with("bandwidth", "fixed").with("length", 0.02)
                        .with("summation", "fast-gauss"));
        double[] one = MeasureRuns.VARFLOW.run(spec, new org.varflow.core.run.RunControl(1), null).result().states();
        double[] two = MeasureRuns.VARFLOW.run(spec, new org.varflow.core.run.RunControl(2), null).result().states();
        double[] start = MeasureRuns.VARFLOW.assemble(spec).flow().space().initialState();
        assertThat(two).isEqualTo(one);
        assertThat(one).isNotEqualTo(start);
    }

    private static double logKde(double[] x, double at, double sigma) {
        double s = 0;
        for (double v : x) {
            s += Math.exp(-(at - v) * (at - v) / (2 * sigma * sigma));
        }
        return Math.log(s);
    }

    /** Interaction energies: gradients against central differences on ensembles (pairs) and grids. */
    @Test
    void interactionGradientsMatchFiniteDifferences() {
        for (String kernel : new String[] {"gaussian", "quadratic", "power"}) {
            PartChoice energy = PartChoice.of("interaction").with("kernel", kernel).with("strength", 1.3)
                    .with("length", 0.7).with("a", 3).with("b", 1.5).with("confinement", 0.4);
            AssembledFlow f = MeasureRuns.VARFLOW.assemble(ensemble(PartChoice.of("ensemble").with("n", 70)
                    .with("d", 2).with("seed", 4), energy));
            checkGradient(f.flow().energy(), f.flow().space().initialState(), 1e-6);
            AssembledFlow g = MeasureRuns.VARFLOW.assemble(MeasureRuns.spec(PartChoice.of("grid-2d")
                            .with("cells", "7,6").with("std", "1.5"), PartChoice.of("wasserstein"), energy,
                    PartChoice.of("boltzmann"), PartChoice.of("density-euler"), 1, 0.01));
            checkGradient(g.flow().energy(), g.flow().space().initialState(), 1e-6);
        }
    }

    private static void checkGradient(Energy e, double[] x, double tolerance) {
        double[] g = new double[x.length];
        e.gradient(x, g);
        double[] y = x.clone();
        for (int i = 0; i < x.length; i++) {
            double step = 1e-5 * Math.max(1, Math.abs(x[i]));
            y[i] = x[i] + step;
            double up = e.value(y);
            y[i] = x[i] - step;
            double down = e.value(y);
            y[i] = x[i];
            assertThat(g[i]).as("coordinate %d", i).isCloseTo((up - down) / (2 * step),
                    within(tolerance * Math.max(1, Math.abs(g[i]))));
        }
    }

    /**
     * Aggregation with the quadratic kernel W = s |z|^2 / 2 and no entropy: every particle moves to the centre of mass
     * at rate s, x_p(t) - m = e^-st (x_p(0) - m), and explicit Euler multiplies by (1 - s h) per step exactly.
     */
    @Test
    void quadraticAggregationContractsToTheCentreOfMass() {
        FlowSpec spec = MeasureRuns.spec(PartChoice.of("ensemble").with("n", 30).with("d", 2).with("seed", 8)
                        .with("mean", "3"), PartChoice.of("wasserstein"), PartChoice.of("interaction")
                        .with("kernel", "quadratic").with("strength", 2.0), PartChoice.of("none"),
                PartChoice.of("euler"), 50, 0.01);
        Varflow.Outcome out = MeasureRuns.run(spec);
        double[] x0 = out.assembled().flow().space().initialState();
        double[] x = out.result().states();
        double[] m = new double[2];
        for (int p = 0; p < 30; p++) {
            m[0] += x0[2 * p] / 30;
            m[1] += x0[2 * p + 1] / 30;
        }
        double factor = Math.pow(1 - 2 * 0.01, 50);
        for (int p = 0; p < 30; p++) {
            for (int a = 0; a < 2; a++) {
                assertThat(x[2 * p + a]).isCloseTo(m[a] + factor * (x0[2 * p + a] - m[a]), within(1e-12));
            }
        }
        // a deterministic flow: core's dissipation check applies and the energy never increases
        Map<String, Object> d = MeasureRuns.get(out.summary().toMap(), "diagnostics");
        assertThat(((Number) d.get("energyIncreases")).longValue()).isZero();
    }

    /**
     * Particle Fokker-Planck realised by the kernel-density score (deterministic): V = x^2/2, T = 1, N = 1000 from
     * N(2, 0.5^2), t = 6, Silverman's bandwidth. The particles relax to the Gibbs law deconvolved by the kernel:
     * their variance tends to 1 - sigma^2 with sigma = 1.059 N^-1/5 s (s the cloud's spread), i.e. about 0.934, and
     * their mean to 0 (the mean obeys m' = -m exactly: the score sums to zero over the particles by antisymmetry).
     */
    @Test
    void kdeScoreParticlesRelaxToTheDeconvolvedGibbsLaw() {
        FlowSpec spec = MeasureRuns.spec(PartChoice.of("ensemble").with("n", 1000).with("mean", "2").with("std", "0.5")
                        .with("placement", "quantiles"), PartChoice.of("wasserstein"), PartChoice.of("test-quadratic"),
                PartChoice.of("boltzmann"), PartChoice.of("euler-maruyama"), 600, 0.01)
                .withPart(PartKind.NOISE, "kde-score");
        Varflow.Outcome out = MeasureRuns.run(spec);
        double[] x = out.result().states();
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean) / (x.length - 1);
        }
        // the mean: (1 - h)^600 * 2 exactly (up to rounding)
        assertThat(mean).isCloseTo(2 * Math.pow(0.99, 600), within(1e-10));
        // the fixed point: var = 1 - sigma^2, sigma^2 = (1.059 * 1000^-0.2)^2 var; self-consistently var = 1/(1 + c)
        double c = Math.pow(Math.pow(4.0 / 3, 0.2) * Math.pow(1000, -0.2), 2);
        assertThat(var).isCloseTo(1 / (1 + c), within(0.01));
    }
}
