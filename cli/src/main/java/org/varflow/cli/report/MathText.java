package org.varflow.cli.report;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-ASCII maths of formulas and equations ({@code dx = -grad E(x) dt + sqrt(2 / beta) dW},
 * {@code x_{k+1} = argmin_y ...}) as HTML a reader expects: Greek letters, the nabla and integral signs, square roots,
 * superscripts and subscripts. Nothing outside the page is needed (no script, no font): Unicode characters and
 * {@code <sup>}/{@code <sub>} only. The input is escaped first, so any text is safe.
 */
final class MathText {
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("alpha", "\u03b1"), Map.entry("beta", "\u03b2"), Map.entry("gamma", "\u03b3"),
            Map.entry("delta", "\u03b4"), Map.entry("epsilon", "\u03b5"), Map.entry("eps", "\u03b5"),
            Map.entry("theta", "\u03b8"), Map.entry("kappa", "\u03ba"), Map.entry("lambda", "\u03bb"),
            Map.entry("mu", "\u03bc"), Map.entry("nu", "\u03bd"), Map.entry("xi", "\u03be"), Map.entry("pi", "\u03c0"),
            Map.entry("rho", "\u03c1"), Map.entry("sigma", "\u03c3"), Map.entry("tau", "\u03c4"),
            Map.entry("phi", "\u03c6"), Map.entry("psi", "\u03c8"), Map.entry("omega", "\u03c9"),
            Map.entry("Delta", "\u0394"), Map.entry("Sigma", "\u03a3"), Map.entry("Phi", "\u03a6"),
            Map.entry("Omega", "\u03a9"), Map.entry("Gamma", "\u0393"), Map.entry("grad", "\u2207"),
            Map.entry("nabla", "\u2207"), Map.entry("div", "\u2207\u00b7"), Map.entry("integral", "\u222b"),
            Map.entry("int", "\u222b"),
            Map.entry("sum", "\u2211"), Map.entry("infinity", "\u221e"));
    private static final Pattern WORD = Pattern.compile("(?<![A-Za-z])([A-Za-z]+)(?![A-Za-z])");
    private static final Pattern SQRT = Pattern.compile("sqrt\\(");
    private static final Pattern SUP_BRACED = Pattern.compile("\\^\\{([^{}]*)\\}");
    private static final Pattern SUB_BRACED = Pattern.compile("_\\{([^{}]*)\\}");
    private static final Pattern SUP = Pattern.compile("\\^(-?[A-Za-z0-9.\u03b1-\u03c9]+)");
    private static final Pattern SUB =
            Pattern.compile("(?<=[A-Za-z\u03b1-\u03c9\u0394\u03a3)])_([A-Za-z0-9\u03b1-\u03c9]+)");
    private static final List<String[]> SYMBOLS = List.of(new String[] {"&lt;=", "\u2264"},
            new String[] {"&gt;=", "\u2265"}, new String[] {"-&gt;", "\u2192"}, new String[] {"!=", "\u2260"},
            new String[] {"+-", "\u00b1"}, new String[] {" * ", " \u00b7 "}, new String[] {"~", "\u223c"});

    private MathText() {
    }

    /** The formula as HTML (escaped, then typeset). */
    static String html(String ascii) {
        String s = Html.esc(ascii);
        for (String[] sym : SYMBOLS) {
            s = s.replace(sym[0], sym[1]);
        }
        s = SQRT.matcher(s).replaceAll("\u221a(");
        s = replaceWords(s);
        s = SUP_BRACED.matcher(s).replaceAll("<sup>$1</sup>");
        s = SUB_BRACED.matcher(s).replaceAll("<sub>$1</sub>");
        s = SUP.matcher(s).replaceAll("<sup>$1</sup>");
        s = SUB.matcher(s).replaceAll("<sub>$1</sub>");
        return s;
    }

    private static String replaceWords(String s) {
        Matcher m = WORD.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String w = m.group(1);
            String r = WORDS.get(w);
            // keep HTML entities (&lt; ...) and words that are not maths intact
            boolean entity = m.start() > 0 && s.charAt(m.start() - 1) == '&';
            m.appendReplacement(b, Matcher.quoteReplacement(r != null && !entity ? r : w));
        }
        m.appendTail(b);
        return b.toString();
    }
}
