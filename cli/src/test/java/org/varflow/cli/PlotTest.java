package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.varflow.cli.plot.Contours;
import org.varflow.cli.plot.ObserverReports;
import org.varflow.cli.plot.PlotFiles;
import org.varflow.cli.plot.PlotSize;
import org.varflow.cli.plot.Plots;
import org.varflow.cli.plot.Trajectory;
import org.w3c.dom.Document;

/**
 * {@code run --plot}: the charts that fit a run are written as PNG of the declared size and as well-formed SVG; they
 * are the same for the same data and differ when the data differ. The numerical pieces (level sets, the Gibbs
 * density, the decay test, observer histories) are checked against exact answers.
 */
class PlotTest {
    @TempDir
    Path dir;

    @Test
    void twoDimensionalRunWritesEnergyAndTrajectoryOfTheDeclaredSize() throws Exception {
        Path out = dir.resolve("gd");
        CliRunner r = CliRunner.run("run", "gradient-descent", "--out", out.toString(), "--plot", "--plot-size",
                "640x480");
        assertThat(r.code()).as(r.err()).isZero();
        for (String name : List.of("energy", "trajectory")) {
            assertPng(out.resolve(name + ".png"), 640, 480);
            assertSvg(out.resolve(name + ".svg"), 640, 480);
        }
        assertThat(out.resolve("histogram.png")).doesNotExist(); // one particle: no histogram
    }

    @Test
    void defaultSizeAndEnsembleAndPhaseSpaceCharts() throws Exception {
        Path lw = dir.resolve("lw");
        CliRunner r = CliRunner.run("run", "langevin", "--particles", "2000", "--time", "1", "--out", lw.toString(),
                "--plot");
        assertThat(r.code()).as(r.err()).isZero();
        assertPng(lw.resolve("energy.png"), PlotSize.DEFAULT.width(), PlotSize.DEFAULT.height());
        assertPng(lw.resolve("histogram.png"), PlotSize.DEFAULT.width(), PlotSize.DEFAULT.height());
        assertSvg(lw.resolve("histogram.svg"), PlotSize.DEFAULT.width(), PlotSize.DEFAULT.height());

        Path ham = dir.resolve("ham");
        CliRunner h = CliRunner.run("run", "hamiltonian", "--out", ham.toString(), "--plot", "--plot-size",
                "400x400");
        assertThat(h.code()).as(h.err()).isZero();
        assertPng(ham.resolve("phase.png"), 400, 400);
        assertSvg(ham.resolve("phase.svg"), 400, 400);
    }

    @Test
    void sameDataSamePicturesDifferentDataDifferentPictures() throws Exception {
        Path a = plot("a", "energy.diag=1,4");
        Path b = plot("b", "energy.diag=1,4");
        Path c = plot("c", "energy.diag=1,10");
        for (String name : List.of("energy", "trajectory")) {
            assertThat(pixels(a.resolve(name + ".png"))).as(name).isEqualTo(pixels(b.resolve(name + ".png")));
            assertThat(pixels(a.resolve(name + ".png"))).as(name).isNotEqualTo(pixels(c.resolve(name + ".png")));
            assertThat(stable(a.resolve(name + ".svg"))).as(name).isEqualTo(stable(b.resolve(name + ".svg")));
            assertThat(stable(a.resolve(name + ".svg"))).as(name).isNotEqualTo(stable(c.resolve(name + ".svg")));
        }
    }

    @Test
    void plotNeedsAnOutputDirectoryAndAValidSize() {
        CliRunner r = CliRunner.run("run", "gradient-descent", "--plot");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("--plot", "--out DIR");
        CliRunner s = CliRunner.run("run", "gradient-descent", "--plot", "--out", dir.toString(), "--plot-size",
                "huge");
        assertThat(s.code()).isEqualTo(Main.USAGE);
        assertThat(s.err()).contains("WIDTHxHEIGHT");
    }

    @Test
    void levelSetsOfACircleLieOnTheCircle() {
        Contours grid = Contours.sample(p -> p[0] * p[0] + p[1] * p[1], -2, 2, -2, 2, 81);
        double[][] line = grid.line(1.0);
        int points = 0;
        int breaks = 0;
        for (int i = 0; i < line[0].length; i++) {
            if (Double.isNaN(line[0][i])) {
                breaks++;
                continue;
            }
            // bilinear interpolation of r^2 on a grid of spacing 0.05 errs by at most h^2/4 in r^2
            assertThat(Math.hypot(line[0][i], line[1][i])).isCloseTo(1.0, within(0.002));
            points++;
        }
        assertThat(breaks).as("one closed curve").isZero();
        assertThat(points).isGreaterThan(60);
        assertThat(line[0][0]).isEqualTo(line[0][line[0].length - 1]);
        assertThat(grid.levels(5)).isSorted().hasSize(5);
        // undefined values leave gaps instead of lines
        Contours holes = Contours.sample(p -> p[0] < 0 ? Double.NaN : p[0] * p[0] + p[1] * p[1], -2, 2, -2, 2, 81);
        double[][] half = holes.line(1.0);
        assertThat(Arrays.stream(half[0]).filter(Double::isFinite).allMatch(x -> x >= -1e-12)).isTrue();
    }

