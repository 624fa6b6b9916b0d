package org.varflow.cli.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Axes a lecturer can read: ticks at round numbers (1, 2 or 5 times a power of ten) labelled with their leading zero
 * ({@code 0.05}, never {@code .05}); log axes with labels at every decade, or at 1..9 x 10^k when the data span less
 * than two decades; and, where geometry matters (level sets, phase portraits, particle clouds), one unit as long on
 * both axes.
 *
 * <p>Two quirks of XChart are handled here. Its tick labels use a pattern that drops the leading zero, so every chart
 * gets {@link #label} as its formatter. And when the x (or y) values of all series are equally spaced it puts ticks at
 * the data values (0, 0.36, 0.72, ... for observations every 0.12) instead of at round numbers: {@link #prepare} adds
 * one invisible point, named {@value #HELPER_NAME}, that breaks the spacing. Tests reading a chart's series skip it.
 */
public final class Axes {
    /** The name of the invisible series {@link #prepare} adds. */
    public static final String HELPER_NAME = " axis";
    private static final Map<XYChart, double[]> EQUAL = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<XYChart, Boolean> APPLIED = Collections.synchronizedMap(new WeakHashMap<>());

    private Axes() {
    }

    /** A tick label: the number rounded to 10 significant digits, plain with its leading zero, or as 2.5e-6. */
    public static String label(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : String.valueOf(v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) {
            String s = d.toPlainString();
            return s.equals("-0") ? "0" : s;
        }
        String s = String.format(Locale.ROOT, "%.4e", d.doubleValue());
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceFirst("\\.?0+$", "");
        int exponent = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + exponent;
    }

    /** Applies varflow's tick labels to a new chart. */
    static void style(XYChart chart) {
        XYStyler s = chart.getStyler();
        s.setXAxisTickLabelsFormattingFunction(Axes::label);
        s.setYAxisTickLabelsFormattingFunction(Axes::label);
    }

    /**
     * Asks for equal scales on a chart whose window is {@code box} = (xmin, xmax, ymin, ymax): {@link #prepare} widens
     * the shorter side so one unit has the same length in pixels on both axes, measured on the rendered chart.
     */
    public static void equal(XYChart chart, double[] box) {
        EQUAL.put(chart, box.clone());
    }

    /** Withdraws a request of {@link #equal} (the caller fixes the window itself). */
    public static void unequal(XYChart chart) {
        EQUAL.remove(chart);
    }

    /** Whether {@link #equal} was asked for. */
    public static boolean isEqual(XYChart chart) {
        return EQUAL.containsKey(chart);
    }

    /**
     * Gets a chart ready to draw (called before every rendering; repeating it changes nothing): log axes choose their
     * labels, equal scales are measured and applied, and the helper point breaks equally spaced data.
     */
    public static void prepare(XYChart chart) {
        XYStyler s = chart.getStyler();
        Plots.layoutLegend(chart);
        if (s.isXAxisLogarithmic()) {
            s.setXAxisTickLabelsFormattingFunction(null);
            double[] range = range(chart, true, true);
            s.setXAxisLogarithmicDecadeOnly(!(range[1] / range[0] < 10));
        }
        if (s.isYAxisLogarithmic()) {
            // a log axis uses XChart's own calculator, which a formatting function would replace: remove it
            s.setYAxisTickLabelsFormattingFunction(null);
            double[] range = range(chart, false, true);
            s.setYAxisLogarithmicDecadeOnly(!(range[1] / range[0] < 100));
        }
        double[] box = EQUAL.get(chart);
        if (box != null && APPLIED.put(chart, Boolean.TRUE) != null) {
            box = null; // measured already
        }
        if (box != null) {
            s.setXAxisMin(box[0]);
            s.setXAxisMax(box[1]);
            s.setYAxisMin(box[2]);
            s.setYAxisMax(box[3]);
        }
        addHelper(chart);
        if (box != null) {
            applyEqual(chart, box);
        }
    }

    private static void addHelper(XYChart chart) {
        XYStyler s = chart.getStyler();
        if ((chart.getSeries(HELPER_NAME) != null)) {
            return;
        }
        double[] x = range(chart, true, s.isXAxisLogarithmic());
        double[] y = range(chart, false, s.isYAxisLogarithmic());
        if (!Double.isFinite(x[0]) || !Double.isFinite(y[0])) {
            return;
        }
        double golden = 0.6180339887;
        double hx = s.isXAxisLogarithmic() ? Math.exp(Math.log(x[0]) + golden * Math.log(x[1] / x[0]))
                : x[0] + golden * (x[1] - x[0]) + 1e-7 * (x[1] - x[0]);
        double hy = s.isYAxisLogarithmic() ? Math.exp(Math.log(y[0]) + golden * Math.log(y[1] / y[0]))
                : y[0] + golden * (y[1] - y[0]) + 1e-7 * (y[1] - y[0]);
        XYSeries helper = chart.addSeries(HELPER_NAME, new double[] {hx}, new double[] {hy});
        helper.setMarker(SeriesMarkers.NONE);
        helper.setShowInLegend(false);
        helper.setLineColor(new java.awt.Color(0, 0, 0, 0));
    }

    /** The axis window (explicit bounds where set, else the data's finite range; positive values only for logs). */
    static double[] range(XYChart chart, boolean xAxis, boolean positive) {
        XYStyler s = chart.getStyler();
        Double min = xAxis ? s.getXAxisMin() : s.getYAxisMin();
        Double max = xAxis ? s.getXAxisMax() : s.getYAxisMax();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesCollection()) {
            if (series.getName().equals(HELPER_NAME)) {
                continue;
            }
            for (double v : xAxis ? series.getXData() : series.getYData()) {
                if (Double.isFinite(v) && (!positive || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (min != null) {
            lo = min;
        }
        if (max != null) {
            hi = max;
        }
        if (!(hi > lo)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {lo, hi};
    }

    /**
     * Sets the window to {@code box}, renders, measures the pixels per unit on both axes and widens the shorter side
     * until they agree (twice: tick labels of the new window may change the plot's width a little).
     */
    private static void applyEqual(XYChart chart, double[] box) {
        double[] b = box.clone();
        XYStyler s = chart.getStyler();
        for (int pass = 0; pass < 3; pass++) {
            s.setXAxisMin(b[0]);
            s.setXAxisMax(b[1]);
            s.setYAxisMin(b[2]);
            s.setYAxisMax(b[3]);
            BitmapEncoder.getBufferedImage(chart);
            double wide = Math.abs(chart.getScreenXFromChart(b[1]) - chart.getScreenXFromChart(b[0]));
            double tall = Math.abs(chart.getScreenYFromChart(b[3]) - chart.getScreenYFromChart(b[2]));
            if (!(wide > 10 && tall > 10)) {
                return;
            }
            double unitsPerPixel = Math.max((b[1] - b[0]) / wide, (b[3] - b[2]) / tall);
            double growX = (unitsPerPixel * wide - (b[1] - b[0])) / 2;
            double growY = (unitsPerPixel * tall - (b[3] - b[2])) / 2;
            if (growX < 1e-9 * (b[1] - b[0]) && growY < 1e-9 * (b[3] - b[2])) {
                return;
            }
            b[0] -= growX;
            b[1] += growX;
            b[2] -= growY;
            b[3] += growY;
        }
        s.setXAxisMin(b[0]);
        s.setXAxisMax(b[1]);
        s.setYAxisMin(b[2]);
        s.setYAxisMax(b[3]);
    }

    /** Pixels per unit along x and y of a rendered chart's window (for tests of equal scales). */
    public static double[] pixelsPerUnit(XYChart chart) {
        XYStyler s = chart.getStyler();
        BitmapEncoder.getBufferedImage(chart);
        double x0 = s.getXAxisMin();
        double x1 = s.getXAxisMax();
        double y0 = s.getYAxisMin();
        double y1 = s.getYAxisMax();
        return new double[] {Math.abs(chart.getScreenXFromChart(x1) - chart.getScreenXFromChart(x0)) / (x1 - x0),
            Math.abs(chart.getScreenYFromChart(y1) - chart.getScreenYFromChart(y0)) / (y1 - y0)};
    }
}
