package org.varflow.serve.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.varflow.api.Energy;

/**
 * What the frames are drawn over, computed on the server from the run's own energy once the range the points visit
 * is known: the potential's values on a grid of the plane with contour levels, or on the line with the Gibbs density
 * exp(-V/T)/Z (normalised on a window three times as wide as the one shown); for grid densities, the discrete Gibbs
 * density on the cells. Points outside the potential's domain (the Poincare ball's boundary, say) are left out (null).
 */
public final class Backdrop {
    /** Grid points per axis of the plane's landscape. */
    static final int PLANE_GRID = 96;
    /** Points of the line's curves. */
    static final int LINE_POINTS = 241;
    /** Contour levels of the landscape. */
    static final int LEVELS = 14;
    /**
     * Width over height of the plane's window, in data units: the page draws it with equal scales on both axes (so a
     * gradient crosses the level sets at right angles), on canvases of this shape.
     */
    public static final double ASPECT = 4.0 / 3.0;

    private Backdrop() {
    }

    /** The backdrop of a run drawn by {@code plan}, from its frames (empty when nothing is drawn behind). */
    public static Map<String, Object> of(ViewPlan plan, List<ViewFrame> frames) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (frames.isEmpty()) {
            return m;
        }
        double time = frames.get(frames.size() - 1).time();
        double temperature = plan.gibbsTemperature(time);
        m.put("temperature", temperature);
        m.put("temperatureTime", time);
        switch (plan.kind()) {
            case PLANE -> plane(plan, frames, m);
            case LINE -> line(plan, frames, temperature, m);
            case DENSITY_1D -> density(plan, temperature, m);
            default -> range(frames, m);
        }
        return m;
    }

    private static void plane(ViewPlan plan, List<ViewFrame> frames, Map<String, Object> m) {
        double[] xr = Ranges.of(frames, 2, 0);
        double[] yr = Ranges.of(frames, 2, 1);
        double width = Math.max(xr[1] - xr[0], ASPECT * (yr[1] - yr[0]));
        xr = around(0.5 * (xr[0] + xr[1]), width);
        yr = around(0.5 * (yr[0] + yr[1]), width / ASPECT);
        m.put("xRange", List.of(xr[0], xr[1]));
        m.put("yRange", List.of(yr[0], yr[1]));
        Energy v = plan.potential();
        if (v == null) {
            return;
        }
        int n = PLANE_GRID;
        int ny = (int) Math.round(n / ASPECT);
        double[] xs = linspace(xr[0], xr[1], n);
        double[] ys = linspace(yr[0], yr[1], ny);
        List<List<Double>> rows = new ArrayList<>(ny);
        double[] all = new double[n * ny];
        int finite = 0;
        double[] point = new double[2];
        for (double y : ys) {
            List<Double> row = new ArrayList<>(n);
            for (double x : xs) {
                point[0] = x;
                point[1] = y;
                double e = value(v, point);
                row.add(Double.isFinite(e) ? e : null);
                if (Double.isFinite(e)) {
                    all[finite++] = e;
                }
            }
            rows.add(row);
        }
        Map<String, Object> land = new LinkedHashMap<>();
        land.put("x", boxed(xs));
        land.put("y", boxed(ys));
        land.put("values", rows);
        land.put("levels", levels(Arrays.copyOf(all, finite)));
        m.put("landscape", land);
    }

    private static void line(ViewPlan plan, List<ViewFrame> frames, double temperature, Map<String, Object> m) {
        double[] r = Ranges.of(frames, 1, 0);
        m.put("xRange", List.of(r[0], r[1]));
        Energy v = plan.potential();
        if (v == null) {
            return;
        }
        double[] xs = linspace(r[0], r[1], LINE_POINTS);
        double[] vs = values(v, xs);
        m.put("potential", curve(xs, vs));
        if (temperature > 0) {
            double w = r[1] - r[0];
            double[] wide = linspace(r[0] - w, r[1] + w, 3 * LINE_POINTS - 2);
            double[] wv = values(v, wide);
            double min = min(wv);
            double z = 0;
            for (int i = 0; i + 1 < wide.length; i++) {
                z += 0.5 * (weight(wv[i], min, temperature) + weight(wv[i + 1], min, temperature))
                        * (wide[i + 1] - wide[i]);
            }
            double[] g = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                g[i] = weight(vs[i], min, temperature) / z;
            }
            m.put("gibbs", curve(xs, g));
        }
    }

    private static void density(ViewPlan plan, double temperature, Map<String, Object> m) {
        Grid grid = plan.grid();
        int n = grid.cells()[0];
        double dx = grid.dx(0);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = grid.centre(0, i);
        }
        m.put("xRange", List.of(grid.lower()[0], grid.upper()[0]));
        Energy v = plan.potential();
        if (v == null) {
            return;
        }
        double[] vs = values(v, xs);
        m.put("potential", curve(xs, vs));
        if (temperature > 0) {
            double min = min(vs);
            double z = 0;
            for (double e : vs) {
                z += weight(e, min, temperature) * dx;
            }
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = weight(vs[i], min, temperature) / z;
            }
            m.put("gibbs", curve(xs, g));
        }
    }

    private static void range(List<ViewFrame> frames, Map<String, Object> m) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (ViewFrame f : frames) {
            for (int i = 0; i < f.size(); i++) {
                float x = f.value(i);
                if (Float.isFinite(x)) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        if (lo <= hi) {
            m.put("valueRange", List.of((double) lo, (double) hi));
        }
    }

    private static double[] around(double centre, double width) {
        return new double[] {centre - width / 2, centre + width / 2};
    }

    private static double weight(double e, double min, double temperature) {
        return Double.isFinite(e) ? Math.exp(-(e - min) / temperature) : 0;
    }

    private static double value(Energy v, double[] x) {
        try {
            return v.value(x);
        } catch (RuntimeException e) { // outside the energy's domain
            return Double.NaN;
        }
    }

    private static double[] values(Energy v, double[] xs) {
        double[] out = new double[xs.length];
        double[] point = new double[1];
        for (int i = 0; i < xs.length; i++) {
            point[0] = xs[i];
            out[i] = value(v, point);
        }
        return out;
    }

    private static double min(double[] v) {
        double min = Double.POSITIVE_INFINITY;
        for (double x : v) {
            if (Double.isFinite(x)) {
                min = Math.min(min, x);
            }
        }
        return Double.isFinite(min) ? min : 0;
    }

    /**
     * Contour levels at evenly spaced quantiles of the landscape's values (fine where it is flat, as the eye wants).
     */
    static List<Double> levels(double[] values) {
        if (values.length == 0) {
            return List.of();
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        List<Double> out = new ArrayList<>();
        for (int k = 1; k <= LEVELS; k++) {
            double q = Math.pow((double) k / (LEVELS + 1), 1.6);
            double level = sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
            if (out.isEmpty() || level > out.get(out.size() - 1)) {
                out.add(level);
            }
        }
        return out;
    }

    static double[] linspace(double a, double b, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = a + (b - a) * i / (n - 1);
        }
        return out;
    }

    private static Map<String, Object> curve(double[] x, double[] y) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", boxed(x));
        m.put("y", boxed(y));
        return m;
    }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(Double.isFinite(x) ? x : null);
        }
        return out;
    }
}