    @Test
    void gibbsDensityIsNormalised() {
        // E = x^2 / 2 at beta = 2: the Gaussian N(0, 1/2), density sqrt(beta / 2 pi) at 0
        double[][] g = Plots.gibbs(x -> x * x / 2, 2, -6, 6, 2001);
        double z = 0;
        for (int i = 1; i < g[0].length; i++) {
            z += 0.5 * (g[1][i] + g[1][i - 1]) * (g[0][i] - g[0][i - 1]);
        }
        assertThat(z).isCloseTo(1.0, within(1e-12));
        assertThat(g[1][1000]).isCloseTo(Math.sqrt(2 / (2 * Math.PI)), within(1e-6));
        assertThat(Plots.gibbs(x -> Double.NaN, 1, 0, 1, 11)).isNull();
    }

    @Test
    void decayIsTellingConvergenceFromFluctuation() {
        double[] exponential = new double[100];
        double[] noisy = new double[100];
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < 100; i++) {
            exponential[i] = -0.5 + Math.exp(-0.3 * i);
            noisy[i] = 0.5 + 0.05 * rnd.nextGaussian();
        }
        assertThat(Plots.decays(exponential)).isTrue();
        assertThat(Plots.decays(noisy)).isFalse();
    }

    @Test
    void distanceObserversOfTheMeasurePluginsAreRead() {
        // the shape the plugins' observers report: an id naming the distance, times / values / final
        Map<String, Object> summary = Map.of("observers", new java.util.LinkedHashMap<>(Map.of(
                "free-energy", Map.of("times", List.of(0.0, 1.0), "values", List.of(1.0, -0.5), "final", -0.5),
                "kl-to-gibbs", Map.of("initial", 2.0, "times", List.of(0.0, 1.0), "values", List.of(2.0, 0.1),
                        "final", 0.1))));
        assertThat(ObserverReports.series(summary)).extracting(Plots.Series::name).containsExactly("kl-to-gibbs");
        assertThat(ObserverReports.finalDistance(summary)).isEqualTo(Map.entry("kl-to-gibbs", 0.1));
    }

    @Test
    void observerHistoriesBecomeADecayChart() {
        Map<String, Object> summary = Map.of("observers", Map.of("w2-to-target", Map.of(
                "time", List.of(0.0, 1.0, 2.0, 3.0), "w2", List.of(1.0, 0.3, 0.1, 0.03), "final", 0.03),
                "mass", Map.of("mass", 1.0)));
        List<Plots.Series> series = ObserverReports.series(summary);
        assertThat(series).extracting(Plots.Series::name).containsExactly("w2-to-target.w2");
        assertThat(ObserverReports.finalDistance(summary)).isEqualTo(Map.entry("w2-to-target", 0.03));
        XYChart chart = Plots.decay("distance", "W2", series, new PlotSize(300, 200));
        assertThat(chart.getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(PlotFiles.png(chart)).isNotEmpty();
    }

    @Test
    void trajectoryCsvIsReadBack() {
        Trajectory t = Trajectory.parse(List.of("step,time,energy,free_energy,mean_x1,var_x1", "0,0.0,1.0,,0.5,1.0",
                "10,0.1,0.5,0.25,0.4,0.9"));
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.isEnsemble()).isTrue();
        assertThat(t.stateColumns()).containsExactly("mean_x1");
        assertThat(t.freeEnergy()[0]).isNaN();
        assertThat(t.step()).containsExactly(0, 10);
    }

    private Path plot(String name, String setting) {
        Path out = dir.resolve(name);
        CliRunner r = CliRunner.run("run", "gradient-descent", "--set", setting, "--steps", "200", "--out",
                out.toString(), "--plot", "--plot-size", "500x350");
        assertThat(r.code()).as(r.err()).isZero();
        return out;
    }

    static void assertPng(Path file, int width, int height) throws Exception {
        assertThat(file).exists();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes.length).isGreaterThan(2000);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as(file.toString()).isNotNull();
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        // not blank: more than two colours
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < height && colours.size() < 3; y += 7) {
            for (int x = 0; x < width; x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours).hasSizeGreaterThan(2);
    }

    static void assertSvg(Path file, int width, int height) throws Exception {
        assertThat(file).exists();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // no DOCTYPE (which would make a parser fetch the W3C DTD): refuse one outright
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(file.toFile());
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(doc.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 " + width + " " + height);
        assertThat(doc.getElementsByTagNameNS("*", "path").getLength()
                + doc.getElementsByTagNameNS("*", "line").getLength()).isGreaterThan(10);
    }

    private static int[] pixels(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** The SVG with its randomly numbered clip-path ids made uniform. */
    private static String stable(Path svg) throws Exception {
        return Files.readString(svg).replaceAll("clip\\d+", "clip");
    }

    static List<String> names(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.forEach(p -> out.add(p.getFileName().toString()));
        }
        return out;
    }
}
