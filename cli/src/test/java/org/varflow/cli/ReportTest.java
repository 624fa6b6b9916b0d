package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --report DIR}: one self-contained HTML page with the decomposition (five parts and the scheme, with
 * parameters), the preset's equation (when the run kept its parts), the scheme's update and the unifying equation,
 * typeset, the summary and the plots embedded as PNG data (and the law's animation as a GIF); nothing in it points
 * outside the page.
 */
class ReportTest {
    private static final Pattern IMG = Pattern.compile("<img [^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    @TempDir
    Path dir;

    @Test
    void reportHoldsDecompositionEquationSummaryAndEmbeddedPlots() throws Exception {
        Path report = dir.resolve("report");
        CliRunner r = CliRunner.run("run", "langevin", "--energy", "double-well", "--particles", "600", "--time",
                "1", "--report", report.toString(), "--summary", dir.resolve("s.json").toString());
        assertThat(r.code()).as(r.err()).isZero();
        String html = Files.readString(report.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>varflow: langevin</title>");
        for (String part : List.of("space", "metric", "energy", "entropy", "noise", "scheme")) {
            assertThat(html).contains("<td>" + part + "</td>");
        }
        assertThat(html).contains("<td>euclidean</td>", "<td>double-well</td>", "<td>boltzmann</td>",
                "<td>thermal</td>", "<td>euler-maruyama</td>", "beta = 1", "tilt = 0");
        // the energy was swapped, which the page says (the preset's equation no longer applies); the scheme's update
        // and the unifying equation, typeset: Greek letters, nabla, roots, sub- and superscripts
        assertThat(html).contains("Equation", "This run changes preset <code>langevin</code> in its energy"
                + " (double-well instead of quadratic)",
                "The update of the scheme that ran, <code>euler-maruyama</code>",
                "x<sub>k+1</sub>", "\u221a(2 \u03b2<sup>-1</sup> K(x)) dW", "-K<sub>\u03c1</sub> dF(\u03c1)",
                "\u2207 E(x)").doesNotContain("sqrt(2 beta^-1 K(x)) dW");
        assertThat(html).contains("energyInitial", "freeEnergy", "diagnostics.finite", "&quot;preset&quot;");
        List<BufferedImage> images = images(html);
        assertThat(images).hasSizeGreaterThanOrEqualTo(2); // energy and histogram
        for (BufferedImage image : images) {
            assertThat(image.getWidth()).isEqualTo(800);
            assertThat(image.getHeight()).isEqualTo(560);
        }
        assertSelfContained(html);
        // --report alone also writes the run's files there
        assertThat(report.resolve("trajectory.csv")).exists();
        assertThat(report.resolve("summary.json")).exists();
    }

    @Test
    void presetRunSaysItIsThePresetsEquation() throws Exception {
        Path report = dir.resolve("gd");
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("run", "gradient-descent", "--out", out.toString(), "--report",
                report.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        String html = Files.readString(report.resolve("report.html"));
        assertThat(html).contains("The equation of preset <code>gradient-descent</code>:",
                "x<sub>k+1</sub> = x<sub>k</sub> - h \u2207 E");
        assertThat(images(html)).hasSize(2); // energy and the path over level sets
        assertThat(out.resolve("trajectory.csv")).exists();
        assertThat(report.resolve("trajectory.csv")).doesNotExist();
        assertSelfContained(html);
    }

    @Test
    void aSwappedSchemeShowsItsOwnUpdateAndNumbersDoNotWrap() throws Exception {
        Path report = dir.resolve("mm");
        CliRunner r = CliRunner.run("run", "gradient-descent", "--scheme", "minimizing-movement", "--dt", "1",
                "--steps", "10", "--report", report.toString(), "-q");
        assertThat(r.code()).as(r.err()).isZero();
        String html = Files.readString(report.resolve("report.html"));
        assertThat(html).contains("in its scheme (minimizing-movement instead of euler)",
                "<code>minimizing-movement</code>", "argmin<sub>y</sub>")
                .doesNotContain("The equation of preset");
        assertThat(html).contains("td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}",
                "img{width:100%", "white-space:pre-wrap");
    }

    @Test
    void aMeasureRunShowsItsLawAndItsAnimation() throws Exception {
        Path report = dir.resolve("pfp");
        CliRunner r = CliRunner.run("run", "particle-fokker-planck", "--set", "space.n=400", "--time", "2",
                "--report", report.toString(), "-q");
        assertThat(r.code()).as(r.err()).isZero();
        String html = Files.readString(report.resolve("report.html"));
        assertThat(html).contains("The ensemble at several times, and the Gibbs law", "data:image/gif;base64,");
        assertSelfContained(html);
    }

    static List<BufferedImage> images(String html) throws Exception {
        List<BufferedImage> out = new ArrayList<>();
        Matcher m = IMG.matcher(html);
        while (m.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertThat(image).isNotNull();
            out.add(image);
        }
        return out;
    }

    /** No scripts, style sheets, frames or links, and every src a data: URI. */
    static void assertSelfContained(String html) {
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "<iframe", "url(", "@import",
                "href=");
        Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        while (src.find()) {
            assertThat(src.group(1)).matches("data:image/(png|gif);base64,.*");
        }
    }
}
