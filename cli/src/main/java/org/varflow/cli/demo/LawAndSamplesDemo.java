package org.varflow.cli.demo;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.varflow.Frame;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;
import org.varflow.cli.law.Quantiles;
import org.varflow.cli.plot.Animation;
import org.varflow.cli.plot.Colours;
import org.varflow.cli.plot.Histogram;
import org.varflow.cli.plot.PlotFiles;
import org.varflow.cli.plot.PlotSize;
import org.varflow.cli.plot.Plots;

/**
 * Law and samples on one figure: the same Fokker-Planck flow (V = x^2/2, T = 1, from N(2, 1/4)) computed three
 * ways - a density on a grid (preset {@code fokker-planck}, finite volumes), 2000 particles whose entropy is thermal
 * noise (preset {@code particle-fokker-planck}) and 2000 particles pushed apart by a kernel-density score, with no
 * random numbers (preset {@code particle-fokker-planck-kde}) - drawn together at several times with the exact law
 * N(2 e^-t, 1 - 3/4 e^-2t), and W2 between each and the exact law over time.
 *
 * <p>W2 on the line is the L2 distance of quantile functions, which compares a grid density, samples and a closed
 * form alike ({@link Quantiles}). What to expect: the grid's error is its O(dx^2) discretisation, far below the
 * others; the noisy particles sit at the sampling scale of 2000 independent draws, W2 of order N^-1/2; the KDE
 * particles carry no sampling noise but a bias - they sample the law deconvolved by their kernel, variance short by
 * the kernel's sigma^2, so at equilibrium W2 = s - sqrt(s^2 - sigma^2) for s = 1.
 */
final class LawAndSamplesDemo implements Demo {
    static final int N = 2000;
    static final double EVERY = 0.3;
    static final double[] SHOWN = {0.3, 1.2, 6};
    /** Quantile points of the W2 integral: a multiple of N, so W2 between sample sets is exact. */
    static final int M = 20 * N;

    @Override
    public String name() {
        return "law-and-samples";
    }

    @Override
    public String title() {
        return "one Fokker-Planck flow three ways: a grid density, noisy particles, kernel-density particles";
    }

    @Override
    public String story() {
        return "Fokker-Planck for V = x^2/2 at T = 1 from N(2, 1/4), as a density on 200 cells (finite volumes), as"
                + " 2000 particles with thermal noise, and as 2000 particles with a kernel-density score instead of"
                + " noise. The three are drawn together at several times against the exact law N(2 e^-t,"
                + " 1 - 3/4 e^-2t), and W2 to it is followed over time: the grid is exact to its discretisation,"
                + " the noisy particles sit at the sampling scale N^-1/2, the kernel particles have no noise but a"
                + " bias (they sample the law deconvolved by their kernel).";
    }

