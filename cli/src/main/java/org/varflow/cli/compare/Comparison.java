package org.varflow.cli.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.varflow.cli.plot.ObserverReports;
import org.varflow.cli.plot.Trajectory;

/**
 * The comparison table: for each composition, the steps it took to settle within a tolerance of the best final
 * value, its final energy and free energy, the distance to the target an observer reports, and its wall time.
 *
 * <p>"Settled" means: from that observation on, every observed |Q - Q_best| is at most
 * {@code tolerance * max(1, |Q_best|)}, where Q is the energy (or the free energy) and Q_best the lowest final value
 * among the compositions. Steps are counted to the nearest observation (use {@code --every 1} for exact counts).
 */
public final class Comparison {
    /** The columns of the table. */
    public static final List<String> HEADER = List.of("composition", "steps", "steps to tol", "final E",
            "final F", "distance to target", "wall s");

    private Comparison() {
    }

    /**
     * One composition's outcome.
     *
     * @param label      its name
     * @param summary    its JSON summary, or null when it failed
     * @param trajectory its observations (null if none were recorded)
     * @param failure       why it failed (e.g. it diverged), or null
     * @param deterministic whether it has no noise (a sampler never settles: 'steps to tol' is n/a for it)
     */
    public record Entry(String label, Map<String, Object> summary, Trajectory trajectory, String failure,
                        boolean deterministic) {
        public Entry(String label, Map<String, Object> summary, Trajectory trajectory, String failure) {
            this(label, summary, trajectory, failure, true);
        }
    }

    /** Which quantity the tolerance is measured on. */
    public enum Measure {
        ENERGY, FREE_ENERGY;

        String column() {
            return this == ENERGY ? "energy" : "free_energy";
        }

        String key() {
            return this == ENERGY ? "energy" : "freeEnergy";
        }
    }

    /** The lowest final value of the measure among the entries (NaN if none is defined). */
    public static double best(List<Entry> entries, Measure measure) {
        double best = Double.NaN;
        for (Entry e : entries) {
            if (e.summary() == null) {
                continue;
            }
            double v = number(e.summary().get(measure.key()));
            if (Double.isFinite(v) && !(v >= best)) {
                best = v;
            }
        }
        return best;
    }

    /** The first step from which the measure stays within tolerance of {@code best}; -1 if it never settles. */
    public static long stepsTo(Trajectory t, Measure measure, double best, double tolerance) {
        if (t == null || t.size() == 0 || !Double.isFinite(best)) {
            return -1;
        }
        double[] q = t.column(measure.column());
        double[] steps = t.step();
        double threshold = tolerance * Math.max(1, Math.abs(best));
        int from = -1;
        for (int i = q.length - 1; i >= 0; i--) {
            if (Double.isFinite(q[i]) && Math.abs(q[i] - best) <= threshold) {
                from = i;
            } else {
                break;
            }
        }
        return from < 0 ? -1 : (long) steps[from];
    }

    /** The table's rows, formatted. */
    public static List<List<String>> rows(List<Entry> entries, Measure measure, double tolerance) {
        double best = best(entries, measure);
        List<List<String>> rows = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> s = e.summary();
            if (s == null) {
                rows.add(List.of(e.label(), "failed", "-", "-", "-", "-", "-"));
                continue;
            }
            long to = stepsTo(e.trajectory(), measure, best, tolerance);
            Map.Entry<String, Double> distance = ObserverReports.finalDistance(s);
            String settled = !e.deterministic() ? "n/a" : to < 0 ? "-" : Long.toString(to);
            rows.add(List.of(e.label(), String.valueOf(s.get("steps")), settled,
                    num(s.get("energy")), num(freeEnergy(s)),
                    distance == null ? "-" : num(distance.getValue()) + " (" + distance.getKey() + ")",
                    String.format(Locale.ROOT, "%.3f", number(s.get("wallSeconds")))));
        }
        return rows;
    }

    /** The rows as aligned plain text with a header line. */
    public static String text(List<String> header, List<List<String>> rows) {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, header, w);
        for (List<String> r : rows) {
            line(b, r, w);
        }
        return b.toString();
    }

    /** The rows as CSV (fields holding commas or quotes are quoted). */
    public static String csv(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> r : all) {
            List<String> cells = new ArrayList<>();
            for (String c : r) {
                cells.add(c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
            }
            b.append(String.join(",", cells)).append('\n');
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells, int[] w) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i == 0) {
                b.append(c).append(" ".repeat(w[i] - c.length()));
            } else {
                b.append("  ").append(" ".repeat(w[i] - c.length())).append(c);
            }
        }
        b.append('\n');
    }

    /**
     * The final free energy: the summary's, or, where the standard estimate does not apply (densities on a grid),
     * the one an observer with id {@code free-energy} reports as {@code final}.
     */
    static Object freeEnergy(Map<String, Object> s) {
        Object f = s.get("freeEnergy");
        if (f instanceof Number n && Double.isFinite(n.doubleValue())) {
            return f;
        }
        if (s.get("observers") instanceof Map<?, ?> o && o.get("free-energy") instanceof Map<?, ?> report) {
            return report.get("final");
        }
        return f;
    }

    static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** A number with up to ten significant digits and no trailing zeros; "-" for null or non-finite. */
    public static String num(Object o) {
        if (!(o instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.10g", n.doubleValue()).replaceFirst("\\.?0+(e|$)", "$1");
    }
}
