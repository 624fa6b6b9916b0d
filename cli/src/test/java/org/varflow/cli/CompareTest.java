package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code varflow compare}: a row per composition on stdout and in compare.csv, each run's CSV and summary, the
 * overlay plots, the same seed for all, and clear errors for malformed variations.
 */
class CompareTest {
    @TempDir
    Path dir;

    @Test
    void varyAMetricGivesARowPerValueAndAnOverlay() throws Exception {
        Path out = dir.resolve("metrics");
        CliRunner r = CliRunner.run("compare", "gradient-descent", "--vary", "metric=euclidean,diagonal", "--out",
                out.toString(), "--plot-size", "600x400", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("composition") && l.contains("steps to tol")
                && l.contains("final E") && l.contains("final F") && l.contains("distance to target")
                && l.contains("wall s"));
        assertThat(lines).filteredOn(l -> l.startsWith("metric=euclidean ")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.startsWith("metric=diagonal ")).hasSize(1);
        List<String> csv = Files.readAllLines(out.resolve("compare.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(1)).startsWith("metric=euclidean,500,");
        assertThat(csv.get(2)).startsWith("metric=diagonal,500,");
        // the diagonal metric's default k = 1 is the Euclidean metric: same seed, same numbers
        assertThat(csv.get(2).substring(csv.get(2).indexOf(','), csv.get(2).lastIndexOf(',')))
                .isEqualTo(csv.get(1).substring(csv.get(1).indexOf(','), csv.get(1).lastIndexOf(',')));
        PlotTest.assertPng(out.resolve("energy.png"), 600, 400);
        PlotTest.assertSvg(out.resolve("energy.svg"), 600, 400);
        PlotTest.assertPng(out.resolve("trajectory.png"), 600, 400);
        assertThat(out.resolve("01-metric-euclidean").resolve("trajectory.csv")).exists();
        assertThat(out.resolve("02-metric-diagonal").resolve("summary.json")).exists();
        assertThat(Files.readString(out.resolve("02-metric-diagonal").resolve("summary.json")))
                .contains("\"id\" : \"diagonal\"", "\"seed\" : 1");
    }

    @Test
    void aBetterMetricSettlesInFewerSteps() throws Exception {
        Path out = dir.resolve("precondition");
        CliRunner r = CliRunner.run("compare", "gradient-descent", "--with", "metric=diagonal metric.k=4,1",
                "--every", "1", "--out", out.toString(), "-q");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("compare.csv"));
        assertThat(csv).hasSize(3);
        // A = diag(1, 4): Euler with h = 0.05 contracts the slow mode by 1 - h per step. K = diag(4, 1) makes
        // K A = 4 I: both modes contract by 1 - 4h, so the energy settles in about a quarter of the steps
        assertThat(csv.get(2)).startsWith("\"metric=diagonal metric.k=4,1\",500,"); // quoted: it holds a comma
        assertThat(steps(csv.get(2))).isBetween(steps(csv.get(1)) / 5, steps(csv.get(1)) / 3);
    }

    @Test
    void withAddsCompositionsBesideTheBaselineAndReports() throws Exception {
        Path out = dir.resolve("schemes");
        Path report = dir.resolve("report");
        CliRunner r = CliRunner.run("compare", "gradient-descent", "--with", "scheme=dormand-prince",
                "--with", "scheme=minimizing-movement dt=0.5", "--steps", "100", "--out", out.toString(),
                "--report", report.toString(), "--seed", "5");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("compare.csv"));
        assertThat(csv).hasSize(4);
        assertThat(csv.subList(1, 4)).extracting(l -> l.substring(0, l.indexOf(',')))
                .containsExactly("gradient-descent", "scheme=dormand-prince", "scheme=minimizing-movement dt=0.5");
        assertThat(r.out()).contains("seed 5");
        String html = Files.readString(report.resolve("compare.html"));
        assertThat(html).contains("scheme=minimizing-movement dt=0.5", "<td>dormand-prince</td>",
                "Decomposition");
        ReportTest.assertSelfContained(html);
        assertThat(ReportTest.images(html)).hasSize(2);
        assertThat(report.resolve("01-gradient-descent.html")).exists();
        ReportTest.assertSelfContained(Files.readString(report.resolve("03-scheme-minimizing-movement-dt-0.5.html")));
    }

    @Test
    void severalPresetsRunOnTheFirstOnesSeed() throws Exception {
        Path out = dir.resolve("presets");
        CliRunner r = CliRunner.run("compare", "gradient-descent", "heavy-ball", "--out", out.toString(), "-q");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).filteredOn(l -> l.startsWith("gradient-descent ") || l.startsWith("heavy-ball "))
                .hasSize(2);
        assertThat(Files.readString(out.resolve("02-heavy-ball").resolve("summary.json")))
                .contains("\"seed\" : 1");
        // different spaces: no shared level sets, but the energy overlay is there
        assertThat(out.resolve("energy.png")).exists();
    }

    @Test
    void aDivergingCompositionIsReportedAndTheOthersStillRun() throws Exception {
        Path out = dir.resolve("dt");
        CliRunner r = CliRunner.run("compare", "gradient-descent", "--vary", "dt=0.05,3", "--steps", "2000",
                "--out", out.toString(), "-q");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("composition 'dt=3' failed", "diverged");
        assertThat(Files.readAllLines(out.resolve("compare.csv"))).contains("dt=3,failed,-,-,-,-,-");
    }

    @Test
    void badVariationsAreUsageErrors() {
        CliRunner two = CliRunner.run("compare", "gradient-descent", "adam", "--vary", "metric=euclidean,diagonal");
        assertThat(two.code()).isEqualTo(Main.USAGE);
        assertThat(two.err()).contains("exactly one");
        CliRunner seed = CliRunner.run("compare", "gradient-descent", "--with", "seed=3");
        assertThat(seed.code()).isEqualTo(Main.USAGE);
        assertThat(seed.err()).contains("same seed");
        CliRunner one = CliRunner.run("compare", "gradient-descent");
        assertThat(one.code()).isEqualTo(Main.USAGE);
        assertThat(one.err()).contains("at least two compositions");
        CliRunner kind = CliRunner.run("compare", "gradient-descent", "--vary", "metrc=euclidean,diagonal");
        assertThat(kind.code()).isEqualTo(Main.USAGE);
        assertThat(kind.err()).contains("'metrc'", "did you mean 'metric'");
        CliRunner unknown = CliRunner.run("compare", "gradient-descent", "--vary", "metric=euclidean,diagonl",
                "--out", "never-written");
        assertThat(unknown.code()).isEqualTo(Main.USAGE);
        assertThat(unknown.err()).contains("composition 'metric=diagonl'", "'diagonal'");
        assertThat(Path.of("never-written")).doesNotExist();
    }

    /** The 'steps to tol' column, counted from the end (a quoted label may hold commas). */
    private static long steps(String csvLine) {
        String[] f = csvLine.split(",");
        return Long.parseLong(f[f.length - 5]);
    }
}
