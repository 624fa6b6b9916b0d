package org.varflow.api;

import org.varflow.api.io.Decimal;
import org.varflow.api.io.Excerpt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Describes one parameter of a part: its name, type, default, valid range and a one-line meaning.
 *
 * <p>Raw values arrive as text from the command line ({@code --set energy.beta=2}) or as JSON/YAML scalars and
 * lists from spec files; {@link #parse(Object)} turns either into the typed value and checks the range, so a
 * factory only ever sees valid values.
 *
 * @param name         the key, e.g. {@code "beta"}
 * @param type         the value type
 * @param defaultValue the default in command-line syntax, or {@code null} when the parameter is optional and
 *                     has no default (the part then behaves as documented in {@code meaning})
 * @param min          smallest valid value for REAL/INTEGER (inclusive unless {@code minExclusive})
 * @param minExclusive whether {@code min} itself is excluded
 * @param max          largest valid value for REAL/INTEGER (inclusive)
 * @param choices      the valid words of a CHOICE parameter (empty otherwise)
 * @param meaning      one line saying what it does
 */
public record Parameter(String name, ParameterType type, String defaultValue, double min, boolean minExclusive,
                        double max, List<String> choices, String meaning) {
    /** The name of the descriptor that stands for every name a part does not declare; see {@link #others}. */
    public static final String OTHERS = "*";

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(meaning, "meaning");
        if (!name.matches("[A-Za-z][A-Za-z0-9_-]*") && !name.equals(OTHERS)) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be a word");
        }
        if (!(min <= max)) {
            throw new IllegalArgumentException("parameter '" + name + "': empty range [" + min + ", " + max + "]");
        }
        choices = List.copyOf(choices);
        if (type == ParameterType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + name + "' needs choices");
        }
        if (defaultValue != null) {
            // a bad default is a programming error in the part; fail when the descriptor is built
            new Parameter(name, type, null, min, minExclusive, max, choices, meaning).parse(defaultValue);
        }
    }

    /** A real parameter in {@code [min, max]}. */
    public static Parameter real(String name, double defaultValue, double min, double max, String meaning) {
        return new Parameter(name, ParameterType.REAL, format(defaultValue), min, false, max, List.of(), meaning);
    }

    /** A strictly positive real parameter (such as a rate, a temperature, a step). */
    public static Parameter positive(String name, double defaultValue, String meaning) {
        return new Parameter(name, ParameterType.REAL, format(defaultValue), 0.0, true, Double.MAX_VALUE,
                List.of(), meaning);
    }

    /** A whole-number parameter in {@code [min, max]}. */
    public static Parameter integer(String name, long defaultValue, long min, long max, String meaning) {
        return new Parameter(name, ParameterType.INTEGER, Long.toString(defaultValue), min, false, max, List.of(),
                meaning);
    }

    /** A boolean parameter. */
    public static Parameter bool(String name, boolean defaultValue, String meaning) {
        return new Parameter(name, ParameterType.BOOLEAN, Boolean.toString(defaultValue), 0, false, 0, List.of(),
                meaning);
    }

    /** A parameter taking one of the given words; the first is the default. */
    public static Parameter choice(String name, List<String> choices, String meaning) {
        return new Parameter(name, ParameterType.CHOICE, choices.get(0), 0, false, 0, choices, meaning);
    }

    /** A vector parameter; {@code defaultValue} in command-line syntax ({@code "1"} or {@code "1,2"}), or null. */
    public static Parameter vector(String name, String defaultValue, String meaning) {
        return new Parameter(name, ParameterType.VECTOR, defaultValue, -Double.MAX_VALUE, false, Double.MAX_VALUE,
                List.of(), meaning);
    }

    /** A free-text parameter (e.g. a file path); {@code defaultValue} may be null (optional, absent). */
    public static Parameter text(String name, String defaultValue, String meaning) {
        return new Parameter(name, ParameterType.TEXT, defaultValue, 0, false, 0, List.of(), meaning);
    }

    /** An optional matrix parameter (no default). */
    public static Parameter matrix(String name, String meaning) {
        return new Parameter(name, ParameterType.MATRIX, null, -Double.MAX_VALUE, false, Double.MAX_VALUE,
                List.of(), meaning);
    }

    /**
     * A descriptor for the names a part does not declare, all of one type: a part that lists it accepts any other
     * parameter name that is a word (letters, digits, '_' and '-', starting with a letter), such as the named
     * constants {@code a}, {@code b} of a formula ({@code --set energy.a=2}), and finds them in
     * {@link Parameters#others()}. The part itself checks that each one is used (a misspelt name is otherwise kept
     * silently), and listings show it as {@code NAME}.
     */
    public static Parameter others(ParameterType type, String meaning) {
        return new Parameter(OTHERS, type, null, -Double.MAX_VALUE, false, Double.MAX_VALUE, List.of(), meaning);
    }

    /** Whether this is the descriptor of undeclared names ({@link #others}). */
    public boolean isOthers() {
        return name.equals(OTHERS);
    }

    /**
     * The descriptor of parameter {@code key} among {@code descriptors}: the declared one, else the {@link #others}
     * descriptor under that name when there is one and the key is a word; null when the key is not accepted.
     */
    public static Parameter find(List<Parameter> descriptors, String key) {
        Parameter others = null;
        for (Parameter p : descriptors) {
            if (p.name().equals(key)) {
                return p;
            }
            if (p.isOthers()) {
                others = p;
            }
        }
        if (others != null && key != null && key.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            return new Parameter(key, others.type, null, others.min, others.minExclusive, others.max, others.choices,
                    others.meaning);
        }
        return null;
    }

    /** Whether the parameter may be left out with no default. */
    public boolean optional() {
        return defaultValue == null;
    }

    /** The valid values in words, e.g. {@code "a real number > 0"} or {@code "one of [a, b]"}. */
    public String validRange() {
        return switch (type) {
            case REAL -> "a real number" + bounds();
            case INTEGER -> "a whole number" + bounds();
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + choices;
            case VECTOR -> "a comma-separated list of finite reals, e.g. 1,2,3";
            case MATRIX -> "a matrix given by rows, e.g. 2,0;0,1 (or a list of lists in a spec file)";
            case TEXT -> "text of at most 4096 characters, e.g. a file path";
        };
    }

    private String bounds() {
        boolean lower = min > -Double.MAX_VALUE;
        boolean upper = max < Double.MAX_VALUE && max < Long.MAX_VALUE;
        String lo = (minExclusive ? "> " : ">= ") + format(min);
        if (lower && upper) {
            return " in " + (minExclusive ? "(" : "[") + format(min) + ", " + format(max) + "]";
        } else if (lower) {
            return " " + lo;
        } else if (upper) {
            return " <= " + format(max);
        }
        return "";
    }

    /**
     * Converts a raw value (text, number, boolean or list) to this parameter's Java type and checks its range.
     *
     * @return a {@code Double}, {@code Long}, {@code Boolean}, {@code String}, {@code double[]} or
     *         {@code double[][]}
     * @throws IllegalArgumentException saying what was given and what is valid (callers add the part's name)
     */
    public Object parse(Object raw) {
        if (raw == null) {
            throw invalid("nothing");
        }
        return switch (type) {
            case REAL -> checkRange(toReal(raw));
            case INTEGER -> checkRange(toInteger(raw));
            case BOOLEAN -> toBoolean(raw);
            case CHOICE -> toChoice(raw);
            case VECTOR -> toVector(raw);
            case MATRIX -> toMatrix(raw);
            case TEXT -> toText(raw);
        };
    }

    private String toText(Object raw) {
        if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
            String s = raw.toString();
            if (!s.isEmpty() && s.length() <= 4096 && s.indexOf('\0') < 0) {
                return s;
            }
        }
        throw invalid(raw instanceof String s && s.isEmpty() ? "an empty text" : describe(raw));
    }

    private double toReal(Object raw) {
        double v;
        if (raw instanceof Number n) {
            v = n.doubleValue();
        } else if (raw instanceof String s) {
            try {
                v = Decimal.parse(s); // plain decimals only: 0x1p3 or 1d is a typo, not a value
            } catch (NumberFormatException e) {
                throw invalid(Excerpt.quote(s));
            }
        } else {
            throw invalid(describe(raw));
        }
        if (!Double.isFinite(v)) {
            throw invalid(format(v));
        }
        return v;
    }

    private Double checkRange(double v) {
        boolean below = minExclusive ? v <= min : v < min;
        if (below || v > max) {
            throw invalid(format(v));
        }
        return v;
    }

    private long toInteger(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
                return (long) d;
            }
            throw invalid(describe(raw));
        }
        if (raw instanceof String s) {
            String t = s.trim();
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                try {
                    double d = Decimal.parse(t); // accept 1e5
                    if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
                        return (long) d;
                    }
                } catch (NumberFormatException ignored) {
                    // fall through to the message
                }
                throw invalid(Excerpt.quote(s));
            }
        }
        throw invalid(describe(raw));
    }

    private Long checkRange(long v) {
        boolean below = minExclusive ? v <= min : v < min;
        if (below || v > max) {
            throw invalid(Long.toString(v));
        }
        return v;
    }

    private Boolean toBoolean(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return Boolean.valueOf(t);
            }
            throw invalid(Excerpt.quote(s));
        }
        throw invalid(describe(raw));
    }

    private String toChoice(Object raw) {
        if (raw instanceof String s && choices.contains(s.trim())) {
            return s.trim();
        }
        throw invalid(raw instanceof String s ? Excerpt.quote(s) : describe(raw));
    }

    private double[] toVector(Object raw) {
        if (raw instanceof double[] given) {
            if (given.length == 0) {
                throw invalid("an empty list");
            }
            for (double v : given) {
                if (!Double.isFinite(v)) {
                    throw invalid(describe(raw));
                }
            }
            return given.clone();
        }
        if (raw instanceof Number || raw instanceof String) {
            String text = raw.toString().trim();
            if (text.isEmpty()) {
                throw invalid("an empty list");
            }
            String[] items = text.split("\\s*,\\s*|\\s+");
            double[] out = new double[items.length];
            for (int i = 0; i < items.length; i++) {
                out[i] = element(items[i], raw);
            }
            return out;
        }
        if (raw instanceof List<?> list) {
            if (list.isEmpty()) {
                throw invalid("an empty list");
            }
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                Object item = list.get(i);
                if (!(item instanceof Number || item instanceof String)) {
                    throw invalid(describe(raw));
                }
                out[i] = element(item.toString(), raw);
            }
            return out;
        }
        throw invalid(describe(raw));
    }

    private double element(String item, Object whole) {
        try {
            double v = Decimal.parse(item);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(describe(whole) + " (element '" + item.trim() + "')");
    }

    private double[][] toMatrix(Object raw) {
        List<double[]> rows = new ArrayList<>();
        if (raw instanceof String s) {
            for (String row : s.trim().split("\\s*;\\s*")) {
                rows.add(toVector(row));
            }
        } else if (raw instanceof List<?> list && !list.isEmpty()) {
            for (Object row : list) {
                rows.add(toVector(row instanceof List<?> ? row : List.of(row)));
            }
        } else if (raw instanceof Number) {
            rows.add(toVector(raw));
        } else {
            throw invalid(describe(raw));
        }
        int cols = rows.get(0).length;
        for (double[] row : rows) {
            if (row.length != cols) {
                throw invalid(describe(raw) + " (rows of different lengths " + cols + " and " + row.length + ")");
            }
        }
        return rows.toArray(new double[0][]);
    }

    private IllegalArgumentException invalid(String given) {
        return new IllegalArgumentException("parameter '" + name + "' = " + given + " is not valid; expected "
                + validRange());
    }

    private static String describe(Object raw) {
        if (raw instanceof double[] v) {
            return Arrays.toString(v);
        }
        String text = String.valueOf(raw);
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    /** Formats a number the way a person would type it ({@code 1} rather than {@code 1.0}). */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
