package org.varflow.cli.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.varflow.Palette;

/**
 * The palette ({@link Palette}, read from core's {@code org/varflow/palette.json}) as AWT colours: one colour per
 * method in every chart, comparison and report; black dashes for closed forms and targets; grey for starting states;
 * a light-to-dark ramp for snapshots in time.
 */
public final class Colours {
    private Colours() {
    }

    /** The colour of a method: a preset or part id. */
    public static Color method(String id) {
        return Color.decode(Palette.standard().colour(id));
    }

    /** A role's colour: {@code reference}, {@code target}, {@code initial}, {@code levels}, {@code particles}. */
    public static Color role(String role) {
        return Color.decode(Palette.standard().role(role));
    }

    /** The {@code k}-th of {@code n} snapshots, light (early) to dark (late). */
    public static Color sequential(int k, int n) {
        List<String> ramp = Palette.standard().sequential();
        int m = ramp.size();
        int i = n <= 1 ? m - 1 : (int) Math.round((m - 1) * (0.25 + 0.75 * k / (double) (n - 1)));
        return Color.decode(ramp.get(Math.max(0, Math.min(m - 1, i))));
    }

    /** The colour with alpha {@code alpha} (0..255). */
    public static Color alpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /**
     * One colour per label, by the method each names: its key's palette colour, or, when two labels of the same chart
     * share a key (one method with two settings), the next fallback colour not yet taken, so every label differs.
     *
     * @param keys label to method id (a preset or part id), in drawing order
     */
    public static Map<String, Color> distinct(Map<String, String> keys) {
        Map<String, Color> out = new LinkedHashMap<>();
        List<String> taken = new ArrayList<>();
        for (Map.Entry<String, String> e : keys.entrySet()) {
            String c = Palette.standard().colour(e.getValue());
            if (taken.contains(c)) {
                c = Palette.standard().fallback().stream().filter(f -> !taken.contains(f)).findFirst().orElse(c);
            }
            taken.add(c);
            out.put(e.getKey(), Color.decode(c));
        }
        return out;
    }
}
