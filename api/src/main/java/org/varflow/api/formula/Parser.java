package org.varflow.api.formula;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the formula language into an {@link Expr} tree, by recursive descent:
 *
 * <pre>
 *   list    := sum (';' sum)*
 *   sum     := product (('+' | '-') product)*
 *   product := unary (('*' | '/') unary)*
 *   unary   := ('-' | '+') unary | power
 *   power   := atom (('^' | '**') unary)?          right-associative: 2^3^2 = 2^9, -x^2 = -(x^2), x^-1 allowed
 *   atom    := number | name | name '[' sum ']' | name '(' sum (',' sum)* ')' | '(' sum ')'
 * </pre>
 *
 * Numbers are decimals ({@code 2}, {@code 0.5}, {@code .5}, {@code 1e-3}); names are letters, digits and '_'
 * starting with a letter. Anything else is refused with its position.
 */
final class Parser {
    private final String text;
    private int pos;

    private Parser(String text) {
        this.text = text;
    }

    /** One formula. */
    static Expr parse(String text) {
        Parser p = new Parser(text);
        p.skipSpace();
        if (p.pos == text.length()) {
            throw new FormulaException("an empty formula", text, 0);
        }
        Expr e = p.sum();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error(p.peek() == ';' ? "one formula expected, but ';' separates several"
                    : p.peek() == ')' ? "a ')' without its '('" : "expected an operator (+ - * / ^) or the end, not "
                    + p.describeNext());
        }
        return e;
    }

    /** Several formulas separated by ';'. */
    static List<Expr> parseList(String text) {
        Parser p = new Parser(text);
        List<Expr> out = new ArrayList<>();
        while (true) {
            p.skipSpace();
            if (p.pos == text.length()) {
                throw p.error("a formula is missing");
            }
            out.add(p.sum());
            p.skipSpace();
            if (p.pos == text.length()) {
                return out;
            }
            if (p.peek() != ';') {
                throw p.error(p.peek() == ')' ? "a ')' without its '('" : "expected an operator (+ - * / ^), ';' or"
                        + " the end, not " + p.describeNext());
            }
            p.pos++;
        }
    }

    private Expr sum() {
        Expr left = product();
        while (true) {
            skipSpace();
            char c = peek();
            if (c != '+' && c != '-') {
                return left;
            }
            int at = pos++;
            left = new Expr.Binary(c, left, product(), at);
        }
    }

    private Expr product() {
        Expr left = unary();
        while (true) {
            skipSpace();
            char c = peek();
            if ((c != '*' && c != '/') || (c == '*' && next() == '*')) {
                return left;
            }
            int at = pos++;
            left = new Expr.Binary(c, left, unary(), at);
        }
    }

    private Expr unary() {
        skipSpace();
        char c = peek();
        if (c == '-') {
            int at = pos++;
            return new Expr.Negate(unary(), at);
        }
        if (c == '+') {
            pos++;
            return unary();
        }
        return power();
    }

    private Expr power() {
        Expr base = atom();
        skipSpace();
        if (peek() == '^' || (peek() == '*' && next() == '*')) {
            int at = pos;
            pos += peek() == '^' ? 1 : 2;
            return new Expr.Binary('^', base, unary(), at);
        }
        return base;
    }

    private Expr atom() {
        skipSpace();
        int start = pos;
        char c = peek();
        if (c == '(') {
            pos++;
            Expr inner = sum();
            expect(')', "a ')' to close the '(' at column " + (start + 1));
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c)) {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String name = text.substring(start, pos);
            skipSpace();
            if (peek() == '(') {
                pos++;
                List<Expr> args = new ArrayList<>();
                skipSpace();
                if (peek() == ')') {
                    throw error("function '" + name + "' needs arguments");
                }
                args.add(sum());
                skipSpace();
                while (peek() == ',') {
                    pos++;
                    args.add(sum());
                    skipSpace();
                }
                expect(')', "',' or ')' in the arguments of '" + name + "'");
                return new Expr.Call(name, args, start);
            }
            if (peek() == '[') {
                pos++;
                Expr index = sum();
                expect(']', "a ']' to close " + name + "[");
                return new Expr.Element(name, index, start);
            }
            return new Expr.Name(name, start);
        }
        if (pos == text.length()) {
            throw error("the formula ends where a number, a name or '(' is expected");
        }
        throw error("expected a number, a name or '(', not " + describeNext());
    }

    private Expr number() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (peek() == '.') {
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if ((peek() == 'e' || peek() == 'E') && exponentFollows()) {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        String digits = text.substring(start, pos);
        if (digits.equals(".")) {
            pos = start;
            throw error("a lone '.' is not a number");
        }
        double v = Double.parseDouble(digits);
        if (!Double.isFinite(v)) {
            pos = start;
            throw error("the number " + digits + " is too large");
        }
        return new Expr.Num(v, start);
    }

    private boolean exponentFollows() {
        int i = pos + 1;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        return i < text.length() && Character.isDigit(text.charAt(i));
    }

    private void expect(char c, String what) {
        skipSpace();
        if (peek() != c) {
            throw error("expected " + what + (pos == text.length() ? ", but the formula ends"
                    : ", not " + describeNext()));
        }
        pos++;
    }

    private String describeNext() {
        if (pos >= text.length()) {
            return "the end";
        }
        char c = text.charAt(pos);
        return Character.isISOControl(c) ? String.format("the control character U+%04X", (int) c)
                : "'" + c + "'";
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() {
        return pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
    }

    private FormulaException error(String what) {
        return new FormulaException(what, text, Math.min(pos, Math.max(0, text.length())));
    }
}
