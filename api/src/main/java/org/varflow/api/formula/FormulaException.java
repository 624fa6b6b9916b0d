package org.varflow.api.formula;

import org.varflow.api.ConfigurationException;

/**
 * A formula that cannot be read or compiled: the message names the column first (suggestions and lists of valid
 * names can be long), says what is wrong, then shows the formula (a window of it,
 * when long) with a caret under the offending place.
 */
public final class FormulaException extends ConfigurationException {
    private static final long serialVersionUID = 1L;
    /** Characters of the formula shown on each side of the error. */
    private static final int WINDOW = 50;

    private final int position;

    /**
     * @param what     what is wrong, e.g. {@code "unknown name 'y'"}
     * @param text     the formula
     * @param position the 0-based character index of the error in {@code text}
     */
    public FormulaException(String what, String text, int position) {
        super("column " + (position + 1) + ": " + what + "\n" + caret(text, position));
        this.position = position;
    }

    /** The 0-based character index of the error. */
    public int position() {
        return position;
    }

    /** Two lines: the formula (or a window of it, with control characters shown as spaces) and a caret under it. */
    static String caret(String text, int position) {
        int from = Math.max(0, position - WINDOW);
        int to = Math.min(text.length(), Math.max(position + 1, from) + WINDOW);
        StringBuilder line = new StringBuilder("    ");
        if (from > 0) {
            line.append("...");
        }
        int caretColumn = line.length() + position - from;
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            line.append(Character.isISOControl(ch) ? ' ' : ch);
        }
        if (to < text.length()) {
            line.append("...");
        }
        return line + "\n" + " ".repeat(caretColumn) + "^";
    }
}
