package org.varflow.models.meanfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.core.CorePlugin;
import org.varflow.Varflow;
import org.varflow.core.run.RunControl;
import org.varflow.measures.MeasuresPlugin;
import org.varflow.testkit.Allocations;
import org.varflow.models.ModelsPlugin;
import org.varflow.noise.NoisePlugin;
import org.varflow.models.presets.PresetsPlugin;
import org.varflow.models.presets.MeanFieldPresets;

class MeanFieldNetworkTest {
    private static final Varflow VARFLOW = Varflow.of(List.of(new CorePlugin(), new NoisePlugin(),
            new ModelsPlugin(), new MeasuresPlugin(), new MeanFieldPlugin(), new PresetsPlugin()));
    private static final TrainingSet DATA = TrainingSet.of("sin-3sin", 64, -1, 1);

    @Test
    void dataAreTheSeeds() {
        assertThat(DATA.size()).isEqualTo(64);
        assertThat(DATA.xs()[0]).isEqualTo(-1.0);
        assertThat(DATA.xs()[63]).isEqualTo(1.0);
        double x = DATA.xs()[20];
        assertThat(DATA.ys()[20]).isCloseTo(Math.sin(Math.PI * x) + 0.5 * Math.sin(3 * Math.PI * x), within(1e-15));
    }

    /** Central differences, step 1e-6: agreement to 1e-7 relative to the largest partial derivative. */
    @Test
    void gradientMatchesFiniteDifferences() {
        int m = 9;
        MeanFieldRisk risk = new MeanFieldRisk(DATA, m);
        double[] theta = new double[3 * m];
        SplittableRandom rng = new SplittableRandom(3);
        for (int j = 0; j < theta.length; j++) {
            theta[j] = rng.nextDouble(-1.5, 1.5);
        }
        double[] g = new double[theta.length];
        double e = risk.valueAndGradient(theta, g);
        assertThat(e).isCloseTo(risk.value(theta), within(0.0));
        double[] g2 = new double[theta.length];
        risk.gradient(theta, g2);
        assertThat(g2).containsExactly(g);
        double scale = 0;
        for (double v : g) {
            scale = Math.max(scale, Math.abs(v));
        }
        double h = 1e-6;
        for (int j = 0; j < theta.length; j++) {
            double[] p = theta.clone();
            double[] q = theta.clone();
            p[j] += h;
            q[j] -= h;
            double fd = (risk.value(p) - risk.value(q)) / (2 * h);
            assertThat(g[j]).as("dE/dtheta_%d", j).isCloseTo(fd, within(1e-7 * scale));
        }
        // E = m R, and R is the mean squared residual over 2
        double r = 0;
        for (int k = 0; k < 64; k++) {
            double d = risk.predict(theta, DATA.xs()[k]) - DATA.ys()[k];
            r += d * d / 128;
        }
        assertThat(risk.risk(theta)).isCloseTo(r, within(1e-14));
    }

    /**
     * The kink algorithm (sorted data, runs of active points, prefix and suffix sums) against a dense term-by-term
     * pass written out here, on shuffled data with ties, and neurons that are flat (w = 0), active nowhere,
     * everywhere, or kinked exactly on a data point: predictions, loss and gradient agree to 1e-13 relative to
     * the largest of each (rounding, from the different summation order).
     */
    @Test
    void kinkAlgorithmEqualsTheDensePass() {
        SplittableRandom rng = new SplittableRandom(8);
        int n = 50;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = k % 7 == 0 ? 0.25 : rng.nextDouble(-2, 2);   // ties at 0.25
            ys[k] = Math.cos(3 * xs[k]);
        }
        TrainingSet data = new TrainingSet(xs, ys);
        int m = 40;
        double[] theta = new double[3 * m];
        for (int j = 0; j < theta.length; j++) {
            theta[j] = rng.nextDouble(-2, 2);
        }
        theta[3 * 1 + 1] = 0;      // flat, active (b > 0)
        theta[3 * 1 + 2] = 0.7;
        theta[3 * 2 + 1] = 0;      // flat, inactive
        theta[3 * 2 + 2] = -0.3;
        theta[3 * 3 + 1] = 1;      // kink exactly at the tied point 0.25: z = 0 there, inactive
        theta[3 * 3 + 2] = -0.25;
        theta[3 * 4 + 1] = -1e-3;  // active everywhere
        theta[3 * 4 + 2] = 5;
        theta[3 * 5 + 1] = 2;      // active nowhere
        theta[3 * 5 + 2] = -9;
        MeanFieldRisk risk = new MeanFieldRisk(data, m);

