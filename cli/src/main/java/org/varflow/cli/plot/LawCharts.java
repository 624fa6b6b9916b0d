package org.varflow.cli.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.varflow.Frame;
import org.varflow.cli.law.Gibbs;

/**
 * Pictures of a law as it flows: a density on a grid or an ensemble's histogram at several times with the Gibbs law
 * dashed over them, a 2-D ensemble as clouds over the level sets of V, and the frames of an animation of the same,
 * drawn on one fixed window so that only the law moves.
 */
final class LawCharts {
    /** Frames an animation has at most. */
    static final int MAX_FRAMES = 30;

    private LawCharts() {
    }

    /** One observed state of the law: the time and the state (a density, an ensemble, or runner particles). */
    record Snapshot(double time, double[] state, int count) {
    }

    /**
     * The snapshots the run's listener kept: for a grid or an ensemble each frame is one whole state (the CSV keeps
     * only
     * the first 64 coordinates); for runner particles, at most a frame's particles.
     */
    static List<Snapshot> snapshots(RunPlots.RunData run, Law law) {
        List<Snapshot> out = new ArrayList<>();
        for (Frame f : run.frames()) {
            int count = switch (law.kind()) {
                case GRID, ENSEMBLE -> law.points();
                default -> f.particles();
            };
            if (f.states().length >= count * law.d()) {
                out.add(new Snapshot(f.time(), f.states(), count));
            }
        }
        return out;
    }

    /** The law at up to {@value RunPlots#SNAPSHOTS} times, with the Gibbs law; null when there is nothing to draw. */
    static XYChart snapshots(RunPlots.RunData run, Law law, PlotSize size) {
        List<Snapshot> all = snapshots(run, law);
        if (all.isEmpty()) {
            return null;
        }
        double[] times = all.stream().mapToDouble(Snapshot::time).toArray();
        int[] idx = RunPlots.snapshotIndices(times, RunPlots.SNAPSHOTS);
        List<Snapshot> shown = new ArrayList<>();
        for (int i : idx) {
            shown.add(all.get(i));
        }
        if (law.kind() == Law.Kind.GRID) {
            return grid(run.label() + ": the density at " + shown.size() + " times", law, shown, size, true);
        }
        if (law.d() == 1) {
            return histograms(run.label() + ": the ensemble of " + law.points() + " at " + shown.size() + " times",
                    law, shown, size);
        }
        if (law.d() == 2 && law.potential() != null) {
            return clouds(run, law, all.get(0), all.get(all.size() - 1), null, size);
        }
        return null;
    }

    /** Densities on the grid's cells, early (light) to late (dark), with the Gibbs law dashed. */
    static XYChart grid(String title, Law law, List<Snapshot> shown, PlotSize size, boolean legendTimes) {
        XYChart chart = Plots.chart(title, "x", "density rho", size);
        double[] x = new double[law.points()];
        for (int i = 0; i < x.length; i++) {
            x[i] = law.centre(i);
        }
        for (int k = 0; k < shown.size(); k++) {
            Snapshot s = shown.get(k);
            Color c = k == 0 && shown.size() > 1 ? Colours.role("initial") : Colours.sequential(k, shown.size());
            Plots.draw(chart, new Plots.Series(legendTimes ? "t = " + Plots.fmt(s.time()) : "rho", x, s.state(), c,
                    Plots.Line.SOLID));
        }
        gibbsOnGrid(chart, law, x);
        return chart;
    }

    private static void gibbsOnGrid(XYChart chart, Law law, double[] x) {
        Gibbs g = law.gibbs();
        if (g == null) {
            return;
        }
        double[] y = new double[x.length];
        double[] p = new double[1];
        for (int i = 0; i < x.length; i++) {
            p[0] = x[i];
            y[i] = g.density(law.potential().applyAsDouble(p));
        }
        Plots.draw(chart, new Plots.Series("Gibbs exp(-V/T)/Z, T = " + Plots.fmt(g.temperature()), x, y,
                Colours.role("target"), Plots.Line.DASHED));
    }

