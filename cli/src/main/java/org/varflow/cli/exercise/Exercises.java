package org.varflow.cli.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Names;
import org.varflow.api.io.Decimal;

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
     * Reads an answer: a plain decimal ({@code 0.5}, {@code 5e-1}; {@link Decimal}) or a fraction of two
     * ({@code 1/2}, {@code 2/1.5}). Hexadecimal, type suffixes ({@code 1d}), {@code NaN}, {@code Infinity}, a division
     * by zero and a quotient that overflows are refused: Java's own reader would turn the first ones into numbers
     * nobody typed.
     */
    public static double parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash < 0) {
            return number(t, text);
        }
        double numerator = number(t.substring(0, slash), text);
        double denominator = number(t.substring(slash + 1), text);
        if (denominator == 0) {
            throw new ConfigurationException("--answer " + text + " divides by zero; give a number (e.g. 0.5) or a"
                    + " fraction with a denominator other than 0 (e.g. 1/2)");
        }
        double q = numerator / denominator;
        if (!Double.isFinite(q)) {
            throw new ConfigurationException("--answer " + text + " is not a finite number; give a number (e.g. 0.5)"
                    + " or a fraction (e.g. 1/2)");
        }
        return q;
    }

    /** A finite plain decimal, else the message about the whole answer. */
    private static double number(String part, String answer) {
        try {
            double v = Decimal.parse(part);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException("--answer " + answer + " is not valid; expected a number as a plain decimal"
                + " (e.g. 0.5 or 5e-1) or a fraction of two (e.g. 1/2)");
    }

    /** Four significant digits. */
    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
