package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.Palette;
import org.varflow.cli.plot.FigureData;

/**
 * The charts of {@code run --plot} and {@code compare}, read back from the data they draw ({@code NAME.json}): energy
 * curves above their limit E* (no dip at the end), the free energy with the minimum -T log Z it falls to, the law
 * of measure-valued runs with the Gibbs law, animations, equal scales, and one colour per method across overlays.
 */
class RunFiguresTest {
    @TempDir
    Path dir;

    private Path run(String name, String... args) {
        Path out = dir.resolve(name);
        String[] all = new String[args.length + 5];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--out", out.toString(), "--plot", "-q", "--summary"}, 0, all, args.length,
                5);
        String[] withSummary = Arrays.copyOf(all, all.length + 1);
        withSummary[all.length] = out.resolve("s.json").toString();
        CliRunner r = CliRunner.run(withSummary);
        assertThat(r.code()).as(r.err()).isZero();
        return out;
    }

    private static FigureData figure(Path dir, String name) throws Exception {
        return FigureData.parse(Files.readString(dir.resolve(name + ".json")));
    }

    @Test
    void aDecayingEnergyIsDrawnAboveItsLimitWithoutADipAtTheEnd() throws Exception {
        // 200 steps end with a gap of about 4e-9, well above rounding
        Path gd = run("gd", "run", "gradient-descent", "--steps", "200", "--every", "1");
        FigureData energy = figure(gd, "energy");
        assertThat(energy.y().log()).isTrue();
        FigureData.SeriesData gap = energy.series().get(0);
        // E* = -0.625, the minimum of x^T A x / 2 - b^T x for A = diag(1, 4), b = (1, 1), extrapolated (Aitken)
        assertThat(gap.name()).contains("E* = -0.625", "extrapolated");
        // a straight line: Euler's slow mode contracts the gap by (1 - h)^2 = 0.9025 per step to the very end
        double[] y = Arrays.stream(gap.y()).filter(Double::isFinite).toArray();
        assertThat(y[y.length - 1]).isGreaterThan(1e-10);
        assertThat(y[y.length - 1] / y[y.length - 2]).isCloseTo(0.9025, within(1e-4));
        assertThat(figure(gd, "trajectory").equal()).isTrue();
    }

    @Test
    void theLangevinFreeEnergyIsLabelledAnEstimateAndFallsToMinusTLogZ() throws Exception {
        Path dw = run("dw", "run", "langevin", "--energy", "double-well", "--set", "entropy.beta=3", "--time", "8",
                "--particles", "3000");
        FigureData energy = figure(dw, "energy");
        assertThat(energy.seriesContaining("F estimated").style()).isEqualTo("solid");
        FigureData.SeriesData min = energy.seriesContaining("-T log Z");
        assertThat(min.style()).isEqualTo("dashed");
        // -T log Z of the double well at beta = 3 (Gauss-Legendre in FigureToolsTest: -0.26406)
        assertThat(min.y()[0]).isCloseTo(-0.26406, within(1e-4));
        FigureData histogram = figure(dw, "histogram");
        assertThat(histogram.series().get(0).name()).contains("3000 particles", "Freedman-Diaconis");
        assertThat(histogram.seriesContaining("Gibbs").style()).isEqualTo("dashed");
        assertThat(frames(dw.resolve("law.gif"))).isGreaterThan(10);
    }

    @Test
    void aGridDensityDrawsItsLawFromTimeZeroAndItsExactMinimum() throws Exception {
        Path fp = run("fp", "run", "fokker-planck", "--time", "3");
        FigureData law = figure(fp, "law");
        assertThat(law.series().get(0).name()).isEqualTo("t = 0");
        assertThat(law.series().get(0).colour()).isEqualTo(Palette.standard().role("initial"));
        assertThat(law.seriesContaining("Gibbs").style()).isEqualTo("dashed");
        FigureData energy = figure(fp, "energy");
        assertThat(energy.seriesContaining("grid quadrature").colour())
                .isEqualTo(Palette.standard().colour("fokker-planck"));
        // the discrete Gibbs law on 200 cells of [-8, 8]: -T log Z = -log(2 pi)/2 to the midpoint rule's 1e-12
        assertThat(energy.seriesContaining("-T log Z").y()[0]).isCloseTo(-0.5 * Math.log(2 * Math.PI),
                within(1e-9));
        assertThat(frames(fp.resolve("law.gif"))).isGreaterThan(10);
    }

    @Test
    void anEnsembleDrawsItsParticlesOverTime() throws Exception {
        Path pfp = run("pfp", "run", "particle-fokker-planck", "--set", "space.n=500", "--time", "2");
        FigureData law = figure(pfp, "law");
        assertThat(law.series()).extracting(FigureData.SeriesData::name).contains("t = 0", "t = 2");
        assertThat(law.seriesContaining("Gibbs").style()).isEqualTo("dashed");
        Path svgd = run("svgd", "run", "svgd", "--steps", "100");
        FigureData cloud = figure(svgd, "law");
        assertThat(cloud.equal()).isTrue();
        assertThat(cloud.series()).filteredOn(s -> s.style().equals("scatter")).hasSize(2);
        FigureData energy = figure(svgd, "energy");
        assertThat(energy.seriesContaining("kernel-density").style()).isEqualTo("solid");
        assertThat(energy.seriesContaining("-T log Z").style()).isEqualTo("dashed");
        assertThat(figure(run("ham", "run", "hamiltonian"), "phase").equal()).isTrue();
    }

    @Test
    void aMethodKeepsItsColourInEveryOverlay() throws Exception {
        Path out = dir.resolve("cmp");
        CliRunner r = CliRunner.run("compare", "gradient-descent", "--with", "scheme=dormand-prince", "--with",
                "scheme=minimizing-movement dt=0.5", "--steps", "60", "--out", out.toString(), "-q");
        assertThat(r.code()).as(r.err()).isZero();
        Palette p = Palette.standard();
        for (String chart : new String[] {"energy", "trajectory"}) {
            FigureData f = figure(out, chart);
            assertThat(f.series("gradient-descent").colour()).as(chart).isEqualTo(p.colour("gradient-descent"));
            assertThat(f.series("scheme=dormand-prince").colour()).as(chart).isEqualTo(p.colour("dormand-prince"));
            assertThat(f.series("scheme=minimizing-movement dt=0.5").colour()).as(chart)
                    .isEqualTo(p.colour("minimizing-movement"));
        }
        assertThat(figure(out, "trajectory").equal()).isTrue();
    }

    @Test
    void everyShippedPresetHasAColourOfItsOwn() {
        var presets = org.varflow.Varflow.create().registry().presets().keySet();
        assertThat(presets).isNotEmpty().allSatisfy(id -> assertThat(Palette.standard().lists(id)).as(id).isTrue());
    }

    @Test
    void aGridWithoutAPotentialDrawsNoTarget() throws Exception {
        // heat on [-15, 15]: the only minimiser of the entropy on the interval is the uniform law, a wall artefact
        FigureData law = figure(run("heat", "run", "heat", "--time", "0.5"), "law");
        assertThat(law.seriesContaining("Gibbs")).isNull();
    }

    @Test
    void aDefaultCompareFolderIsNeverOverwritten() throws Exception {
        Path base = dir.resolve("compare-x");
        assertThat(CompareCommand.freshDirectory(base.toString())).isEqualTo(base);
        Files.createDirectories(base);
        assertThat(CompareCommand.freshDirectory(base.toString())).isEqualTo(dir.resolve("compare-x-2"));
        Files.createDirectories(dir.resolve("compare-x-2"));
        assertThat(CompareCommand.freshDirectory(base.toString())).isEqualTo(dir.resolve("compare-x-3"));
    }

    private static int frames(Path gif) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            return reader.getNumImages(true);
        }
    }
}
