package org.varflow.cli.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.varflow.api.io.Decimal;
import org.varflow.cli.plot.PlotFiles;
import org.varflow.cli.plot.PlotSize;
import org.varflow.cli.plot.Plots;
import org.varflow.core.output.OutputSet;

/**
 * One chart per figure of the cells table (energy, free energy, the first coordinates' means and variances, wall
 * time) against the first varied key: the mean over seeds with error bars of one standard error, one series per
 * combination of the other varied keys. A key whose values are not all numbers is drawn at 1, 2, ... with its values
 * as tick labels. PNG and SVG, staged with the command's other outputs ({@link OutputSet}).
 */
public final class SweepPlots {
    /** Coordinates whose mean and variance are plotted. */
    static final int MAX_COORDINATES = 4;

    private SweepPlots() {
    }

    /** Stages the charts into {@code dir}; returns the files staged (none without a varied key). */
    public static List<Path> stage(SweepPlan plan, Table cells, Path dir, PlotSize size, OutputSet outputs) {
        List<Path> written = new ArrayList<>();
        if (plan.keys().isEmpty()) {
            return written;
        }
        for (String figure : plotted(plan)) {
            XYChart chart = chart(plan, cells, figure, size);
            if (chart != null) {
                written.addAll(PlotFiles.stage(chart, dir, figure.replace('_', '-'), outputs));
            }
        }
        return written;
    }

    static List<String> plotted(SweepPlan plan) {
        List<String> out = new ArrayList<>();
        for (String f : SweepTables.figures(plan)) {
            if (f.startsWith("mean_") && index(f) > MAX_COORDINATES) {
                continue;
            }
            if (f.startsWith("cov_")) {
                String[] ij = f.substring(4).split("_");
                if (!ij[0].equals(ij[1]) || Integer.parseInt(ij[0]) > MAX_COORDINATES) {
                    continue;
                }
            }
            out.add(f);
        }
        return out;
    }

    private static XYChart chart(SweepPlan plan, Table cells, String figure, PlotSize size) {
        String key = plan.keys().get(0);
        boolean numeric = SweepTables.numeric(plan, 0);
        List<String> categories = new ArrayList<>();
        for (SweepPlan.Cell c : plan.cells()) {
            if (!categories.contains(c.values().get(0))) {
                categories.add(c.values().get(0));
            }
        }
        int meanCol = cells.indexOf(figure + "_mean");
        int seCol = cells.indexOf(figure + "_se");
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (int i = 0; i < plan.cells().size(); i++) {
            SweepPlan.Cell c = plan.cells().get(i);
            List<Object> row = cells.rows().get(i);
            if (!(row.get(meanCol) instanceof Double y)) {
                continue;
            }
            double se = row.get(seCol) instanceof Double s ? s : 0;
            double x = numeric ? Decimal.parse(c.values().get(0)) : categories.indexOf(c.values().get(0)) + 1;
            List<String> rest = new ArrayList<>();
            for (int k = 1; k < plan.keys().size(); k++) {
                rest.add(plan.keys().get(k) + "=" + c.values().get(k));
            }
            String name = rest.isEmpty() ? title(figure) : String.join(" ", rest);
            series.computeIfAbsent(name, n -> new ArrayList<>()).add(new double[] {x, y, se});
        }
        if (series.isEmpty()) {
            return null;
        }
        XYChart chart = Plots.chart(title(figure) + " against " + key + " (mean over seeds, +- 1 SE)", key,
                title(figure), size);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        if (!numeric) {
            chart.getStyler().setXAxisTickLabelsFormattingFunction(v -> {
                long k = Math.round(v);
                return Math.abs(v - k) < 1e-9 && k >= 1 && k <= categories.size() ? categories.get((int) k - 1) : "";
            });
        }
        if (series.size() > 1) {
            Plots.legendBelow(chart);
        } else {
            chart.getStyler().setLegendVisible(false);
        }
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            List<double[]> points = new ArrayList<>(e.getValue());
            points.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] x = new double[points.size()];
            double[] y = new double[points.size()];
            double[] err = new double[points.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = points.get(i)[0];
                y[i] = points.get(i)[1];
                err[i] = points.get(i)[2];
            }
            XYSeries s = chart.addSeries(e.getKey(), x, y, err);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    private static int index(String figure) {
        return Integer.parseInt(figure.substring(figure.indexOf('_') + 1));
    }

    private static String title(String figure) {
        if (figure.equals("energy")) {
            return "E";
        }
        if (figure.equals("free_energy")) {
            return "F";
        }
        if (figure.equals("wall_seconds")) {
            return "wall time (s)";
        }
        if (figure.startsWith("mean_")) {
            return "mean of x" + figure.substring(5);
        }
        String[] ij = figure.substring(4).split("_");
        return String.format(Locale.ROOT, "variance of x%s", ij[0]);
    }
}
