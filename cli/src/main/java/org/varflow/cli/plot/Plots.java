package org.varflow.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The chart types varflow draws, as XChart line charts: quantities against time (log scale where they decay),
 * paths over an energy's level sets, phase portraits, histograms against a density, and overlays of several runs.
 * Markers are off on long series, so SVG files stay small.
 */
public final class Plots {
    /** Points above which a series is thinned before drawing (evenly, keeping the first and last). */
    static final int MAX_POINTS = 800;
    /** Particles drawn at most in a cloud. */
    static final int MAX_CLOUD = 1000;
    /** Grid points per side for level sets. */
    static final int GRID = 101;
    /** Level sets drawn. */
    static final int LEVELS = 12;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf),
        new Color(0x7f7f7f), new Color(0xbcbd22)};

    private Plots() {
    }

    /** A named series: x and y of equal length (NaN entries are skipped). */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but "
                        + y.length + " y values");
            }
        }
    }

    /** A path in the plane (x, y), e.g. a run's two coordinates over time. */
    public record Path2(String name, double[] x, double[] y) {
    }

    /** A blank chart in varflow's style. */
    public static XYChart chart(String title, String xTitle, String yTitle, PlotSize size) {
        XYChart chart = new XYChartBuilder().width(size.width()).height(size.height()).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x999999));
        s.setLegendBorderColor(new Color(0xcccccc));
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setSeriesColors(PALETTE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xe6e6e6));
        // solid: a dashed stroke is written to SVG as one small rectangle per dash
        chart.getStyler().setPlotGridLinesStroke(new BasicStroke(0.8f));
        chart.getStyler().setAntiAlias(true);
        return chart;
    }

    /**
     * Whether a series decays: it has a positive drop from its start to its minimum, and over its last quarter it
     * stays within 1/1000 of that drop above the minimum. Such series are drawn as the gap to the minimum on a log
     * scale, where exponential convergence is a straight line.
     */
    public static boolean decays(double[] v) {
        double[] f = Arrays.stream(v).filter(Double::isFinite).toArray();
        if (f.length < 4) {
            return false;
        }
        double min = Arrays.stream(f).min().orElseThrow();
        double drop = f[0] - min;
        if (!(drop > 0)) {
            return false;
        }
        double tail = 0;
        int from = f.length - Math.max(1, f.length / 4);
        for (int i = from; i < f.length; i++) {
            tail += f[i] - min;
        }
        tail /= f.length - from;
        return tail <= 1e-3 * drop;
    }

    /**
     * Quantities against time. When {@code logGap} is set each series is drawn as its gap above {@code reference}
     * (the series' own minimum when the reference is NaN) on a log axis; non-positive gaps are left out.
     */
    public static XYChart overTime(String title, String yTitle, List<Series> series, boolean logGap,
                                   double reference, PlotSize size) {
        XYChart chart = chart(title, "time", yTitle, size);
        if (logGap) {
            chart.getStyler().setYAxisLogarithmic(true);
        }
        int added = 0;
        for (Series s : series) {
            double ref = logGap ? (Double.isNaN(reference) ? min(s.y()) : reference) : 0;
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < s.x().length; i++) {
                double y = s.y()[i] - ref;
                if (Double.isFinite(s.x()[i]) && Double.isFinite(y) && (!logGap || y > 0)) {
                    pts.add(new double[] {s.x()[i], y});
                }
            }
            if (pts.isEmpty()) {
                continue;
            }
            double[][] xy = thin(pts);
            XYSeries line = chart.addSeries(s.name(), xy[0], xy[1]);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineStyle(SeriesLines.SOLID);
            line.setLineWidth(1.8f);
            added++;
        }
        return added == 0 ? null : chart;
    }

    /**
     * Paths over the level sets of {@code f} in the plane, with an optional particle cloud. The window covers the
     * paths and the cloud with a margin.
     */
    public static XYChart landscape(String title, String xName, String yName, ToDoubleFunction<double[]> f,
                                    List<Path2> paths, double[][] cloud, PlotSize size) {
        double[] box = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (Path2 p : paths) {
            grow(box, p.x(), p.y());
        }
        if (cloud != null) {
            grow(box, cloud[0], cloud[1]);
        }
        if (!Double.isFinite(box[0]) || !Double.isFinite(box[2])) {
            return null;
        }
        pad(box, 0);
        pad(box, 2);
        equalAspect(box, size);
        XYChart chart = chart(title, xName, yName, size);
        chart.getStyler().setXAxisMin(box[0]);
        chart.getStyler().setXAxisMax(box[1]);
        chart.getStyler().setYAxisMin(box[2]);
        chart.getStyler().setYAxisMax(box[3]);
        if (f != null) {
            Contours grid = Contours.sample(f, box[0], box[1], box[2], box[3], GRID);
            double[] levels = grid.levels(LEVELS);
            for (int k = 0; k < levels.length; k++) {
                double[][] line = simplify(grid.line(levels[k]), 4 * (box[1] - box[0]) / size.width(),
                        4 * (box[3] - box[2]) / size.height());
                if (line[0].length < 2) {
                    continue;
                }
                XYSeries s = chart.addSeries(k == 0 ? "level sets of the energy" : "level " + (k + 1), line[0],
                        line[1]);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineStyle(SeriesLines.SOLID);
                s.setLineColor(levelColour(k, levels.length));
                s.setLineWidth(0.9f);
                s.setShowInLegend(k == 0);
            }
        }
        if (cloud != null && cloud[0].length > 0) {
            XYSeries s = chart.addSeries("particles (final)", cloud[0], cloud[1]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(new Color(31, 119, 180, 90));
            chart.getStyler().setMarkerSize(3);
        }
        int i = 0;
        for (Path2 p : paths) {
            Color c = PALETTE[(1 + i++) % PALETTE.length];
            double[][] xy = thin(points(p.x(), p.y()));
            if (xy[0].length == 0) {
                continue;
            }
            xy = simplify(xy, 1.5 * (box[1] - box[0]) / size.width(), 1.5 * (box[3] - box[2]) / size.height());
            XYSeries s = chart.addSeries(p.name(), xy[0], xy[1]);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(SeriesLines.SOLID);
            s.setLineColor(c);
            s.setLineWidth(2f);
            XYSeries start = chart.addSeries(p.name() + " start", new double[] {xy[0][0]}, new double[] {xy[1][0]});
            start.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            start.setMarker(SeriesMarkers.CIRCLE);
            start.setMarkerColor(c);
            start.setShowInLegend(false);
            int last = xy[0].length - 1;
            XYSeries end = chart.addSeries(p.name() + " end", new double[] {xy[0][last]},
                    new double[] {xy[1][last]});
            end.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            end.setMarker(SeriesMarkers.DIAMOND);
            end.setMarkerColor(Color.BLACK);
            end.setShowInLegend(false);
        }
        if (cloud == null) {
            chart.getStyler().setMarkerSize(8);
        }
        legendBelow(chart);
        return chart;
    }

    /**
     * Puts the legend under the plot: in one row when the entries fit the chart's width (at about 7 pixels a
     * character), else one entry per line.
     */
    public static void legendBelow(XYChart chart) {
        int width = 0;
        for (XYSeries s : chart.getSeriesCollection()) {
            if (s.isShowInLegend()) {
                width += 7 * s.getName().length() + 45;
            }
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(width < chart.getWidth() - 40 ? Styler.LegendLayout.Horizontal
                : Styler.LegendLayout.Vertical);
    }

    /** Phase portraits (q_i, p_i) of several coordinate pairs, without level sets. */
    public static XYChart phase(String title, List<Path2> pairs, PlotSize size) {
        XYChart chart = chart(title, "q", "p", size);
        int added = 0;
        for (Path2 p : pairs) {
            double[][] xy = thin(points(p.x(), p.y()));
            if (xy[0].length == 0) {
                continue;
            }
            XYSeries s = chart.addSeries(p.name(), xy[0], xy[1]);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(SeriesLines.SOLID);
            s.setLineWidth(1.5f);
            added++;
        }
        return added == 0 ? null : chart;
    }

    /**
     * A normalised histogram (a density) of {@code samples}, with the Gibbs density exp(-beta E(x)) / Z drawn in when
     * {@code energy} is given and beta is finite and positive; Z is computed by the trapezoidal rule on a grid
     * reaching half the sample range beyond it on either side.
     */
    public static XYChart histogram(String title, String xName, double[] samples, DoubleUnaryOperator energy,
                                    double beta, PlotSize size) {
        double[] s = Arrays.stream(samples).filter(Double::isFinite).sorted().toArray();
        if (s.length < 2) {
            return null;
        }
        double lo = s[0];
        double hi = s[s.length - 1];
        if (!(hi > lo)) {
            lo -= 0.5;
            hi += 0.5;
        }
        double iqr = s[(3 * s.length) / 4] - s[s.length / 4];
        double width = iqr > 0 ? 2 * iqr / Math.cbrt(s.length) : (hi - lo) / 10; // Freedman-Diaconis
        int bins = (int) Math.max(10, Math.min(80, Math.ceil((hi - lo) / width)));
        double w = (hi - lo) / bins;
        double[] counts = new double[bins];
        for (double v : s) {
            counts[Math.min(bins - 1, (int) ((v - lo) / w))]++;
        }
        // the outline of the bars with x strictly increasing (an area series needs it): each edge is visited
        // twice, the second time nudged right by a hair
        double eps = 1e-9 * w;
        double[] x = new double[2 * bins + 2];
        double[] y = new double[x.length];
        x[0] = lo;
        for (int b = 0; b < bins; b++) {
            double density = counts[b] / (s.length * w);
            x[2 * b + 1] = lo + b * w + eps;
            y[2 * b + 1] = density;
            x[2 * b + 2] = lo + (b + 1) * w;
            y[2 * b + 2] = density;
        }
        x[x.length - 1] = hi + eps;
        XYChart chart = chart(title, xName, "density", size);
        XYSeries h = chart.addSeries("particles (" + s.length + ")", x, y);
        h.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        h.setMarker(SeriesMarkers.NONE);
        h.setLineStyle(SeriesLines.SOLID);
        h.setFillColor(new Color(31, 119, 180, 110));
        h.setLineColor(new Color(31, 119, 180));
        if (energy != null && beta > 0 && Double.isFinite(beta)) {
            double[][] gibbs = gibbs(energy, beta, lo - 0.5 * (hi - lo), hi + 0.5 * (hi - lo), 1201);
            if (gibbs != null) {
                List<double[]> shown = new ArrayList<>();
                double margin = 0.1 * (hi - lo);
                for (int i = 0; i < gibbs[0].length; i++) {
                    if (gibbs[0][i] >= lo - margin && gibbs[0][i] <= hi + margin) {
                        shown.add(new double[] {gibbs[0][i], gibbs[1][i]});
                    }
                }
                double[][] xy = thin(shown);
                XYSeries g = chart.addSeries("Gibbs exp(-beta E)/Z, beta = " + fmt(beta), xy[0], xy[1]);
                g.setMarker(SeriesMarkers.NONE);
                g.setLineStyle(SeriesLines.SOLID);
                g.setLineColor(new Color(0xd62728));
                g.setLineWidth(2.2f);
            }
        }
        return chart;
    }

    /** exp(-beta E(x)) / Z on a grid over [a, b], or null when E is nowhere finite there. */
    public static double[][] gibbs(DoubleUnaryOperator energy, double beta, double a, double b, int n) {
        double[] xs = new double[n];
        double[] logw = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            xs[i] = a + (b - a) * i / (n - 1);
            double e;
            try {
                e = energy.applyAsDouble(xs[i]);
            } catch (RuntimeException outside) {
                e = Double.NaN;
            }
            logw[i] = Double.isFinite(e) ? -beta * e : Double.NEGATIVE_INFINITY;
            max = Math.max(max, logw[i]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return null;
        }
        double[] w = new double[n];
        double z = 0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.exp(logw[i] - max);
            if (i > 0) {
                z += 0.5 * (w[i] + w[i - 1]) * (xs[i] - xs[i - 1]);
            }
        }
        for (int i = 0; i < n; i++) {
            w[i] /= z;
        }
        return new double[][] {xs, w};
    }

    /** Several named series over time on a log axis (e.g. distances to a target); null if none is positive. */
    public static XYChart decay(String title, String yTitle, List<Series> series, PlotSize size) {
        boolean positive = series.stream().allMatch(s -> Arrays.stream(s.y()).filter(Double::isFinite)
                .allMatch(v -> v > 0));
        XYChart chart = overTime(title, yTitle, series, false, 0, size);
        if (chart != null && positive) {
            chart.getStyler().setYAxisLogarithmic(true);
        }
        return chart;
    }

    private static Color levelColour(int k, int n) {
        double t = n <= 1 ? 0 : (double) k / (n - 1);
        // dark blue-grey near the minimum to light grey far from it
        int r = (int) (70 + t * 140);
        int g = (int) (90 + t * 125);
        int b = (int) (140 + t * 80);
        return new Color(Math.min(r, 255), Math.min(g, 255), Math.min(b, 255));
    }

    private static void grow(double[] box, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                box[0] = Math.min(box[0], x[i]);
                box[1] = Math.max(box[1], x[i]);
                box[2] = Math.min(box[2], y[i]);
                box[3] = Math.max(box[3], y[i]);
            }
        }
    }

    /**
     * Widens the shorter side of the window so one unit is as long on both axes (circles look round), unless the
     * spans differ by more than a factor of 3 (then each axis keeps its own scale, or the data would be a sliver).
     * The plot area is taken as the chart less about 100 pixels across and 140 down (axes, title, legend).
     */
    private static void equalAspect(double[] box, PlotSize size) {
        double w = box[1] - box[0];
        double h = box[3] - box[2];
        double pw = Math.max(50, size.width() - 100);
        double ph = Math.max(50, size.height() - 140);
        if (!(w > 0 && h > 0) || w / h > 3 || h / w > 3) {
            return;
        }
        double unitsPerPixel = Math.max(w / pw, h / ph);
        double grow = (unitsPerPixel * pw - w) / 2;
        box[0] -= grow;
        box[1] += grow;
        grow = (unitsPerPixel * ph - h) / 2;
        box[2] -= grow;
        box[3] += grow;
    }

    private static void pad(double[] box, int at) {
        double span = box[at + 1] - box[at];
        double m = span > 0 ? 0.15 * span : Math.max(1, Math.abs(box[at]) * 0.5);
        box[at] -= m;
        box[at + 1] += m;
    }

    /**
     * Drops points closer than about ({@code dx}, {@code dy}) to the last one kept (XChart writes each segment as an
     * SVG element, so this keeps files small without a visible change); NaN breaks and line ends are kept.
     */
    static double[][] simplify(double[][] xy, double dx, double dy) {
        double[] x = xy[0];
        double[] y = xy[1];
        double[] ox = new double[x.length];
        double[] oy = new double[y.length];
        int m = 0;
        for (int i = 0; i < x.length; i++) {
            boolean brk = Double.isNaN(x[i]);
            boolean end = i == 0 || i == x.length - 1 || Double.isNaN(x[i - 1]) || Double.isNaN(x[i + 1]);
            boolean far = m > 0 && !Double.isNaN(ox[m - 1])
                    && Math.abs(x[i] - ox[m - 1]) / dx + Math.abs(y[i] - oy[m - 1]) / dy >= 1;
            if (brk || end || far) {
                ox[m] = x[i];
                oy[m] = y[i];
                m++;
            }
        }
        return new double[][] {Arrays.copyOf(ox, m), Arrays.copyOf(oy, m)};
    }

    private static List<double[]> points(double[] x, double[] y) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                pts.add(new double[] {x[i], y[i]});
            }
        }
        return pts;
    }

    /** At most {@value #MAX_POINTS} points, evenly spaced in index, first and last kept. */
    static double[][] thin(List<double[]> pts) {
        int n = pts.size();
        int m = Math.min(n, MAX_POINTS);
        double[] x = new double[m];
        double[] y = new double[m];
        for (int k = 0; k < m; k++) {
            int i = m == 1 ? 0 : (int) Math.round((double) k * (n - 1) / (m - 1));
            x[k] = pts.get(i)[0];
            y[k] = pts.get(i)[1];
        }
        return new double[][] {x, y};
    }

    /** Up to {@value #MAX_CLOUD} particles' coordinates i and j, every k-th particle. */
    public static double[][] cloud(double[] states, int particles, int d, int i, int j) {
        int step = Math.max(1, (particles + MAX_CLOUD - 1) / MAX_CLOUD);
        int m = (particles + step - 1) / step;
        double[] x = new double[m];
        double[] y = new double[m];
        for (int k = 0; k < m; k++) {
            x[k] = states[k * step * d + i];
            y[k] = states[k * step * d + j];
        }
        return new double[][] {x, y};
    }

    static double min(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).min().orElse(Double.NaN);
    }

    /** A tolerance as typed: 1e-06 rather than 1.000e-06. */
    public static String fmtTolerance(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v).replaceFirst("\\.?0+(e|$)", "$1");
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