    @Override
    public void run(DemoContext c) {
        FlowSpec grid = c.preset("fokker-planck");
        int gridEvery = (int) Math.round(EVERY / grid.dt());
        DemoContext.Run g = c.runWithFrames("grid", grid.withEvery(gridEvery));
        FlowSpec noisy = c.preset("particle-fokker-planck").withParam(PartKind.SPACE, "n", N);
        DemoContext.Run p = c.runWithFrames("noise", noisy.withEvery((int) Math.round(EVERY / noisy.dt())));
        FlowSpec kde = c.preset("particle-fokker-planck-kde").withParam(PartKind.SPACE, "n", N);
        DemoContext.Run k = c.runWithFrames("kde", kde.withEvery((int) Math.round(EVERY / kde.dt())));
        Grid1d cells = Grid1d.of(g.outcome());

        int frames = Math.min(g.frames().size(), Math.min(p.frames().size(), k.frames().size()));
        double[] t = new double[frames];
        double[][] w2 = new double[3][frames];
        for (int i = 0; i < frames; i++) {
            t[i] = g.frames().get(i).time();
            DoubleUnaryOperator exact = exact(t[i]);
            w2[0][i] = Quantiles.w2(Quantiles.ofCells(cells.lower(), cells.dx(), g.frames().get(i).states()), exact,
                    M);
            w2[1][i] = Quantiles.w2(Quantiles.ofSamples(p.frames().get(i).states()), exact, M);
            w2[2][i] = Quantiles.w2(Quantiles.ofSamples(k.frames().get(i).states()), exact, M);
        }
        double sampling = samplingScale();
        double gridWorst = max(w2[0]);
        c.note("observations every " + EVERY + " from t = 0 to " + Plots.fmt(t[frames - 1]) + "; W2 of " + N
                + " independent draws to their own law (the sampling scale): " + DemoContext.fmt(sampling));
        c.figure("grid: largest W2 to the exact law", gridWorst, "<= 0.01 (finite volumes, dx = "
                + DemoContext.fmt(cells.dx()) + ", O(dx^2))", gridWorst <= 0.01);
        double noiseWorst = max(w2[1]);
        c.figure("noisy particles: largest W2 to the exact law", noiseWorst, "<= 3 x the sampling scale "
                + DemoContext.fmt(sampling), noiseWorst <= 3 * sampling);
        double sd = Math.sqrt(1 - 0.75 * Math.exp(-2 * t[frames - 1]));
        double[] end = k.frames().get(frames - 1).states();
        double sigma2 = JkoParticlesDemo.silverman2(JkoParticlesDemo.variance(end, JkoParticlesDemo.mean(end)), N);
        double bias = sd - Math.sqrt(sd * sd - sigma2);
        double kdeEnd = w2[2][frames - 1];
        c.figure("kernel particles: W2 to the exact law at t = " + Plots.fmt(t[frames - 1]), kdeEnd,
                DemoContext.fmt(bias) + " = s - sqrt(s^2 - sigma^2), the kernel's deconvolution, +-30 %",
                Math.abs(kdeEnd - bias) <= 0.3 * bias);

        for (double shown : SHOWN) {
            int i = HamiltonianDemo.indexOf(t, shown);
            c.plot(snapshot(g.frames().get(i), p.frames().get(i), k.frames().get(i), cells, c.size()),
                    "law-and-samples-t" + Plots.fmt(t[i]));
        }
        var chart = Plots.overTime("W2 to the exact law N(2 e^-t, 1 - 3/4 e^-2t)", "W2 (log scale)", List.of(
                new Plots.Series("grid density (finite volumes)", t, w2[0], Colours.method("fokker-planck"),
                        Plots.Line.SOLID),
                new Plots.Series("particles with thermal noise", t, w2[1], Colours.method("particle-fokker-planck"),
                        Plots.Line.SOLID),
                new Plots.Series("particles with a kernel-density score", t, w2[2],
                        Colours.method("particle-fokker-planck-kde"), Plots.Line.SOLID),
                Plots.level("sampling scale of " + N + " independent draws", sampling, 0, t[frames - 1],
                        Colours.role("reference"))), false, 0, c.size());
        chart.getStyler().setYAxisLogarithmic(true);
        c.plot(chart, "law-and-samples-w2");

        List<BufferedImage> images = new ArrayList<>();
        PlotSize small = new PlotSize(Math.min(640, c.size().width()), Math.min(448, c.size().height()));
        for (int i = 0; i < frames; i++) {
            XYChart frame = snapshot(g.frames().get(i), p.frames().get(i), k.frames().get(i), cells, small);
            frame.getStyler().setYAxisMin(0.0);
            frame.getStyler().setYAxisMax(1.0);
            images.add(PlotFiles.image(frame));
        }
        c.animation(Animation.gif(images), "law-and-samples");
    }

    /** The three at one time, with the exact law dashed. */
    static XYChart snapshot(Frame grid, Frame noise, Frame kde, Grid1d cells, PlotSize size) {
        double t = grid.time();
        XYChart chart = Plots.chart("Fokker-Planck three ways at t = " + Plots.fmt(t), "x", "density", size);
        Histogram hn = Histogram.freedmanDiaconis(noise.states());
        Histogram hk = Histogram.freedmanDiaconis(kde.states());
        Plots.outline(chart, "particles, thermal noise (" + hn.count() + ")", hn,
                Colours.method("particle-fokker-planck"));
        Plots.outline(chart, "particles, kernel-density score (" + hk.count() + ")", hk,
                Colours.method("particle-fokker-planck-kde"));
        Plots.draw(chart, new Plots.Series("grid density", cells.xs(), grid.states(), Colours.method("fokker-planck"),
                Plots.Line.SOLID));
        double m = 2 * Math.exp(-t);
        double v = 1 - 0.75 * Math.exp(-2 * t);
        double[] x = new double[301];
        double[] y = new double[301];
        for (int i = 0; i <= 300; i++) {
            x[i] = -4 + 8.0 * i / 300;
            y[i] = Grid1d.gaussian(x[i], m, v);
        }
        Plots.draw(chart, new Plots.Series("exact N(2 e^-t, 1 - 3/4 e^-2t)", x, y, Colours.role("reference"),
                Plots.Line.DASHED));
        chart.getStyler().setXAxisMin(-4.0);
        chart.getStyler().setXAxisMax(4.0);
        return chart;
    }

    /** The exact law at time t, as a quantile function. */
    static DoubleUnaryOperator exact(double t) {
        return Quantiles.ofNormal(2 * Math.exp(-t), Math.sqrt(1 - 0.75 * Math.exp(-2 * t)));
    }

    /** W2 between N seeded standard normal draws and N(0, 1): the size of W2 that sampling alone produces. */
    static double samplingScale() {
        Random rnd = new Random(17);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = rnd.nextGaussian();
        }
        return Quantiles.w2(Quantiles.ofSamples(x), Quantiles.ofNormal(0, 1), M);
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
