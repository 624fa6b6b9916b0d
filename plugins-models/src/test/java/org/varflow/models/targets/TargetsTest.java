package org.varflow.models.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.Parameters;
import org.varflow.core.CorePlugin;
import org.varflow.Varflow;
import org.varflow.core.run.RunControl;
import org.varflow.models.ModelsPlugin;
import org.varflow.models.TestSpace;
import org.varflow.noise.NoisePlugin;
import org.varflow.schemes.SchemesPlugin;
import org.varflow.models.presets.PresetsPlugin;

class TargetsTest {
    private static final Varflow VARFLOW = Varflow.of(List.of(new CorePlugin(), new NoisePlugin(),
            new ModelsPlugin(), new SchemesPlugin(), new TargetsPlugin(), new PresetsPlugin()));

    static Energy build(EnergyFactory f, int d, Map<String, ?> raw) {
        return f.create(Parameters.resolve("energy '" + f.id() + "'", f.parameters(), raw), new TestSpace(d));
    }

    static void checkGradient(Energy e, double[] x, double tol) {
        double[] g = new double[x.length];
        double v = e.valueAndGradient(x, g);
        assertThat(v).isCloseTo(e.value(x), within(1e-12 * Math.max(1, Math.abs(v))));
        for (int j = 0; j < x.length; j++) {
            double h = 1e-6 * Math.max(1, Math.abs(x[j]));
            double[] p = x.clone();
            double[] q = x.clone();
            p[j] += h;
            q[j] -= h;
            double fd = (e.value(p) - e.value(q)) / (2 * h);
            assertThat(g[j]).as("dE/dx_%d at %s", j, java.util.Arrays.toString(x))
                    .isCloseTo(fd, within(tol * Math.max(1, Math.abs(fd))));
        }
    }

    /**
     * The three minima of Mueller and Brown (1979), given to three decimals: Newton from each listed point
     * converges within 1e-3 of it to a point where the gradient vanishes (to 1e-9), with the known energies.
     */
    @Test
    void mullerBrownMinimaHaveZeroGradient() {
        Energy e = build(new MullerBrownEnergyFactory(), 2, Map.of());
        double[][] minima = {{-0.558, 1.442}, {0.623, 0.028}, {-0.050, 0.467}};
        double[] energies = {-146.70, -108.17, -80.77};
        for (int i = 0; i < 3; i++) {
            double[] x = minima[i].clone();
            double[] g = new double[2];
            e.gradient(x, g);
            double g0 = Math.hypot(g[0], g[1]);
            double[] hess = new double[4];
            for (int it = 0; it < 20; it++) {
                e.gradient(x, g);
                e.hessian(x, hess);
                double det = hess[0] * hess[3] - hess[1] * hess[2];
                assertThat(hess[0]).isPositive();
                assertThat(det).isPositive();
                x[0] -= (hess[3] * g[0] - hess[1] * g[1]) / det;
                x[1] -= (-hess[2] * g[0] + hess[0] * g[1]) / det;
            }
            e.gradient(x, g);
            System.out.printf("Mueller-Brown minimum %d: listed %s |grad| = %.3g, refined (%.5f, %.5f) |grad| = %.2g,"
                    + " V = %.3f%n", i + 1, java.util.Arrays.toString(minima[i]), g0, x[0], x[1],
                    Math.hypot(g[0], g[1]), e.value(x));
            assertThat(Math.hypot(g[0], g[1])).isLessThan(1e-9);
            assertThat(x[0]).isCloseTo(minima[i][0], within(1e-3));
            assertThat(x[1]).isCloseTo(minima[i][1], within(1e-3));
            assertThat(e.value(x)).isCloseTo(energies[i], within(0.01));
            // at the listed (rounded) point the gradient is small against the potential's typical slope (~ 1e3)
            assertThat(g0).isLessThan(2.0);
        }
    }

