package org.varflow.cli.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Names;

/** The exercises, in the order a course meets them. */
public final class Exercises {
    private static final Map<String, Exercise> ALL = new LinkedHashMap<>();

    static {
        for (Exercise e : List.of(new StabilityExercise(), new NewtonExercise(), new EulerMaruyamaBiasExercise(),
                new JkoStepExercise())) {
            ALL.put(e.name(), e);
        }
    }

    private Exercises() {
    }

    public static List<Exercise> all() {
        return new ArrayList<>(ALL.values());
    }

    /** The exercise called {@code name}, or a message naming the nearest names. */
    public static Exercise named(String name) {
        Exercise e = ALL.get(name);
        if (e == null) {
            throw new ConfigurationException("unknown exercise '" + name + "'" + Names.suggestion(name, ALL.keySet())
                    + "; 'varflow exercise' lists them");
        }
        return e;
    }

    /**
     * Reads an answer: a number ({@code 0.5}, {@code 1.05e0}) or a fraction of two numbers ({@code 1/2},
     * {@code 2/1.5}).
     */
    public static double parse(String text) {
        String t = text.trim();
        try {
            int slash = t.indexOf('/');
            if (slash > 0) {
                double q = Double.parseDouble(t.substring(0, slash).trim()) / Double.parseDouble(
                        t.substring(slash + 1).trim());
                if (Double.isFinite(q)) {
                    return q;
                }
            } else {
                double v = Double.parseDouble(t);
                if (Double.isFinite(v)) {
                    return v;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException("--answer " + text + " is not valid; expected a number (e.g. 0.5) or a"
                + " fraction (e.g. 1/2)");
    }

    /** Four significant digits. */
    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
