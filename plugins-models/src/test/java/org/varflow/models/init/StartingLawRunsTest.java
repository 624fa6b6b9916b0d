package org.varflow.models.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.Varflow;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.core.CorePlugin;
import org.varflow.core.run.RunControl;
import org.varflow.geometry.GeometryPlugin;
import org.varflow.geometry.symplectic.SymplecticPlugin;
import org.varflow.models.ModelsPlugin;
import org.varflow.models.manifold.ManifoldModelsPlugin;
import org.varflow.models.presets.PresetsPlugin;
import org.varflow.noise.NoisePlugin;
import org.varflow.schemes.SchemesPlugin;

/**
 * Single-point samplers started from a law ({@code space.init}): each chain is drawn from it with its block's stream,
 * so the ensemble of chains is a sample of the law and the run is the same for any thread count. Checked against the
 * Ornstein-Uhlenbeck law of Langevin dynamics on E = x^2/2 started from N(3, 0.5^2).
 */
class StartingLawRunsTest {
    static final Varflow VARFLOW = Varflow.of(List.of(new CorePlugin(), new NoisePlugin(), new ModelsPlugin(),
            new SchemesPlugin(), new GeometryPlugin(), new SymplecticPlugin(), new ManifoldModelsPlugin(),
            new PresetsPlugin()));

    @TempDir
    Path dir;

    static double[] run(FlowSpec spec, int threads) {
        return VARFLOW.run(spec, new RunControl(threads), null).result().states();
    }

    static FlowSpec langevin(PartChoice space) {
        return VARFLOW.registry().preset("langevin").spec().withPart(PartKind.SPACE, space);
    }

    /**
     * dX = -X dt + sqrt(2) dW from X_0 ~ N(3, 1/4): at t = 1, X ~ N(3 e^-1, e^-2 / 4 + 1 - e^-2). Euler-Maruyama with
     * h = 0.01 (100 steps) has the exact discrete law
     * N(3 (1 - h)^100, (1 - h)^200 / 4 + (1 - (1 - h)^200) / (1 - h/2));
     * the sample of 40000 chains matches both within 5 standard errors (mean: sqrt(v/N); variance: v sqrt(2/(N-1))).
     */
    @Test
    void langevinFromAGaussianMatchesTheOrnsteinUhlenbeckLaw() {
        int n = 40_000;
        double h = 0.01;
        FlowSpec spec = langevin(PartChoice.of("euclidean").with("dimension", 1).with("init", "gaussian")
                .with("mean", "3").with("covariance", "0.25")).withParticles(n).withDt(h).withTime(1.0).withSeed(11);
        double[] x = run(spec, 2);
        double mean = mean(x);
        double variance = variance(x);
        double decay = Math.pow(1 - h, 100);
        double emMean = 3 * decay;
        double emVariance = decay * decay / 4 + (1 - decay * decay) / (1 - h / 2);
        double exactMean = 3 * Math.exp(-1);
        double exactVariance = 0.25 * Math.exp(-2) + (1 - Math.exp(-2)) / (1 - h / 2); // with EM's stationary factor
        double seMean = Math.sqrt(emVariance / n);
        double seVariance = emVariance * Math.sqrt(2.0 / (n - 1));
        assertThat(mean).isCloseTo(emMean, within(5 * seMean)).isCloseTo(exactMean, within(5 * seMean));
        assertThat(variance).isCloseTo(emVariance, within(5 * seVariance)).isCloseTo(exactVariance,
                within(5 * seVariance));
        // without init every chain starts at x0 = 1 (the preset's): a different law, many standard errors away
        double[] fromPoint = run(langevin(PartChoice.of("euclidean").with("dimension", 1)).withParticles(n).withDt(h)
                .withTime(1.0).withSeed(11), 2);
        assertThat(Math.abs(mean(fromPoint) - exactMean)).isGreaterThan(50 * seMean);
    }

    /** The draws come from each block's stream before its first step: the same states for 1 and 2 threads. */
    @Test
    void startsDoNotDependOnTheThreadCount() {
        FlowSpec spec = langevin(PartChoice.of("euclidean").with("dimension", 2).with("init", "gaussian")
                .with("covariance", "1,0.5;0.5,2")).withParticles(1000).withSteps(30);
        assertThat(run(spec, 2)).containsExactly(run(spec, 1));
        assertThat(run(spec.withSeed(spec.seed() + 1), 1)).isNotEqualTo(run(spec, 1));
    }

    /** Zero steps show the starting law itself: a correlated Gaussian's sample moments within 5 standard errors. */
    @Test
    void aCorrelatedGaussianStartHasItsCovariance() {
        int n = 20_000;
        FlowSpec spec = langevin(PartChoice.of("euclidean").with("dimension", 2).with("init", "gaussian")
                .with("mean", "1,-2").with("covariance", "1,0.6;0.6,0.5")).withParticles(n).withSteps(0);
        double[] x = run(spec, 2);
        double[] a = column(x, 2, 0);
        double[] b = column(x, 2, 1);
        assertThat(mean(a)).isCloseTo(1, within(5 * Math.sqrt(1.0 / n)));
        assertThat(mean(b)).isCloseTo(-2, within(5 * Math.sqrt(0.5 / n)));
        assertThat(variance(a)).isCloseTo(1, within(5 * Math.sqrt(2.0 / n)));
        assertThat(variance(b)).isCloseTo(0.5, within(5 * 0.5 * Math.sqrt(2.0 / n)));
        // Var of the sample covariance of a bivariate normal: (s11 s22 + s12^2) / n
        assertThat(covariance(a, b)).isCloseTo(0.6, within(5 * Math.sqrt((0.5 + 0.36) / n)));
    }

