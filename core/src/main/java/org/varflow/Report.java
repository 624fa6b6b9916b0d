package org.varflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one observer or a scheme reported at the end of a run: an ordered map of named figures (numbers, booleans,
 * words, lists and nested maps, or null where a figure is undefined), with typed accessors.
 *
 * <pre>{@code
 * double kl = summary.observer("kl-to-gibbs").number("final").orElseThrow();
 * double[] values = summary.observer("kl-to-gibbs").vector("values");
 * }</pre>
 *
 * @param entries the figures in the order the reporter gave them (an unmodifiable copy)
 */
public record Report(Map<String, Object> entries) {
    /** A report with nothing in it. */
    public static final Report EMPTY = new Report(Map.of());

    public Report {
        Objects.requireNonNull(entries, "entries");
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** Whether the report has a figure of this name (possibly null). */
    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** A number, empty when absent, null (undefined) or not a number. */
    public OptionalDouble number(String key) {
        return entries.get(key) instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }

    /** A word, empty when absent or not a word. */
    public Optional<String> text(String key) {
        return entries.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** A list of numbers as an array (NaN where an entry is null), empty when absent or not a list. */
    public double[] vector(String key) {
        if (!(entries.get(key) instanceof List<?> list)) {
            return new double[0];
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i) instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        return out;
    }

    /** A nested report, empty when absent or not a map. */
    public Report report(String key) {
        if (!(entries.get(key) instanceof Map<?, ?> map)) {
            return EMPTY;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return new Report(copy);
    }

    /** The raw value (a Number, Boolean, String, List, Map, or null). */
    public Object get(String key) {
        return entries.get(key);
    }
}
