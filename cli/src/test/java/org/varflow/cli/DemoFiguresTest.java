package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.varflow.Palette;
import org.varflow.Varflow;
import org.varflow.cli.demo.Demo;
import org.varflow.cli.demo.DemoContext;
import org.varflow.cli.demo.Demos;
import org.varflow.cli.plot.FigureData;
import org.varflow.cli.plot.PlotSize;
import org.varflow.core.output.OutputSet;
import org.varflow.core.run.RunControl;

/**
 * Every demonstration, run once at its documented size: each figure agrees with its closed form (the tolerances are
 * stated in the figures: exact grid identities to 1e-6, discretisation errors to a few 1e-3, statistical ones to 4
 * standard errors of the sample size used), and each picture shows what its text claims. The pictures are checked
 * by reading back the data series each one draws ({@code NAME.json}, {@link FigureData}), not its pixels:
 * histograms cover the data they bin, axes are what their titles say, reference curves are there and drawn dashed
 * over the data they would otherwise hide, geometry is on equal scales, legends sit outside the plot.
 */
class DemoFiguresTest {
    private static final Varflow VARFLOW = Varflow.create();
    private static final Map<String, DemoContext> RUNS = new ConcurrentHashMap<>();
    private static final Path DIR = tempDir();
    private static final String REFERENCE = Palette.standard().role("reference");

    static Stream<String> demos() {
        return Demos.all().stream().map(Demo::name);
    }

    /** Runs a demo once (in-process, into a scratch directory) and keeps what it reported. */
    static DemoContext run(String name) {
        return RUNS.computeIfAbsent(name, n -> {
            try (OutputSet outputs = new OutputSet()) {
                DemoContext c = new DemoContext(VARFLOW, RunControl.defaults(), DIR.resolve(n),
                        new PlotSize(640, 448), new PrintWriter(new StringWriter()), outputs);
                Demos.named(n).run(c);
                outputs.commit();
                return c;
            }
        });
    }

