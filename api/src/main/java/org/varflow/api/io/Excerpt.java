package org.varflow.api.io;

import java.util.Locale;

/**
 * Text that came from input, made safe to put into a message: quoted, with control characters and escape sequences
 * shown as {@code \n}, {@code \t} or {@code \u001b}, and shortened to a few dozen characters so that a megabyte of bad
 * input makes a one-line message.
 */
public final class Excerpt {
    /** The most characters of input a message shows. */
    public static final int MAX = 40;
    /** The most characters of a file name a message shows. */
    public static final int MAX_PATH = 200;
    /** The most characters of a whole message printed to a terminal. */
    public static final int MAX_MESSAGE = 4000;

    private Excerpt() {
    }

    /** {@code 'text'}, escaped and shortened to {@value #MAX} characters with an ellipsis. */
    public static String quote(String text) {
        if (text == null) {
            return "nothing";
        }
        StringBuilder b = new StringBuilder("'");
        escape(text, MAX, b, true);
        b.append('\'');
        if (text.length() > MAX) {
            b.append("... (").append(text.length()).append(" characters)");
        }
        return b.toString();
    }

    /**
     * A file name as typed, when it is plain printable text of at most {@value #MAX_PATH} characters; else quoted,
     * escaped and shortened like {@link #quote}.
     */
    public static String path(String path) {
        if (path == null) {
            return "nothing";
        }
        if (path.length() <= MAX_PATH && isPlain(path)) {
            return path;
        }
        StringBuilder b = new StringBuilder("'");
        escape(path, MAX_PATH, b, true);
        b.append('\'');
        if (path.length() > MAX_PATH) {
            b.append("... (").append(path.length()).append(" characters)");
        }
        return b.toString();
    }

    /**
     * A whole message made safe for a terminal: every control character but the line feed and every escape sequence
     * shown escaped, and at most {@value #MAX_MESSAGE} characters. The last line of defence for text from input that
     * a message did not quote.
     */
    public static String message(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(message.length(), MAX_MESSAGE) + 16);
        escape(message, MAX_MESSAGE, b, false);
        if (message.length() > MAX_MESSAGE) {
            b.append("... (message shortened from ").append(message.length()).append(" characters)");
        }
        return b.toString();
    }

    private static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c) || Character.isSurrogate(c) || c == '\'') {
                return false;
            }
        }
        return true;
    }

    /** Control characters (C0, C1: ESC and CSI among them), format characters and line separators. */
    private static boolean unsafe(char c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static void escape(String text, int max, StringBuilder b, boolean quoted) {
        int n = Math.min(text.length(), max);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> b.append(quoted ? "\\n" : "\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append(quoted ? "\\t" : "\t");
                case '\'' -> b.append(quoted ? "\\'" : "'");
                case '\\' -> b.append(quoted ? "\\\\" : "\\");
                default -> {
                    boolean lone = Character.isHighSurrogate(c)
                            ? i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1))
                            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
                    if (unsafe(c) || lone) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
    }
}
