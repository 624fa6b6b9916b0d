package org.varflow.cli.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads what plugin observers report under {@code observers.<id>} in a run summary, for the distance chart and the
 * comparison table. A report counts as a distance to a target when its observer id or its key names one
 * ({@code distance}, {@code kl}, {@code w2}, {@code wasserstein}, {@code mmd}, {@code error}, any case), e.g.
 * {@code kl-to-gibbs} or {@code w2}. Then
 * <ul>
 *   <li>a numeric list {@code times} (or {@code time}) with numeric lists of the same length (e.g. {@code values})
 *       is a history, drawn against time;</li>
 *   <li>a number under {@code final} (or under a key naming a distance), else the last entry of a history, is the
 *       final distance.</li>
 * </ul>
 */
public final class ObserverReports {
    private static final List<String> DISTANCE_WORDS = List.of("distance", "kl", "w2", "wasserstein", "mmd", "error");

    private ObserverReports() {
    }

    /** Every distance history the observers report, named {@code <id>} (for {@code values}) or {@code <id>.<key>}. */
    public static List<Plots.Series> series(Map<String, Object> summary) {
        List<Plots.Series> out = new ArrayList<>();
        for (Map.Entry<String, Map<?, ?>> o : observers(summary).entrySet()) {
            Map<?, ?> report = o.getValue();
            double[] time = numbers(report.get("times"));
            if (time == null) {
                time = numbers(report.get("time"));
            }
            if (time == null) {
                continue;
            }
            boolean idIsDistance = isDistance(o.getKey());
            for (Map.Entry<?, ?> e : report.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (key.equals("time") || key.equals("times") || !(idIsDistance || isDistance(key))) {
                    continue;
                }
                double[] v = numbers(e.getValue());
                if (v != null && v.length == time.length) {
                    out.add(new Plots.Series(name(o.getKey(), key), time, v));
                }
            }
        }
        return out;
    }

    /** The first final distance an observer reports, as {@code name = value}; null if none. */
    public static Map.Entry<String, Double> finalDistance(Map<String, Object> summary) {
        for (Map.Entry<String, Map<?, ?>> o : observers(summary).entrySet()) {
            String id = o.getKey();
            Map<?, ?> report = o.getValue();
            boolean idIsDistance = isDistance(id);
            if (idIsDistance && report.get("final") instanceof Number n) {
                return Map.entry(id, n.doubleValue());
            }
            for (Map.Entry<?, ?> e : report.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (isDistance(key) && e.getValue() instanceof Number n) {
                    return Map.entry(name(id, key), n.doubleValue());
                }
            }
            for (Map.Entry<?, ?> e : report.entrySet()) {
                String key = String.valueOf(e.getKey());
                double[] history = numbers(e.getValue());
                if ((idIsDistance || isDistance(key)) && history != null && !key.equals("time")
                        && !key.equals("times")) {
                    return Map.entry(name(id, key), history[history.length - 1]);
                }
            }
        }
        return null;
    }

    private static boolean isDistance(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return DISTANCE_WORDS.stream().anyMatch(lower::contains);
    }

    private static String name(String id, String key) {
        return key.equals("values") || key.equals("final") ? id : id + "." + key;
    }

    private static Map<String, Map<?, ?>> observers(Map<String, Object> summary) {
        Map<String, Map<?, ?>> out = new java.util.LinkedHashMap<>();
        if (summary != null && summary.get("observers") instanceof Map<?, ?> all) {
            for (Map.Entry<?, ?> e : all.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> m) {
                    out.put(String.valueOf(e.getKey()), m);
                }
            }
        }
        return out;
    }

    static double[] numbers(Object value) {
        if (value instanceof double[] array) {
            return array.length == 0 ? null : array.clone();
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                return null;
            }
            out[i] = n.doubleValue();
        }
        return out;
    }
}