    @Test
    void mullerBrownGradientAndScale() {
        Energy e = build(new MullerBrownEnergyFactory(), 2, Map.of());
        Energy tenth = build(new MullerBrownEnergyFactory(), 2, Map.of("scale", 0.1));
        for (double[] x : new double[][] {{0, 0}, {-0.8, 1.2}, {0.3, 0.9}, {-1.2, 0.4}}) {
            checkGradient(e, x, 1e-6);
            assertThat(tenth.value(x)).isCloseTo(0.1 * e.value(x), within(1e-12));
        }
        assertThatThrownBy(() -> build(new MullerBrownEnergyFactory(), 3, Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("R^2");
    }

    @Test
    void gaussianMixtureValueGradientAndStability() {
        GaussianMixtureEnergyFactory f = new GaussianMixtureEnergyFactory();
        Energy e = build(f, 2, Map.of("weights", "0.2,0.5,0.3", "means", "-1,0;1,1;0,-2", "stds", "0.5,1;1,0.7;2,2"));
        for (double[] x : new double[][] {{0, 0}, {-1.3, 0.2}, {2, 2}, {0.4, -1.5}}) {
            checkGradient(e, x, 1e-6);
        }
        // one isotropic component: E = |x - mu|^2 / 2 s^2 + d log(s sqrt(2 pi))
        Energy one = build(f, 3, Map.of("weights", "1", "means", "1,2,3", "std", "2"));
        double[] x = {0, 0, 0};
        assertThat(one.value(x)).isCloseTo(14.0 / 8 + 3 * Math.log(2 * Math.sqrt(2 * Math.PI)), within(1e-12));
        // far from every mode (densities underflow to 0 in double) the log-sum-exp form stays finite and exact
        Energy two = build(f, 1, Map.of("weights", "0.5,0.5", "means", "-1;1", "std", "0.01"));
        double[] far = {50};
        double[] g = new double[1];
        double v = two.valueAndGradient(far, g);
        double expected = 49 * 49 / (2 * 1e-4) + Math.log(0.01 * Math.sqrt(2 * Math.PI)) - Math.log(0.5);
        assertThat(v).isCloseTo(expected, within(1e-9 * expected));
        assertThat(g[0]).isCloseTo(49 / 1e-4, within(1e-6));
        assertThatThrownBy(() -> build(f, 2, Map.of("weights", "0.5,0.5", "means", "1,2")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'means' has 1 rows");
        assertThatThrownBy(() -> build(f, 1, Map.of("weights", "0.5,-1")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'weights' entry 2 = -1");
    }

    /**
     * MALA (exact Gibbs law at any step) on E = -log of w = (0.3, 0.7), mu = (-1, 1), s = 0.7, T = 1: 10000
     * independent chains, h = 0.2, 300 steps from x = 0. The sample mean must be the mixture mean 0.4 within 5
     * standard errors (variance 1.33, so 5 SE = 0.058), and the variance 1.33 within 5 SE of the variance
     * (sqrt((m4 - var^2)/N) = 0.018, 5 SE = 0.09).
     */
    @Test
    void langevinSamplesTheMixtureMean() {
        FlowSpec spec = new FlowSpec(null, Map.of(
                PartKind.SPACE, PartChoice.of("euclidean").with("dimension", 1).with("x0", "0"),
                PartKind.METRIC, PartChoice.of("euclidean"),
                PartKind.ENERGY, PartChoice.of("gaussian-mixture").with("weights", "0.3,0.7")
                        .with("means", List.of(List.of(-1.0), List.of(1.0))).with("std", "0.7"),
                PartKind.ENTROPY, PartChoice.of("boltzmann").with("beta", 1.0),
                PartKind.NOISE, PartChoice.of("thermal"),
                PartKind.SCHEME, PartChoice.of("mala")), 300L, null, 0.2, 11L, 10_000, null);
        Varflow.Outcome out = VARFLOW.run(spec, new RunControl(2), null);
        double[] x = out.result().states();
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean) / (x.length - 1);
        }
        double trueVar = 0.49 + 1 - 0.16;
        System.out.printf("mixture sample: mean %.4f (0.4), variance %.4f (%.4f)%n", mean, var, trueVar);
        assertThat(mean).isCloseTo(0.4, within(5 * Math.sqrt(trueVar / x.length)));
        assertThat(var).isCloseTo(trueVar, within(0.09));
    }
}
