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
 * parameters), the preset's equation and the unifying one, the summary and the plots embedded as PNG data; nothing
 * in it points outside the page.
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
        // the preset's equation (the energy was swapped, which the page says) and the unifying equation
        assertThat(html).contains("Equation", "which this run changes in its energy (double-well instead of"
                + " quadratic)", "sqrt(2 beta^-1 K(x)) dW", "d rho/dt = -K_rho dF(rho)");
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
        assertThat(html).contains("The equation of preset <code>gradient-descent</code>:", "x_{k+1} = x_k - h grad E");
        assertThat(images(html)).hasSize(2); // energy and the path over level sets
        assertThat(out.resolve("trajectory.csv")).exists();
        assertThat(report.resolve("trajectory.csv")).doesNotExist();
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
            assertThat(src.group(1)).startsWith("data:image/png;base64,");
        }
    }
}
