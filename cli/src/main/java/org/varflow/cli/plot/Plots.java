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
import org.varflow.cli.law.Gibbs;

/**
 * The chart types varflow draws, as XChart line charts: quantities against time (log scale where they decay),
 * paths over an energy's level sets, phase portraits, histograms against a density, and overlays of several runs.
 * Every series has an explicit colour (a method's from the {@link Colours palette}, black for closed forms) and a line
 * style, so a reference drawn over a curve it agrees with stays visible (dashed over solid, or markers). Legends sit
 * below the plot, never over the data. Markers are off on long series, so SVG files stay small.
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

    private Plots() {
    }

    /** How a series is drawn. */
    public enum Line {
        /** A solid line of width 2: data. */
        SOLID,
        /** A dashed line: a closed form or a target drawn over data it may hide. */
        DASHED,
        /** A dotted line: a guide (a slope, a bound). */
        DOTTED,
        /** Circles at the points, no line: computed values at nodes. */
        MARKERS
    }

    /**
     * A named series: x and y of equal length (NaN entries are skipped), its colour (null: the next fallback colour of
     * the palette) and how it is drawn.
     */
    public record Series(String name, double[] x, double[] y, Color colour, Line line) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but "
                        + y.length + " y values");
            }
            line = line == null ? Line.SOLID : line;
        }

        /** A solid series in the next fallback colour. */
        public Series(String name, double[] x, double[] y) {
            this(name, x, y, null, Line.SOLID);
        }
    }

    /** A path in the plane (x, y), e.g. a run's two coordinates over time, in a colour (null: by position). */
    public record Path2(String name, double[] x, double[] y, Color colour) {
        public Path2(String name, double[] x, double[] y) {
            this(name, x, y, null);
        }
    }

    /** A blank chart in varflow's style: white, light grid, round ticks with leading zeros, legend below. */
    public static XYChart chart(String title, String xTitle, String yTitle, PlotSize size) {
        XYChart chart = new XYChartBuilder().width(size.width()).height(size.height()).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x999999));
        s.setLegendBorderColor(new Color(0xcccccc));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setSeriesColors(fallback());
        chart.getStyler().setPlotGridLinesColor(new Color(0xe6e6e6));
        // solid: a dashed stroke is written to SVG as one small rectangle per dash
        chart.getStyler().setPlotGridLinesStroke(new BasicStroke(0.8f));
        chart.getStyler().setAntiAlias(true);
        chart.getStyler().setMarkerSize(6);
        Axes.style(chart);
        return chart;
    }

    private static Color[] fallback() {
        return org.varflow.Palette.standard().fallback().stream().map(Color::decode).toArray(Color[]::new);
    }

    /** Adds a series as its style says; returns it (null when no point is finite). */
    public static XYSeries draw(XYChart chart, Series s) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < s.x().length; i++) {
            if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                pts.add(new double[] {s.x()[i], s.y()[i]});
            }
        }
        if (pts.isEmpty()) {
            return null;
        }
        double[][] xy = thin(pts, s.line() == Line.MARKERS ? 200 : MAX_POINTS);
        XYSeries line = chart.addSeries(s.name(), xy[0], xy[1]);
        Color c = s.colour() != null ? s.colour()
                : fallback()[(chart.getSeriesCollection().size() - 1) % fallback().length];
        line.setLineColor(c);
        line.setMarkerColor(c);
        switch (s.line()) {
            case DASHED -> {
                line.setMarker(SeriesMarkers.NONE);
                line.setLineStyle(new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {7f, 5f}, 0f));
            }
            case DOTTED -> {
                line.setMarker(SeriesMarkers.NONE);
                line.setLineStyle(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {1.5f, 4f}, 0f));
            }
            case MARKERS -> {
                line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                line.setMarker(SeriesMarkers.CIRCLE);
            }
            default -> {
                line.setMarker(SeriesMarkers.NONE);
                line.setLineStyle(new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            }
        }
        return line;
    }

    /** A horizontal line at y over [x0, x1], e.g. the minimum a curve falls to. */
    public static Series level(String name, double y, double x0, double x1, Color colour) {
        return new Series(name, new double[] {x0, x1}, new double[] {y, y}, colour, Line.DASHED);
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
        return over(title, "time", yTitle, series, logGap, reference, size);
    }

    /** As {@link #overTime}, against any x (step, epsilon, ...) named {@code xTitle}. */
    public static XYChart over(String title, String xTitle, String yTitle, List<Series> series, boolean logGap,
                               double reference, PlotSize size) {
        XYChart chart = chart(title, xTitle, yTitle, size);
        if (logGap) {
            chart.getStyler().setYAxisLogarithmic(true);
        }
        int added = 0;
        for (Series s : series) {
            double ref = logGap ? (Double.isNaN(reference) ? min(s.y()) : reference) : 0;
            double[] y = new double[s.y().length];
            for (int i = 0; i < y.length; i++) {
                y[i] = s.y()[i] - ref;
                if (logGap && !(y[i] > 0)) {
                    y[i] = Double.NaN;
                }
            }
            if (draw(chart, new Series(s.name(), s.x(), y, s.colour(), s.line())) != null) {
                added++;
            }
        }
        return added == 0 ? null : chart;
    }

    /**
     * Paths over the level sets of {@code f} in the plane, with an optional particle cloud, on equal scales (a unit is
     * as long across as up, so level sets keep their shape and the gradient is perpendicular to them). The window
     * covers the paths and the cloud with a margin.
     */
    public static XYChart landscape(String title, String xName, String yName, ToDoubleFunction<double[]> f,
                                    List<Path2> paths, double[][] cloud, PlotSize size) {
        return landscape(title, xName, yName, f, paths, cloud == null ? List.of()
                : List.of(new Cloud("particles (final)", cloud, Colours.role("particles"))), size);
    }

    /** A named cloud of points (x = xy[0], y = xy[1]) in a colour. */
    public record Cloud(String name, double[][] xy, Color colour) {
    }

    /** As above, with any number of clouds (e.g. the particles at the start and at the end). */
    public static XYChart landscape(String title, String xName, String yName, ToDoubleFunction<double[]> f,
                                    List<Path2> paths, List<Cloud> clouds, PlotSize size) {
        double[] box = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (Path2 p : paths) {
            grow(box, p.x(), p.y());
        }
        for (Cloud c : clouds) {
            grow(box, c.xy()[0], c.xy()[1]);
        }
        if (!Double.isFinite(box[0]) || !Double.isFinite(box[2])) {
            return null;
        }
        pad(box, 0);
        pad(box, 2);
        XYChart chart = chart(title, xName, yName, size);
        if (f != null) {
            // level sets over twice the window, so they still reach the edges once equal scales widen it
            double cx = 0.5 * (box[0] + box[1]);
            double cy = 0.5 * (box[2] + box[3]);
            double half = 1.3 * Math.max(box[1] - box[0], box[3] - box[2]);
            Contours grid = Contours.sample(f, cx - half, cx + half, cy - half, cy + half, 2 * GRID - 1);
            Contours inner = Contours.sample(f, box[0], box[1], box[2], box[3], GRID);
            double[] levels = inner.levels(LEVELS);
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
        for (Cloud c : clouds) {
            if (c.xy()[0].length > 0) {
                // a cloud named with a leading space only widens the window (e.g. to the frames' common one)
                scatter(chart, c.name(), c.xy(), c.colour()).setShowInLegend(!c.name().startsWith(" "));
            }
        }
        int i = 0;
        for (Path2 p : paths) {
            Color c = p.colour() != null ? p.colour() : fallback()[i % fallback().length];
            i++;
            double[][] xy = thin(points(p.x(), p.y()), MAX_POINTS);
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
        if (clouds.isEmpty()) {
            chart.getStyler().setMarkerSize(8);
        }
        Axes.equal(chart, box);
        return chart;
    }

    /** A cloud of points (x = cloud[0], y = cloud[1]) as small translucent dots. */
    public static XYSeries scatter(XYChart chart, String name, double[][] cloud, Color colour) {
        XYSeries s = chart.addSeries(name, cloud[0], cloud[1]);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(Colours.alpha(colour, 110));
        chart.getStyler().setMarkerSize(4);
        return s;
    }

    /** Kept for callers that placed legends themselves: every chart's legend is below its plot already. */
    public static void legendBelow(XYChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    }

    /**
     * Lays the legend under the plot: in one row when the entries fit the chart's width (at about 7 pixels a
     * character), else one entry per line.
     */
    static void layoutLegend(XYChart chart) {
        int width = 0;
        for (XYSeries s : chart.getSeriesCollection()) {
            if (s.isShowInLegend()) {
                width += 8 * s.getName().length() + 55;
            }
        }
        chart.getStyler().setLegendLayout(width < chart.getWidth() - 40 ? Styler.LegendLayout.Horizontal
                : Styler.LegendLayout.Vertical);
    }

    /** Phase portraits (q_i, p_i) of several coordinate pairs, without level sets, on equal scales. */
    public static XYChart phase(String title, List<Path2> pairs, PlotSize size) {
        XYChart chart = chart(title, "q", "p", size);
        double[] box = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        int added = 0;
        for (Path2 p : pairs) {
            double[][] xy = thin(points(p.x(), p.y()), MAX_POINTS);
            if (xy[0].length == 0) {
                continue;
            }
            grow(box, xy[0], xy[1]);
            XYSeries s = chart.addSeries(p.name(), xy[0], xy[1]);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(SeriesLines.SOLID);
            s.setLineWidth(2f);
            s.setLineColor(p.colour() != null ? p.colour() : fallback()[added % fallback().length]);
            added++;
        }
        if (added == 0) {
            return null;
        }
        pad(box, 0);
        pad(box, 2);
        Axes.equal(chart, box);
        return chart;
    }

    /**
     * A histogram (a density) of {@code samples} in Freedman-Diaconis bins covering every sample, in {@code colour},
     * with the Gibbs density exp(-E(x)/T)/Z drawn dashed over it when {@code energy} is given and T = 1/beta is finite
     * and positive (Z by quadrature, {@link Gibbs}).
     */
    public static XYChart histogram(String title, String xName, double[] samples, DoubleUnaryOperator energy,
                                    double beta, PlotSize size) {
        Histogram h = Histogram.freedmanDiaconis(samples);
        if (h == null) {
            return null;
        }
        XYChart chart = chart(title, xName, "density", size);
        bars(chart, h.count() + " particles, " + h.rule(), h, Colours.role("particles"));
        if (energy != null && beta > 0 && Double.isFinite(beta)) {
            gibbsCurve(chart, energy, 1 / beta, h.edges()[0], h.edges()[h.bins()]);
        }
        return chart;
    }

    /** Draws a histogram as filled bars with an outline. */
    public static XYSeries bars(XYChart chart, String name, Histogram h, Color colour) {
        double[][] xy = h.outline();
        XYSeries s = chart.addSeries(name, xy[0], xy[1]);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(SeriesLines.SOLID);
        s.setFillColor(Colours.alpha(colour, 90));
        s.setLineColor(colour);
        return s;
    }

    /** Draws a histogram as its outline only (several on one chart stay readable). */
    public static XYSeries outline(XYChart chart, String name, Histogram h, Color colour) {
        double[][] xy = h.outline();
        XYSeries s = chart.addSeries(name, xy[0], xy[1]);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(SeriesLines.SOLID);
        s.setLineWidth(1.8f);
        s.setLineColor(colour);
        return s;
    }

    /**
     * Draws the Gibbs density exp(-E(x)/T)/Z dashed over [a, b] widened by a tenth on each side (Z over the whole line,
     * by quadrature); returns the law, or null when it is not normalisable.
     */
    public static Gibbs gibbsCurve(XYChart chart, DoubleUnaryOperator energy, double temperature, double a, double b) {
        Gibbs law;
        try {
            law = Gibbs.onLine(energy, temperature, 0.5 * (a + b), Math.max(b - a, 1e-3));
        } catch (IllegalArgumentException notNormalisable) {
            return null;
        }
        double lo = a - 0.1 * (b - a);
        double hi = b + 0.1 * (b - a);
        int n = 401;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * i / (n - 1);
            double e;
            try {
                e = energy.applyAsDouble(x[i]);
            } catch (RuntimeException outside) {
                e = Double.NaN;
            }
            y[i] = Double.isFinite(e) ? law.density(e) : Double.NaN;
        }
        draw(chart, new Series("Gibbs exp(-E/T)/Z, T = " + fmt(temperature), x, y, Colours.role("target"),
                Line.DASHED));
        return law;
    }

    /** exp(-beta E(x)) / Z on a grid over [a, b] (Z over [a, b] by the trapezoidal rule), or null when E is nowhere
     * finite there. */
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
        return thin(pts, MAX_POINTS);
    }

    /** At most {@code max} points, evenly spaced in index, first and last kept. */
    static double[][] thin(List<double[]> pts, int max) {
        int n = pts.size();
        int m = Math.min(n, max);
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

    /** The smallest finite value (NaN when there is none). */
    public static double min(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).min().orElse(Double.NaN);
    }

    /** A tolerance as typed: 1e-06 rather than 1.000e-06. */
    public static String fmtTolerance(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v).replaceFirst("\\.?0+(e|$)", "$1");
    }

    /** Four significant digits without trailing zeros: 0.72, 6, -0.9189, 1.5e-5. */
    public static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return Axes.label(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", v)));
    }
}