    /** Histograms (outlines, each in Freedman-Diaconis bins covering its particles) at several times. */
    static XYChart histograms(String title, Law law, List<Snapshot> shown, PlotSize size) {
        XYChart chart = Plots.chart(title, "x", "density", size);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < shown.size(); k++) {
            Snapshot s = shown.get(k);
            Histogram h = Histogram.freedmanDiaconis(law.coordinate(s.state(), s.count(), 0));
            if (h == null) {
                continue;
            }
            lo = Math.min(lo, h.edges()[0]);
            hi = Math.max(hi, h.edges()[h.bins()]);
            Color c = k == 0 ? Colours.role("initial") : Colours.sequential(k, shown.size());
            Plots.outline(chart, "t = " + Plots.fmt(s.time()), h, c);
        }
        if (law.gibbs() != null && law.potential() != null && hi > lo) {
            Plots.gibbsCurve(chart, v -> law.potential().applyAsDouble(new double[] {v}), law.gibbs().temperature(),
                    lo, hi);
        }
        return chart;
    }

    /** A 2-D ensemble at the start (grey) and at the end (the run's colour) over the level sets of V. */
    static XYChart clouds(RunPlots.RunData run, Law law, Snapshot first, Snapshot last, double[] window,
                          PlotSize size) {
        List<Plots.Cloud> clouds = new ArrayList<>();
        clouds.add(new Plots.Cloud("t = " + Plots.fmt(first.time()), xy(law, first), Colours.role("initial")));
        if (!last.equals(first)) {
            clouds.add(new Plots.Cloud("t = " + Plots.fmt(last.time()), xy(law, last), run.colour()));
        }
        return Plots.landscape(run.label() + ": " + first.count() + " particles over the level sets of V", "x1",
                "x2", law.potential(), List.of(), clouds, size);
    }

    private static double[][] xy(Law law, Snapshot s) {
        return Plots.cloud(s.state(), s.count(), law.d(), 0, 1);
    }

    /**
     * The frames of an animation of the law: every observation (at most {@value #MAX_FRAMES}, evenly chosen), drawn on
     * one window, as images of {@code size}. Empty when the law is not drawn (d &gt; 2, one point).
     */
    static List<BufferedImage> animation(RunPlots.RunData run, Law law, PlotSize size) {
        List<Snapshot> all = snapshots(run, law);
        if (all.size() < 2) {
            return List.of();
        }
        List<Snapshot> frames = new ArrayList<>();
        int m = Math.min(MAX_FRAMES, all.size());
        for (int k = 0; k < m; k++) {
            frames.add(all.get((int) Math.round((double) k * (all.size() - 1) / (m - 1))));
        }
        List<XYChart> charts = new ArrayList<>();
        String label = run.label();
        if (law.kind() == Law.Kind.GRID) {
            double top = 0;
            for (Snapshot s : frames) {
                for (double v : s.state()) {
                    top = Math.max(top, v);
                }
            }
            for (Snapshot s : frames) {
                XYChart c = grid(label + ": t = " + Plots.fmt(s.time()), law, List.of(s), size, false);
                c.getStyler().setYAxisMin(0.0);
                c.getStyler().setYAxisMax(1.05 * top);
                c.getStyler().setXAxisMin(law.lower());
                c.getStyler().setXAxisMax(law.upper());
                charts.add(c);
            }
        } else if (law.d() == 2 && law.potential() != null && !RunPlots.isPhaseSpace(run.flow().space(), 2)) {
            charts.addAll(cloudFrames(run, law, frames, size));
        } else {
            charts.addAll(histogramFrames(run, law, frames, size));
        }
        List<BufferedImage> images = new ArrayList<>();
        for (XYChart c : charts) {
            images.add(PlotFiles.image(c));
        }
        return images;
    }

    private static List<XYChart> histogramFrames(RunPlots.RunData run, Law law, List<Snapshot> frames,
                                                 PlotSize size) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Snapshot s : frames) {
            for (double v : law.coordinate(s.state(), s.count(), 0)) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > lo)) {
            return List.of();
        }
        Snapshot last = frames.get(frames.size() - 1);
        double[] lastX = law.coordinate(last.state(), last.count(), 0);
        double width = Histogram.width(java.util.Arrays.stream(lastX).filter(Double::isFinite).sorted().toArray());
        width = Math.max(width, (hi - lo) / Histogram.MAX_BINS);
        List<Histogram> hs = new ArrayList<>();
        double top = 0;
        for (Snapshot s : frames) {
            Histogram h = Histogram.window(law.coordinate(s.state(), s.count(), 0), lo, hi, width);
            hs.add(h);
            for (double v : h.density()) {
                top = Math.max(top, v);
            }
        }
        // a start from one point is a spike of any height: keep the scale of the later frames (at most 2.5 times the
        // last frame's or the Gibbs law's peak); the spike is cut at the top
        double later = 0;
        for (double v : hs.get(hs.size() - 1).density()) {
            later = Math.max(later, v);
        }
        if (law.gibbs() != null && law.potential() != null && law.d() == 1) {
            for (int i = 0; i <= 200; i++) {
                double x = lo + (hi - lo) * i / 200;
                later = Math.max(later, law.gibbs().density(law.potential().applyAsDouble(new double[] {x})));
            }
        }
        top = Math.min(top, 2.5 * later);
        List<XYChart> out = new ArrayList<>();
        for (int k = 0; k < frames.size(); k++) {
            Snapshot s = frames.get(k);
            XYChart c = Plots.chart(run.label() + ": t = " + Plots.fmt(s.time()), run.flow().space()
                    .coordinateName(0), "density", size);
            Plots.bars(c, hs.get(k).count() + " particles", hs.get(k), run.colour());
            if (law.gibbs() != null && law.potential() != null && law.d() <= 2) {
                // in phase space H(q, 0) = E(q): the q-marginal of exp(-H/T)
                Plots.gibbsCurve(c, v -> law.potential().applyAsDouble(law.d() == 1 ? new double[] {v}
                        : new double[] {v, 0}), law.gibbs().temperature(), lo, hi);
            }
            c.getStyler().setXAxisMin(lo - 0.1 * (hi - lo));
            c.getStyler().setXAxisMax(hi + 0.1 * (hi - lo));
            c.getStyler().setYAxisMin(0.0);
            c.getStyler().setYAxisMax(1.05 * top);
            out.add(c);
        }
        return out;
    }

    private static List<XYChart> cloudFrames(RunPlots.RunData run, Law law, List<Snapshot> frames, PlotSize size) {
        double[] box = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (Snapshot s : frames) {
            double[][] xy = xy(law, s);
            for (int i = 0; i < xy[0].length; i++) {
                if (Double.isFinite(xy[0][i]) && Double.isFinite(xy[1][i])) {
                    box[0] = Math.min(box[0], xy[0][i]);
                    box[1] = Math.max(box[1], xy[0][i]);
                    box[2] = Math.min(box[2], xy[1][i]);
                    box[3] = Math.max(box[3], xy[1][i]);
                }
            }
        }
        if (!(box[1] > box[0] && box[3] > box[2])) {
            return List.of();
        }
        // the window of the first frame, widened to equal scales once, is kept for all frames
        double[][] corners = {{box[0], box[1]}, {box[2], box[3]}};
        XYChart probe = Plots.landscape("", "x1", "x2", law.potential(), List.of(), List.of(new Plots.Cloud(" probe",
                corners, Color.BLACK)), size);
        Axes.prepare(probe);
        double[] window = {probe.getStyler().getXAxisMin(), probe.getStyler().getXAxisMax(),
            probe.getStyler().getYAxisMin(), probe.getStyler().getYAxisMax()};
        // the level sets are computed once, on the probe's window, and copied into every frame
        List<XYSeries> levels = new ArrayList<>();
        for (XYSeries series : probe.getSeriesCollection()) {
            if (series.getName().startsWith("level")) {
                levels.add(series);
            }
        }
        List<XYChart> out = new ArrayList<>();
        for (Snapshot s : frames) {
            XYChart c = Plots.chart(run.label() + ": t = " + Plots.fmt(s.time()), "x1", "x2", size);
            for (XYSeries level : levels) {
                XYSeries copy = c.addSeries(level.getName(), level.getXData(), level.getYData());
                copy.setMarker(SeriesMarkers.NONE);
                copy.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.SOLID);
                copy.setLineColor(level.getLineColor());
                copy.setLineWidth(level.getLineWidth());
                copy.setShowInLegend(level.isShowInLegend());
            }
            Plots.scatter(c, s.count() + " particles", xy(law, s), run.colour());
            c.getStyler().setXAxisMin(window[0]);
            c.getStyler().setXAxisMax(window[1]);
            c.getStyler().setYAxisMin(window[2]);
            c.getStyler().setYAxisMax(window[3]);
            out.add(c);
        }
        return out;
    }
}