    @Test
    void aUniformBoxAndSamplesFromAFile() throws Exception {
        int n = 20_000;
        double[] x = run(langevin(PartChoice.of("euclidean").with("dimension", 2).with("init", "uniform")
                .with("box", "-1,1;2,5")).withParticles(n).withSteps(0), 1);
        double[] a = column(x, 2, 0);
        double[] b = column(x, 2, 1);
        assertThat(java.util.Arrays.stream(a).allMatch(v -> v >= -1 && v <= 1)).isTrue();
        assertThat(java.util.Arrays.stream(b).allMatch(v -> v >= 2 && v <= 5)).isTrue();
        assertThat(mean(b)).isCloseTo(3.5, within(5 * Math.sqrt(0.75 / n)));
        assertThat(variance(b)).isCloseTo(0.75, within(0.05));

        Path file = dir.resolve("starts.csv");
        Files.writeString(file, "x,y\n0.5,1\n-2,3\n7,-1\n");
        double[] three = run(langevin(PartChoice.of("euclidean").with("dimension", 2).with("init", "samples")
                .with("file", file.toString())).withParticles(3).withSteps(0), 1);
        assertThat(three).containsExactly(0.5, 1, -2, 3, 7, -1); // as many chains as rows: row k starts chain k
        double[] many = run(langevin(PartChoice.of("euclidean").with("dimension", 2).with("init", "samples")
                .with("file", file.toString())).withParticles(3000).withSteps(0), 2);
        for (int p = 0; p < 3000; p++) {
            assertThat(many[2 * p]).isIn(0.5, -2.0, 7.0); // else drawn from the rows
        }
        assertThat(mean(column(many, 2, 0))).isCloseTo((0.5 - 2 + 7) / 3, within(0.3));
    }

    /** Phase space draws the positions and keeps the momenta at p0; statistical-model draws like euclidean. */
    @Test
    void otherSpacesOfPointsStartFromLawsToo() {
        FlowSpec phase = VARFLOW.registry().preset("underdamped-langevin").spec()
                .withParam(PartKind.SPACE, "init", "gaussian").withParam(PartKind.SPACE, "std", "0.1")
                .withParam(PartKind.SPACE, "p0", "0.7").withParticles(2000).withSteps(0);
        double[] x = run(phase, 1);
        assertThat(mean(column(x, 2, 0))).isCloseTo(1, within(5 * 0.1 / Math.sqrt(2000)));
        assertThat(Math.sqrt(variance(column(x, 2, 0)))).isCloseTo(0.1, within(0.01));
        assertThat(column(x, 2, 1)).containsOnly(0.7);
        FlowSpec model = VARFLOW.registry().preset("natural-gradient").spec()
                .withParam(PartKind.SPACE, "init", "uniform").withParam(PartKind.SPACE, "box", "0,1")
                .withParticles(500).withSteps(0);
        double[] w = run(model, 1);
        assertThat(java.util.Arrays.stream(w).allMatch(v -> v >= 0 && v <= 1)).isTrue();
        assertThat(w).doesNotHaveDuplicates();
    }

    @Test
    void badStartsAreRefusedByName() {
        FlowSpec base = langevin(PartChoice.of("euclidean").with("dimension", 2));
        assertThatThrownBy(() -> VARFLOW.assemble(base.withParam(PartKind.SPACE, "init", "gaussian")))
                .hasMessageContaining("space 'euclidean': init gaussian needs 'std' (standard deviations per axis)"
                        + " or 'covariance'");
        assertThatThrownBy(() -> VARFLOW.assemble(base.withParam(PartKind.SPACE, "init", "gaussian")
                .withParam(PartKind.SPACE, "covariance", "1,2;2,1")))
                .hasMessageContaining("parameter 'covariance' is not positive definite");
        assertThatThrownBy(() -> VARFLOW.assemble(base.withParam(PartKind.SPACE, "init", "gaussian")
                .withParam(PartKind.SPACE, "covariance", "1,2,3")))
                .hasMessageContaining("parameter 'covariance' is 1 x 3 but the points have dimension 2");
        assertThatThrownBy(() -> VARFLOW.assemble(base.withParam(PartKind.SPACE, "box", "0,1")))
                .hasMessageContaining("parameter 'box' belongs to a starting law, but init is not given");
        assertThatThrownBy(() -> VARFLOW.assemble(base.withParam(PartKind.SPACE, "init", "samples")
                .withParam(PartKind.SPACE, "file", dir.resolve("missing.csv").toString())))
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> VARFLOW.assemble(base.withParam(PartKind.SPACE, "init", "uniform")
                .withParam(PartKind.SPACE, "box", "1,0")))
                .hasMessageContaining("axis 1 has lower = 1, upper = 0; need lower < upper");
    }

    static double[] column(double[] x, int d, int i) {
        double[] out = new double[x.length / d];
        for (int p = 0; p < out.length; p++) {
            out[p] = x[p * d + i];
        }
        return out;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double variance(double[] v) {
        return covariance(v, v);
    }

    static double covariance(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - ma) * (b[i] - mb);
        }
        return s / (a.length - 1);
    }
}