    static FigureData figure(String demo, String chart) throws Exception {
        Path json = DIR.resolve(demo).resolve(chart + ".json");
        assertThat(json).as(demo + "/" + chart).exists();
        return FigureData.parse(Files.readString(json));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demos")
    @Timeout(240)
    void everyFigureAgreesAndEveryPictureIsWrittenWithItsData(String name) throws Exception {
        DemoContext c = run(name);
        assertThat(c.figures()).isNotEmpty();
        assertThat(c.figures()).allSatisfy(f -> assertThat(f.ok()).as(f.quantity() + " = " + f.value() + ", "
                + f.expected()).isTrue());
        assertThat(c.charts()).isNotEmpty();
        for (Map.Entry<String, XYChart> e : c.charts().entrySet()) {
            String chart = e.getKey();
            for (String ext : List.of(".png", ".svg", ".json")) {
                assertThat(Files.size(DIR.resolve(name).resolve(chart + ext))).as(chart + ext).isGreaterThan(200);
            }
            assertThat(e.getValue().getStyler().getLegendPosition()).as(chart + ": the legend never covers data")
                    .isEqualTo(Styler.LegendPosition.OutsideS);
            FigureData f = figure(name, chart);
            assertThat(f.x().title()).as(chart).isNotBlank();
            assertThat(f.y().title()).as(chart).isNotBlank();
            assertThat(f.series()).as(chart).isNotEmpty();
            for (FigureData.SeriesData s : f.series()) {
                assertThat(Arrays.stream(s.y()).anyMatch(Double::isFinite)).as(chart + ": " + s.name()).isTrue();
                if (s.colour().equals(REFERENCE) && s.legend()) {
                    // a closed form or a target is drawn dashed (or dotted), so the data under it stays visible
                    assertThat(s.style()).as(chart + ": reference '" + s.name() + "'").isIn("dashed", "dotted");
                }
            }
        }
    }

    @Test
    void leastActionDrawsTheNodesUnderNewtonsPath() throws Exception {
        run("least-action");
        FigureData f = figure("least-action", "least-action-path");
        assertThat(f.x().title()).isEqualTo("t");
        FigureData.SeriesData nodes = f.seriesContaining("converged flow");
        FigureData.SeriesData newton = f.seriesContaining("Newton");
        assertThat(nodes.style()).isEqualTo("markers");
        assertThat(newton.style()).isEqualTo("dashed");
        double dt = 1.5 / 64;
        for (int i = 0; i < nodes.x().length; i++) {
            assertThat(nodes.y()[i]).isCloseTo(Math.sin(nodes.x()[i]) / Math.sin(1.5), within(2 * dt * dt));
        }
        assertThat(nodes.x()[nodes.x().length - 1]).isEqualTo(1.5);
    }

    @Test
    void theBrachistochroneIsAShapeOnEqualScales() throws Exception {
        run("brachistochrone");
        FigureData f = figure("brachistochrone", "brachistochrone-curves");
        assertThat(f.equal()).isTrue();
        assertThat(f.seriesContaining("cycloid").style()).isEqualTo("dashed");
        assertThat(f.seriesContaining("minimiser").style()).isEqualTo("markers");
        assertThat(f.x().min()).isLessThanOrEqualTo(0);
        assertThat(f.x().max()).isGreaterThanOrEqualTo(Math.PI);
    }

    @Test
    void densitySnapshotsStartAtTimeZeroAndEndOnTheClosedForm() throws Exception {
        run("heat");
        FigureData heat = figure("heat", "heat-snapshots");
        assertThat(heat.series()).extracting(FigureData.SeriesData::name).contains("t = 0");
        assertThat(heat.seriesContaining("exact").style()).isEqualTo("dashed");
        FigureData dirichlet = figure("heat", "heat-dirichlet");
        assertThat(dirichlet.y().log()).isTrue();
        assertThat(dirichlet.series("grid").style()).isEqualTo("markers");

        run("fokker-planck");
        FigureData fp = figure("fokker-planck", "fokker-planck-snapshots");
        assertThat(fp.series().get(0).name()).startsWith("t = 0");
        assertThat(fp.seriesContaining("Gibbs").style()).isEqualTo("dashed");
        FigureData kl = figure("fokker-planck", "fokker-planck-kl");
        assertThat(kl.y().log()).isTrue();
        assertThat(kl.x().title()).isEqualTo("time");
        FigureData.SeriesData grid = kl.seriesContaining("finite volumes");
        FigureData.SeriesData exact = kl.seriesContaining("exact");
        FigureData.SeriesData rate = kl.seriesContaining("rate e^-2t");
        assertThat(exact.style()).isEqualTo("dashed");
        assertThat(rate.style()).isEqualTo("dotted");
        for (int i = 0; i < rate.x().length; i++) {
            assertThat(rate.y()[i]).isCloseTo(2 * Math.exp(-2 * rate.x()[i]), within(1e-12 + 1e-9 * rate.y()[i]));
        }
        // the computed KL follows the closed form while it is above the grid's O(dx^2) floor
        for (int i = 0; i < grid.x().length; i++) {
            double t = grid.x()[i];
            double m = 2 * Math.exp(-t);
            double s2 = 1 - 0.75 * Math.exp(-2 * t);
            double closed = 0.5 * (s2 + m * m - 1 - Math.log(s2));
            if (t > 0 && closed > 1e-3) {
                assertThat(grid.y()[i]).as("t = " + t).isCloseTo(closed, within(0.02 * closed));
            }
        }
    }

    @Test
    void jkoHistogramsCoverTheirParticlesAndTheKernelEstimateIsDrawn() throws Exception {
        DemoContext c = run("jko-particles");
        for (String[] pair : new String[][] {{"jko", "jko-particles-histogram"},
            {"kde-particles", "kde-particles-histogram"}}) {
            double[] states = c.runs().get(pair[0]).states();
            FigureData f = figure("jko-particles", pair[1]);
            FigureData.SeriesData bars = f.series().stream().filter(s -> s.style().equals("area")).findFirst()
                    .orElseThrow();
            assertThat(bars.name()).contains("Freedman-Diaconis");
            assertCovers(bars, states);
            assertThat(mass(bars)).isCloseTo(1, within(1e-9));
            assertThat(f.seriesContaining("Gibbs").style()).isEqualTo("dashed");
        }
        assertThat(figure("jko-particles", "kde-particles-histogram").seriesContaining("kernel density estimate")
                .style()).isEqualTo("solid");
        FigureData free = figure("jko-particles", "jko-particles-free-energy");
        assertThat(free.y().log()).isTrue();
        assertThat(free.series()).extracting(FigureData.SeriesData::name).contains("JKO", "KDE flow");
        assertThat(free.series("JKO").colour()).isEqualTo(Palette.standard().colour("jko"));
    }

    @Test
    void lawAndSamplesDrawsTheThreeAndTheirDistances() throws Exception {
        DemoContext c = run("law-and-samples");
        for (String t : List.of("0.3", "1.2", "6")) {
            FigureData f = figure("law-and-samples", "law-and-samples-t" + t);
            assertThat(f.series()).hasSize(4);
            assertThat(f.seriesContaining("exact").style()).isEqualTo("dashed");
            assertThat(f.seriesContaining("grid density").colour())
                    .isEqualTo(Palette.standard().colour("fokker-planck"));
            int frame = (int) Math.round(Double.parseDouble(t) / 0.3);
            assertCovers(f.seriesContaining("thermal noise"), c.runs().get("noise").frames().get(frame).states());
            assertCovers(f.seriesContaining("kernel-density"), c.runs().get("kde").frames().get(frame).states());
        }
        FigureData w2 = figure("law-and-samples", "law-and-samples-w2");
        assertThat(w2.x().title()).isEqualTo("time");
        assertThat(w2.y().log()).isTrue();
        assertThat(w2.seriesContaining("grid").x()).endsWith(6.0);
        assertThat(w2.seriesContaining("sampling scale").style()).isEqualTo("dashed");
        assertThat(DIR.resolve("law-and-samples").resolve("law-and-samples.gif")).exists();
    }

    @Test
    void thePhasePortraitIsRoundAndColouredByMethod() throws Exception {
        run("hamiltonian-vs-gradient");
        FigureData f = figure("hamiltonian-vs-gradient", "phase-portrait");
        assertThat(f.equal()).isTrue();
        FigureData.SeriesData orbit = f.seriesContaining("hamiltonian");
        assertThat(orbit.colour()).isEqualTo(Palette.standard().colour("hamiltonian"));
        assertThat(f.seriesContaining("gradient flow").colour())
                .isEqualTo(Palette.standard().colour("gradient-flow-phase"));
        for (int i = 0; i < orbit.x().length; i++) {
            // leapfrog's orbit is the circle q^2 + p^2 = 1 up to its bounded energy error h^2 H0 / 2 in q^2 + p^2
            assertThat(orbit.x()[i] * orbit.x()[i] + orbit.y()[i] * orbit.y()[i]).isCloseTo(1, within(0.0051));
        }
        assertThat(figure("hamiltonian-vs-gradient", "energy").seriesContaining("H0 e^-2t").style())
                .isEqualTo("dashed");
    }

    @Test
    void sgdChainsShowThePredictedEllipse() throws Exception {
        run("sgd-langevin");
        FigureData f = figure("sgd-langevin", "sgd-chains");
        assertThat(f.equal()).isTrue();
        FigureData.SeriesData predicted = f.seriesContaining("predicted");
        FigureData.SeriesData chains = f.seriesContaining("chains' covariance");
        assertThat(predicted.style()).isEqualTo("dashed");
        // closed curves around the same centre, of the same size to within the sampling error of 2000 chains
        assertThat(predicted.x()[0]).isCloseTo(predicted.x()[predicted.x().length - 1], within(1e-12));
        assertThat(area(chains) / area(predicted)).isCloseTo(1, within(0.15));
    }

    @Test
    void meanFieldLossIsAgainstEpochsAndTheHistogramCoversEveryWeight() throws Exception {
        DemoContext c = run("mean-field");
        FigureData loss = figure("mean-field", "mean-field-loss");
        assertThat(loss.x().title()).startsWith("epoch");
        assertThat(loss.series()).allSatisfy(s -> assertThat(s.x()[s.x().length - 1]).isEqualTo(1500));
        FigureData weights = figure("mean-field", "mean-field-weights");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (String run : List.of("m20", "m200", "m2000")) {
            double[] s = c.runs().get(run).states();
            for (int i = 1; i < s.length; i += 3) {
                lo = Math.min(lo, s[i]);
                hi = Math.max(hi, s[i]);
            }
        }
        for (FigureData.SeriesData h : weights.series()) {
            assertThat(h.x()[0]).isLessThanOrEqualTo(lo);
            assertThat(h.x()[h.x().length - 1]).isGreaterThanOrEqualTo(hi);
            assertThat(mass(h)).isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void generativeFiguresShowTheDataLawAndEpsilonOnTheirAxes() throws Exception {
        DemoContext c = run("generative");
        FigureData samples = figure("generative", "diffusion-samples");
        assertThat(samples.seriesContaining("data law").style()).isEqualTo("dashed");
        assertCovers(samples.seriesContaining("exact score, reverse SDE"), c.runs().get("exact-sde").states());
        assertCovers(samples.seriesContaining("learned score, probability-flow ODE"),
                c.runs().get("learned-ode").states());
        FigureData gap = figure("generative", "bridge-gap");
        assertThat(gap.x().title()).startsWith("epsilon");
        assertThat(gap.x().log()).isTrue();
        assertThat(gap.y().log()).isTrue();
        assertThat(gap.series().get(0).x()).containsExactly(1, 0.3, 0.1, 0.03);
    }

    /** A histogram's outline reaches from the smallest to the largest sample. */
    static void assertCovers(FigureData.SeriesData histogram, double[] samples) {
        double min = Arrays.stream(samples).filter(Double::isFinite).min().orElseThrow();
        double max = Arrays.stream(samples).filter(Double::isFinite).max().orElseThrow();
        assertThat(histogram.x()[0]).as(histogram.name() + ": first edge").isLessThanOrEqualTo(min);
        assertThat(histogram.x()[histogram.x().length - 1]).as(histogram.name() + ": last edge")
                .isGreaterThanOrEqualTo(max);
    }

    /** The area under a histogram outline (x visits each edge twice). */
    static double mass(FigureData.SeriesData outline) {
        double s = 0;
        double[] x = outline.x();
        double[] y = outline.y();
        for (int i = 1; i + 1 < x.length; i += 2) {
            s += y[i] * (x[i + 1] - x[i - 1]);
        }
        return s;
    }

    /** The area inside a closed polygon (shoelace). */
    static double area(FigureData.SeriesData curve) {
        double s = 0;
        double[] x = curve.x();
        double[] y = curve.y();
        for (int i = 0; i + 1 < x.length; i++) {
            s += x[i] * y[i + 1] - x[i + 1] * y[i];
        }
        return Math.abs(s) / 2;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("varflow-demos");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void clean() throws Exception {
        try (Stream<Path> files = Files.walk(DIR)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
