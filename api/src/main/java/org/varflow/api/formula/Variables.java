package org.varflow.api.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The variables a formula may use: a vector {@code x1..xd} (also written {@code x[i]}, and with {@code d} its length)
 * and/or single named variables such as {@code t}. Variable k (0-based) is {@code prefix(k + 1)} for k &lt; d, then
 * the named ones in order.
 *
 * @param prefix the vector's name (e.g. {@code "x"}), or null for none
 * @param d      the vector's length (0 without a vector)
 * @param named  single variables after the vector
 */
public record Variables(String prefix, int d, List<String> named) {
    public Variables {
        named = List.copyOf(named);
        if ((prefix == null && d != 0) || d < 0) {
            throw new IllegalArgumentException("a vector needs a name and a length >= 0");
        }
    }

    /** The vector x1..xd. */
    public static Variables vector(String prefix, int d) {
        return new Variables(Objects.requireNonNull(prefix), d, List.of());
    }

    /** Single named variables, e.g. {@code named("t")}. */
    public static Variables named(String... names) {
        return new Variables(null, 0, List.of(names));
    }

    /** The number of variables. */
    public int count() {
        return d + named.size();
    }

    /** The name of variable k (0-based). */
    public String name(int k) {
        return k < d ? prefix + (k + 1) : named.get(k - d);
    }

    /** The variable a name stands for, or -1: {@code x3} is 2 when d &gt;= 3; a named variable by its name. */
    int indexOf(String name) {
        int k = named.indexOf(name);
        if (k >= 0) {
            return d + k;
        }
        int v = vectorIndex(name);
        return v >= 1 && v <= d ? v - 1 : -1;
    }

    /** i for a name {@code <prefix>i} (i without leading zeros), else -1, whatever d is. */
    int vectorIndex(String name) {
        if (prefix == null || !name.startsWith(prefix) || name.length() == prefix.length()) {
            return -1;
        }
        String digits = name.substring(prefix.length());
        if (!digits.chars().allMatch(Character::isDigit) || digits.startsWith("0") || digits.length() > 9) {
            return -1;
        }
        return Integer.parseInt(digits);
    }

    /** How the variables are written, for messages: {@code x1..x3 (or x[i], i = 1..d), t}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (prefix != null) {
            parts.add((d == 1 ? prefix + "1" : prefix + "1.." + prefix + d) + " (or " + prefix + "[i], i = 1.." + d
                    + ")");
        }
        parts.addAll(named);
        return String.join(", ", parts);
    }
}