        double[] f = new double[n];
        double[] r = new double[n];
        double e = 0;
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < m; i++) {
                f[k] += theta[3 * i] * Math.max(theta[3 * i + 1] * xs[k] + theta[3 * i + 2], 0.0) / m;
            }
            r[k] = f[k] - ys[k];
            e += m * r[k] * r[k] / (2.0 * n);
        }
        double[] g = new double[3 * m];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < n; k++) {
                double z = theta[3 * i + 1] * xs[k] + theta[3 * i + 2];
                if (z > 0) {
                    g[3 * i] += r[k] * z / n;
                    g[3 * i + 1] += theta[3 * i] * r[k] * xs[k] / n;
                    g[3 * i + 2] += theta[3 * i] * r[k] / n;
                }
            }
        }
        double[] fast = new double[n];
        risk.predict(theta, fast);
        double[] fastG = new double[3 * m];
        double fastE = risk.valueAndGradient(theta, fastG);
        assertThat(fastE).isCloseTo(e, within(1e-13 * e));
        double fScale = 0;
        double gScale = 0;
        for (double v : f) {
            fScale = Math.max(fScale, Math.abs(v));
        }
        for (double v : g) {
            gScale = Math.max(gScale, Math.abs(v));
        }
        for (int k = 0; k < n; k++) {
            assertThat(fast[k]).as("f(x_%d)", k).isCloseTo(f[k], within(1e-13 * fScale));
        }
        for (int j = 0; j < 3 * m; j++) {
            assertThat(fastG[j]).as("dE/dtheta_%d", j).isCloseTo(g[j], within(1e-13 * gScale));
        }
        // a non-finite neuron poisons every prediction, as the dense pass does, so divergence is not hidden
        theta[3 * 7 + 1] = Double.NaN;
        assertThat(risk.value(theta)).isNaN();
    }

    /** Criterion: the preset's flow (h = 0.2, 1500 epochs) never increases R, and ends below a tenth of R_0. */
    @Test
    void lossDecreasesMonotonically() {
        WidthSweep.Config c = new WidthSweep.Config(new int[] {200}, 1500, 64, "sin-3sin", MeanFieldPresets.DT,
                WidthSweep.StepRule.MEAN_FIELD, 1, new double[] {1, 1, 1}, new int[0], 10, 4);
        double[] loss = WidthSweep.run(c).runs().get(0).loss();
        int increases = 0;
        for (int e = 1; e < loss.length; e++) {
            if (loss[e] > loss[e - 1]) {
                increases++;
            }
        }
        System.out.printf("mean-field m=200: R0 = %.5f, R500 = %.5f, R1500 = %.5f, increases %d%n", loss[0],
                loss[500], loss[1500], increases);
        assertThat(increases).isZero();
        assertThat(loss[1500]).isLessThan(0.1 * loss[0]);
    }

    /** The seed's sweep: 20, 200, 2000 neurons, 1500 epochs, step h sqrt(m / 2000), seed 1. */
    @Test
    void widerNetworksReachLowerLossAtEqualEpochs() {
        WidthSweep.Result result = WidthSweep.run(WidthSweep.Config.seedExperiment());
        List<WidthSweep.Run> runs = result.runs();
        for (WidthSweep.Run r : runs) {
            System.out.printf("seed rule m=%d h=%.4f: R0 = %.5f, R1500 = %.5f, w std %.3f -> %.3f%n", r.width(),
                    r.dt(), r.loss()[0], r.finalLoss(), r.histograms().get(0).std(),
                    r.histograms().get(r.histograms().size() - 1).std());
            assertThat(r.loss()).hasSize(1501);
            assertThat(r.histograms()).extracting(WidthSweep.Histogram::epoch).containsExactly(0, 200, 500, 1500);
        }
        assertThat(runs.get(1).finalLoss()).isLessThan(runs.get(0).finalLoss());
        assertThat(runs.get(2).finalLoss()).isLessThan(runs.get(1).finalLoss());
        // the histograms are densities: the mass inside the window [-6, 6] is at most 1
        WidthSweep.Histogram h = runs.get(2).histograms().get(0);
        double mass = 0;
        for (double d : h.density()) {
            mass += d * h.width();
        }
        assertThat(mass).isBetween(0.99, 1.0 + 1e-12);
    }

    /**
     * With the width-independent step all widths follow the same mean-field limit: at 1500 epochs the losses of
     * m = 200 and m = 2000 agree to 2%.
     */
    @Test
    void meanFieldStepGivesWidthIndependentCurves() {
        WidthSweep.Config c = new WidthSweep.Config(new int[] {200, 2000}, 1500, 64, "sin-3sin",
                MeanFieldPresets.DT, WidthSweep.StepRule.MEAN_FIELD, 1, new double[] {1, 1, 1}, new int[0], 10, 4);
        List<WidthSweep.Run> runs = WidthSweep.run(c).runs();
        System.out.printf("mean-field rule: R1500 = %.5f (m=200), %.5f (m=2000)%n", runs.get(0).finalLoss(),
                runs.get(1).finalLoss());
        assertThat(runs.get(1).finalLoss()).isCloseTo(runs.get(0).finalLoss(),
                within(0.02 * runs.get(0).finalLoss()));
    }

    /** The preset through the runner is the sweep's width-200 run, bit for bit, with 1 or 2 threads. */
    @Test
    void presetEqualsSweepAndIsThreadIndependent() {
        FlowSpec spec = VARFLOW.registry().preset("mean-field-network").spec().withSteps(300);
        Varflow.Outcome one = VARFLOW.run(spec, new RunControl(1), null);
        Varflow.Outcome two = VARFLOW.run(spec, new RunControl(2), null);
        assertThat(two.result().states()).containsExactly(one.result().states());

        WidthSweep.Config c = new WidthSweep.Config(new int[] {200}, 300, 64, "sin-3sin", MeanFieldPresets.DT,
                WidthSweep.StepRule.MEAN_FIELD, 1, new double[] {1, 1, 1}, new int[0], 10, 4);
        WidthSweep.Run run = WidthSweep.run(c).runs().get(0);
        assertThat(one.result().states()).containsExactly(run.state());

        @SuppressWarnings("unchecked")
        Map<String, Object> loss = (Map<String, Object>) ((Map<String, Object>) one.summary().toMap().get("observers"))
                .get("training-loss");
        assertThat((Double) loss.get("final")).isEqualTo(run.finalLoss());
        assertThat((Double) loss.get("initial")).isEqualTo(run.loss()[0]);
        assertThat(loss.get("increases")).isEqualTo(0L);
        assertThat(((Number) one.summary().toMap().get("energy")).doubleValue()).isCloseTo(200 * run.finalLoss(),
                within(1e-12));
    }

    @Test
    void gradientAllocatesNothing() {
        MeanFieldRisk risk = new MeanFieldRisk(DATA, 500);
        double[] theta = WidthSweep.initialNeurons(500, new double[] {1, 1, 1}, 2);
        double[] g = new double[theta.length];
        assertThat(Allocations.bytesAllocatedBy(() -> {
            for (int i = 0; i < 20; i++) {
                risk.valueAndGradient(theta, g);
            }
        })).isZero();
    }

    @Test
    void refusesSpacesThatAreNotEnsemblesOfNeurons() {
        FlowSpec spec = VARFLOW.registry().preset("mean-field-network").spec();
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withParam(PartKind.SPACE, "d", 2)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("mean-field-network")
                .hasMessageContaining("d = 3 (got d = 2)");
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withPart(PartKind.SPACE, PartChoice.of("euclidean"))
                .withPart(PartKind.METRIC, PartChoice.of("euclidean"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'ensemble' space");
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withParam(PartKind.ENERGY, "target", "cos")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("target");
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withParam(PartKind.ENERGY, "lower", 2)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("lower < upper");
    }

    @Test
    void presetExplainsItself() {
        var preset = VARFLOW.registry().preset("mean-field-network");
        assertThat(preset.references()).hasSize(3);
        assertThat(preset.equation()).contains("-m grad_theta_i R");
        assertThat(preset.spec().part(PartKind.SPACE).params()).containsEntry("n", 200);
        assertThat(preset.spec().stepCount()).isEqualTo(1500);
    }
}
