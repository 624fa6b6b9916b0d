package org.varflow.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Suggests the nearest valid names for a misspelt one (edit distance), for "did you mean" messages. */
public final class Names {
    /** The longest name compared with the candidates. */
    public static final int LONGEST = 100;
    private Names() {
    }

    /**
     * The candidates closest to {@code given}: those within an edit distance of about a third of its length, or
     * sharing a prefix with it, nearest first (at most three). A name longer than {@value #LONGEST} characters is near
     * nothing (and costs nothing: the edit distance is quadratic in the lengths).
     */
    public static List<String> nearest(String given, Collection<String> candidates) {
        if (given != null && given.length() > LONGEST) {
            return List.of();
        }
        String g = given == null ? "" : given.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, g.length() / 3);
        List<String> close = new ArrayList<>();
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            if (distance(g, lc) <= limit || (!g.isEmpty() && (lc.startsWith(g) || g.startsWith(lc)))) {
                close.add(c);
            }
        }
        close.sort(Comparator.comparingInt((String c) -> distance(g, c.toLowerCase(Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder()));
        return close.size() > 3 ? close.subList(0, 3) : close;
    }

    /**
     * A message tail: {@code "; did you mean 'x'? valid: [a, b, c]"}.
     */
    public static String suggestion(String given, Collection<String> candidates) {
        List<String> near = nearest(given, candidates);
        List<String> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.naturalOrder());
        String valid = "valid: " + (sorted.isEmpty() ? "none registered" : String.join(", ", sorted));
        if (near.isEmpty()) {
            return "; " + valid;
        }
        return "; did you mean " + String.join(" or ", near.stream().map(n -> "'" + n + "'").toList()) + "? "
                + valid;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
