package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.varflow.cli.law.Gibbs;
import org.varflow.cli.plot.Animation;
import org.varflow.cli.plot.Axes;
import org.varflow.cli.plot.Histogram;
import org.varflow.cli.plot.PlotFiles;
import org.varflow.cli.plot.PlotSize;
import org.varflow.cli.plot.Plots;

/**
 * The pieces figures are made of, against exact answers: tick labels keep their leading zero; histograms cover their
 * data and hold unit mass; the Gibbs law's Z matches closed forms and an independent Gauss-Legendre integration;
 * equal scales are equal on the rendered chart; an animation has one GIF frame per picture.
 */
class FigureToolsTest {

    @Test
    void tickLabelsAreRoundAndKeepTheirLeadingZero() {
        assertThat(Axes.label(0.05)).isEqualTo("0.05");
        assertThat(Axes.label(-0.02)).isEqualTo("-0.02");
        assertThat(Axes.label(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(Axes.label(2.5e-6)).isEqualTo("2.5e-6");
        assertThat(Axes.label(1e7)).isEqualTo("1e7");
        assertThat(Axes.label(-0.0)).isEqualTo("0");
        assertThat(Axes.label(1500)).isEqualTo("1500");
        assertThat(Plots.fmt(6.0)).isEqualTo("6");
        assertThat(Plots.fmt(0.72)).isEqualTo("0.72");
    }

    @Test
    void histogramBinsCoverTheDataAndHoldUnitMass() {
        Random rnd = new Random(3);
        double[] x = new double[2000];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian() * (i % 2 == 0 ? 1 : 0.2) + (i % 3 == 0 ? 4 : 0);
        }
        Histogram h = Histogram.freedmanDiaconis(x);
        double min = java.util.Arrays.stream(x).min().orElseThrow();
        double max = java.util.Arrays.stream(x).max().orElseThrow();
        assertThat(h.edges()[0]).isEqualTo(min);
        assertThat(h.edges()[h.bins()]).isEqualTo(max);
        double mass = 0;
        for (int b = 0; b < h.bins(); b++) {
            mass += h.density()[b] * (h.edges()[b + 1] - h.edges()[b]);
        }
        assertThat(mass).isCloseTo(1, within(1e-12));
        assertThat(h.rule()).contains("Freedman-Diaconis");
        // the width rule: 2 IQR n^-1/3, to within the rounding of the bin count
        double[] sorted = java.util.Arrays.stream(x).sorted().toArray();
        double iqr = sorted[1499] - sorted[499];
        double width = (max - min) / h.bins();
        assertThat(width).isBetween(0.8 * 2 * iqr / Math.cbrt(2000), 1.0001 * 2 * iqr / Math.cbrt(2000));
    }

    @Test
    void gibbsPartitionFunctionsMatchClosedFormsAndAnIndependentIntegration() {
        // E = x^2/2 at T: Z = sqrt(2 pi T), whatever the centre and scale the search starts from
        for (double t : new double[] {0.01, 1, 30}) {
            Gibbs g = Gibbs.onLine(x -> x * x / 2, t, 3, 1);
            assertThat(g.logZ()).as("T = " + t).isCloseTo(0.5 * Math.log(2 * Math.PI * t), within(1e-10));
        }
        // the plane: |x|^2/2 at T = 0.5, Z = 2 pi T; an anisotropic quadratic (x^2 + 9 y^2)/2: Z = 2 pi T / 3
        assertThat(Gibbs.onPlane(p -> (p[0] * p[0] + p[1] * p[1]) / 2, 0.5, new double[] {0, 0}, 1).logZ())
                .isCloseTo(Math.log(Math.PI), within(1e-9));
        assertThat(Gibbs.onPlane(p -> (p[0] * p[0] + 9 * p[1] * p[1]) / 2, 1, new double[] {1, -1}, 1).logZ())
                .isCloseTo(Math.log(2 * Math.PI / 3), within(1e-9));
        // the double well (x^2 - 1)^2 / 4 at beta = 3, against Gauss-Legendre on [-5, 5] (the tails beyond are
        // below e^-300): -T log Z = -0.26406 is the free energy the Langevin plots fall to
        double exact = new IterativeLegendreGaussIntegrator(32, 1e-14, 1e-14).integrate(10_000_000,
                x -> Math.exp(-3 * (x * x - 1) * (x * x - 1) / 4), -5, 5);
        Gibbs dw = Gibbs.onLine(x -> (x * x - 1) * (x * x - 1) / 4, 1.0 / 3, 0, 1);
        assertThat(dw.logZ()).isCloseTo(Math.log(exact), within(1e-11));
        assertThat(dw.freeEnergy()).isCloseTo(-0.264, within(5e-4)); // the figure, to its three digits
        // the grid's discrete law: sum exp(-V(c_i)/T) dx for V = x^2/2 on 200 cells of [-8, 8] is sqrt(2 pi) to
        // the midpoint rule's exponentially small error
        double[] v = new double[200];
        for (int i = 0; i < 200; i++) {
            double c = -8 + (i + 0.5) * 0.08;
            v[i] = c * c / 2;
        }
        assertThat(Gibbs.onCells(v, 0.08, 1, -8, 8).freeEnergy()).isCloseTo(-0.5 * Math.log(2 * Math.PI),
                within(1e-12));
    }

    @Test
    void equalScalesAreEqualOnTheRenderedChart() {
        // an ellipse of aspect 3 drawn on a chart of aspect 1.43: one unit must be as long across as up
        double[] x = new double[200];
        double[] y = new double[200];
        for (int i = 0; i < 200; i++) {
            x[i] = 3 * Math.cos(2 * Math.PI * i / 199);
            y[i] = Math.sin(2 * Math.PI * i / 199);
        }
        for (PlotSize size : List.of(PlotSize.DEFAULT, new PlotSize(400, 400), new PlotSize(500, 900))) {
            XYChart chart = Plots.phase("ellipse", List.of(new Plots.Path2("orbit", x, y)), size);
            Axes.prepare(chart);
            double[] ppu = Axes.pixelsPerUnit(chart);
            assertThat(ppu[0] / ppu[1]).as(size.toString()).isCloseTo(1, within(0.01));
            assertThat(chart.getStyler().getXAxisMin()).isLessThanOrEqualTo(-3);
            assertThat(chart.getStyler().getYAxisMax()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void anAnimationHasOneGifFramePerPicture() throws Exception {
        List<java.awt.image.BufferedImage> frames = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            XYChart c = Plots.chart("frame " + k, "x", "y", new PlotSize(300, 200));
            Plots.draw(c, new Plots.Series("line", new double[] {0, 1}, new double[] {0, k}));
            frames.add(org.knowm.xchart.BitmapEncoder.getBufferedImage(c));
        }
        byte[] gif = Animation.gif(frames);
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(4);
            assertThat(reader.read(3).getWidth()).isEqualTo(300);
        }
        try (org.varflow.core.output.OutputSet nothing = new org.varflow.core.output.OutputSet()) {
            assertThat(PlotFiles.stageAnimation(null, java.nio.file.Path.of("."), "none", nothing)).isNull();
            assertThat(nothing.commit()).isEmpty();
        }
    }
}
