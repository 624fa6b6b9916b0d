package org.varflow.api.io;

/**
 * Text that came from input, made safe to put into a message: quoted, with control characters and escape sequences
 * shown as {@code \n}, {@code \t} or {@code \u001b}, and shortened to a few dozen characters so that a megabyte of bad
 * input makes a one-line message.
 */
public final class Excerpt {
    /** The most characters of input a message shows. */
    public static final int MAX = 40;

    private Excerpt() {
    }

    /** {@code 'text'}, escaped and shortened to {@value #MAX} characters with an ellipsis. */
    public static String quote(String text) {
        if (text == null) {
            return "nothing";
        }
        StringBuilder b = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < text.length() && shown < MAX; i++, shown++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\'' -> b.append("\\'");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                            || (Character.isSurrogate(c) && !Character.isHighSurrogate(c))) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('\'');
        if (text.length() > MAX) {
            b.append("... (").append(text.length()).append(" characters)");
        }
        return b.toString();
    }
}
