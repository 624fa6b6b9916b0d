package org.varflow.api.io;

import java.util.regex.Pattern;

/**
 * The numbers varflow reads from text: plain decimals such as {@code -1.5}, {@code .5}, {@code 2e-3}. Java's
 * {@link Double#parseDouble} also takes hexadecimal ({@code 0x1p3}), type suffixes ({@code 1d}, {@code 2f}),
 * {@code NaN} and {@code Infinity}, which in a data file or an option are a typo or a guess, never what was meant;
 * every reader of numbers from text (CSV cells, parameter values, option values) goes through here.
 */
public final class Decimal {
    private static final Pattern PLAIN = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private Decimal() {
    }

    /** Whether {@code text} (not trimmed) is a plain decimal. */
    public static boolean isPlain(String text) {
        return text != null && PLAIN.matcher(text).matches();
    }

    /**
     * The value of a plain decimal (surrounding spaces allowed). It may overflow to an infinity ({@code 1e400}) or
     * underflow to zero; callers check the range they need.
     *
     * @throws NumberFormatException when the text is not a plain decimal
     */
    public static double parse(String text) {
        String t = text == null ? "" : text.strip();
        if (!isPlain(t)) {
            throw new NumberFormatException("not a plain decimal: " + Excerpt.quote(t));
        }
        return Double.parseDouble(t);
    }
}
