package org.varflow.cli.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

/**
 * The data behind a chart, as it is drawn: its title, both axes (title, window, log or linear, equal scales) and
 * every series with its points, colour and style. Demos write it beside each figure as {@code NAME.json}, so a figure
 * can be re-plotted with another tool and checked by a test that reads numbers, not pixels.
 *
 * @param title  the chart's title
 * @param x      the horizontal axis
 * @param y      the vertical axis
 * @param equal  whether one unit is as long on both axes
 * @param series the series in drawing order (the invisible axis helper left out)
 */
public record FigureData(String title, Axis x, Axis y, boolean equal, List<SeriesData> series) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public FigureData {
        series = List.copyOf(series);
    }

    /**
     * An axis.
     *
     * @param title its title
     * @param min   the window's lower end (the data's when it was not fixed)
     * @param max   the window's upper end
     * @param log   whether it is logarithmic
     */
    public record Axis(String title, double min, double max, boolean log) {
    }

    /**
     * A series.
     *
     * @param name   its legend entry
     * @param x      abscissae
     * @param y      ordinates
     * @param style  {@code solid}, {@code dashed}, {@code dotted}, {@code markers}, {@code area} or {@code scatter}
     * @param colour {@code #rrggbb}
     * @param legend whether it appears in the legend
     */
    public record SeriesData(String name, double[] x, double[] y, String style, String colour, boolean legend) {
        public SeriesData {
            x = x.clone();
            y = y.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }

    /** The data of a chart as it will be drawn ({@link Axes#prepare} is applied first). */
    public static FigureData of(XYChart chart) {
        boolean equal = Axes.isEqual(chart);
        Axes.prepare(chart);
        XYStyler s = chart.getStyler();
        List<SeriesData> out = new ArrayList<>();
        for (XYSeries series : chart.getSeriesCollection()) {
            if (series.getName().equals(Axes.HELPER_NAME)) {
                continue;
            }
            java.awt.Color c = series.getLineColor() != null ? series.getLineColor() : series.getMarkerColor();
            out.add(new SeriesData(series.getName(), series.getXData(), series.getYData(), style(series),
                    c == null ? "" : String.format("#%06X", c.getRGB() & 0xFFFFFF), series.isShowInLegend()));
        }
        double[] xr = Axes.range(chart, true, false);
        double[] yr = Axes.range(chart, false, s.isYAxisLogarithmic());
        return new FigureData(chart.getTitle(), new Axis(chart.getXAxisTitle(), xr[0], xr[1], s.isXAxisLogarithmic()),
                new Axis(chart.getYAxisTitle(), yr[0], yr[1], s.isYAxisLogarithmic()), equal, out);
    }

    private static String style(XYSeries series) {
        var render = series.getXYSeriesRenderStyle().orElse(XYSeries.XYSeriesRenderStyle.Line);
        if (render == XYSeries.XYSeriesRenderStyle.Area) {
            return "area";
        }
        if (render == XYSeries.XYSeriesRenderStyle.Scatter) {
            return series.getMarker() != null && series.getMarkerColor() != null
                    && series.getMarkerColor().getAlpha() < 255 ? "scatter" : "markers";
        }
        BasicStroke stroke = series.getLineStyle();
        float[] dash = stroke == null ? null : stroke.getDashArray();
        if (dash == null) {
            return "solid";
        }
        return dash[0] < 2 ? "dotted" : "dashed";
    }

    /** The series named {@code name}, or null. */
    public SeriesData series(String name) {
        return series.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** The first series whose name contains {@code part}, or null. */
    public SeriesData seriesContaining(String part) {
        return series.stream().filter(s -> s.name().contains(part)).findFirst().orElse(null);
    }

    /** As JSON. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("x", axis(x));
        m.put("y", axis(y));
        m.put("equalScales", equal);
        List<Object> list = new ArrayList<>();
        for (SeriesData d : series) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", d.name());
            e.put("style", d.style());
            e.put("colour", d.colour());
            e.put("legend", d.legend());
            e.put("x", finite(d.x()));
            e.put("y", finite(d.y()));
            list.add(e);
        }
        m.put("series", list);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> axis(Axis a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", a.title());
        m.put("min", Double.isFinite(a.min()) ? a.min() : null);
        m.put("max", Double.isFinite(a.max()) ? a.max() : null);
        m.put("log", a.log());
        return m;
    }

    private static List<Double> finite(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double d : v) {
            out.add(Double.isFinite(d) ? d : null);
        }
        return out;
    }

    /** Reads what {@link #toJson()} wrote. */
    public static FigureData parse(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<SeriesData> series = new ArrayList<>();
            for (JsonNode s : root.get("series")) {
                series.add(new SeriesData(s.get("name").asText(), numbers(s.get("x")), numbers(s.get("y")),
                        s.get("style").asText(), s.get("colour").asText(), s.get("legend").asBoolean()));
            }
            return new FigureData(root.get("title").asText(), axis(root.get("x")), axis(root.get("y")),
                    root.get("equalScales").asBoolean(), series);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not figure data: " + e.getMessage(), e);
        }
    }

    private static Axis axis(JsonNode a) {
        return new Axis(a.get("title").asText(), a.get("min").isNull() ? Double.NaN : a.get("min").asDouble(),
                a.get("max").isNull() ? Double.NaN : a.get("max").asDouble(), a.get("log").asBoolean());
    }

    private static double[] numbers(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).isNull() ? Double.NaN : a.get(i).asDouble();
        }
        return out;
    }
}
