package org.varflow.api;

import org.varflow.api.io.Excerpt;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The validated, typed parameter values of one part, defaults filled in.
 *
 * <p>Built by {@link #resolve(String, List, Map)} from a part's descriptors and the raw values the user gave, so
 * every value a factory reads is present (unless optional), of the declared type and within its range. Arrays
 * are copied on the way out.
 */
public final class Parameters {
    private static final Parameters EMPTY = new Parameters(Map.of(), Map.of());

    private final Map<String, Object> values;
    private final Map<String, Object> others;

    private Parameters(Map<String, Object> values, Map<String, Object> others) {
        this.values = values;
        this.others = others;
    }

    /** No parameters. */
    public static Parameters empty() {
        return EMPTY;
    }

    /**
     * Validates {@code raw} against {@code descriptors} and fills in defaults.
     *
     * @param owner       how to name the part in messages, e.g. {@code "energy 'quadratic'"}
     * @param descriptors the part's declared parameters
     * @param raw         the given values (text, numbers, booleans or lists), keyed by name
     * and, when the descriptors include {@link Parameter#others}, the undeclared names as its type (in name order,
     * after the declared ones)
     * @throws ConfigurationException for an unknown key (with the nearest valid keys) or an invalid value
     */
    public static Parameters resolve(String owner, List<Parameter> descriptors, Map<String, ?> raw) {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Parameter p : descriptors) {
            if (!p.isOthers()) {
                byName.put(p.name(), p);
            }
        }
        Map<String, ?> given = raw == null ? Map.of() : raw;
        Map<String, Parameter> undeclared = new java.util.TreeMap<>();
        for (String key : given.keySet()) {
            if (!byName.containsKey(key)) {
                Parameter other = Parameter.find(descriptors, key);
                if (other == null) {
                    String tail = byName.isEmpty() ? "; it takes no parameters"
                            : Names.suggestion(key, byName.keySet());
                    throw new ConfigurationException(owner + " has no parameter " + Excerpt.quote(key) + tail);
                }
                undeclared.put(key, other);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> others = new LinkedHashMap<>();
        for (Parameter p : undeclared.values()) {
            try {
                others.put(p.name(), p.parse(given.get(p.name())));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(owner + ": " + e.getMessage());
            }
        }
        for (Parameter p : byName.values()) {
            Object value = given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue();
            if (value == null) {
                continue; // optional, absent
            }
            try {
                values.put(p.name(), p.parse(value));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(owner + ": " + e.getMessage());
            }
        }
        values.putAll(others);
        return new Parameters(Collections.unmodifiableMap(values), Collections.unmodifiableMap(others));
    }

    /**
     * The values of the names the part does not declare, accepted through {@link Parameter#others} (in name order):
     * e.g. the named constants of a formula. Arrays are the parsed values (copy before changing them).
     */
    public Map<String, Object> others() {
        return others;
    }

    /** Whether the value is present (always true for parameters with a default). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    public double real(String name) {
        return (Double) require(name);
    }

    public long integer(String name) {
        return (Long) require(name);
    }

    public boolean bool(String name) {
        return (Boolean) require(name);
    }

    public String text(String name) {
        return (String) require(name);
    }

    /** A copy of a vector value. */
    public double[] vector(String name) {
        return ((double[]) require(name)).clone();
    }

    /**
     * A vector parameter of length {@code d}, where one entry stands for all: {@code [c]} becomes (c, ..., c), d
     * entries are taken as they are (a copy either way).
     *
     * @param owner  the part, for messages, e.g. {@code "space 'sphere'"}
     * @param name   the parameter
     * @param v      the value given
     * @param d      the length needed
     * @param needed why d, for messages, e.g. {@code "the space has dimension 3"}
     * @throws ConfigurationException for any other length, naming the part, the parameter, both lengths and why
     */
    public static double[] broadcast(String owner, String name, double[] v, int d, String needed) {
        if (v.length == d) {
            return v.clone();
        }
        if (v.length == 1) {
            double[] out = new double[d];
            java.util.Arrays.fill(out, v[0]);
            return out;
        }
        throw new ConfigurationException(owner + ": parameter '" + name + "' has " + v.length + " entries but "
                + needed + "; give 1 or " + d + " entries");
    }

    /** A deep copy of a matrix value, by rows. */
    public double[][] matrix(String name) {
        double[][] m = (double[][]) require(name);
        double[][] copy = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            copy[i] = m[i].clone();
        }
        return copy;
    }

    /**
     * The values for display and provenance: numbers, booleans and words as they are, vectors as lists and
     * matrices as lists of lists.
     */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, plain(v)));
        return out;
    }

    private static Object plain(Object v) {
        if (v instanceof double[] a) {
            return java.util.Arrays.stream(a).boxed().toList();
        }
        if (v instanceof double[][] m) {
            return java.util.Arrays.stream(m).map(Parameters::plain).toList();
        }
        return v;
    }

    private Object require(String name) {
        Object v = values.get(Objects.requireNonNull(name));
        if (v == null) {
            throw new IllegalStateException("parameter '" + name + "' is not declared or has no value");
        }
        return v;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
