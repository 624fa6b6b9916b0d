package org.varflow.cli.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.Names;
import org.varflow.api.PartKind;

/**
 * The settings {@code varflow compare} varies: {@code KIND=ID} swaps a part ({@code metric=diagonal}),
 * {@code KIND.PARAM=VALUE} sets a parameter ({@code energy.diag=1,10}), and {@code dt}, {@code steps}, {@code time},
 * {@code particles}, {@code every} set the run. The seed is not among them: every composition runs on the same seed.
 */
public final class Settings {
    private static final List<String> KINDS = List.of("space", "metric", "energy", "entropy", "noise", "scheme");
    private static final List<String> RUN_KEYS = List.of("dt", "steps", "time", "particles", "every");

    private Settings() {
    }

    /** Applies one {@code KEY=VALUE} setting; {@code origin} names the option it came from in messages. */
    public static FlowSpec apply(FlowSpec spec, String setting, String origin) {
        int eq = setting.indexOf('=');
        if (eq <= 0 || eq == setting.length() - 1) {
            throw new ConfigurationException(origin + " '" + setting + "' is not of the form KIND=ID,"
                    + " KIND.PARAM=VALUE or dt|steps|time|particles|every=VALUE (e.g. metric=diagonal,"
                    + " energy.diag=1,10, dt=0.05)");
        }
        String key = setting.substring(0, eq).trim();
        String value = setting.substring(eq + 1).trim();
        int dot = key.indexOf('.');
        if (dot >= 0) {
            PartKind kind = kind(key.substring(0, dot), setting, origin);
            String name = key.substring(dot + 1);
            if (name.isEmpty()) {
                throw new ConfigurationException(origin + " '" + setting + "': give a parameter name, e.g. "
                        + kind.label() + ".NAME=VALUE (see 'varflow explain " + spec.part(kind).id() + "')");
            }
            return spec.withParam(kind, name, value);
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (KINDS.contains(lower)) {
            return spec.withPart(PartKind.fromLabel(lower), value);
        }
        try {
            return switch (lower) {
                case "dt" -> spec.withDt(Double.parseDouble(value));
                case "steps" -> spec.withSteps(Long.parseLong(value));
                case "time" -> spec.withTime(Double.parseDouble(value));
                case "particles" -> spec.withParticles(Integer.parseInt(value));
                case "every" -> spec.withEvery(Integer.parseInt(value));
                case "seed" -> throw new ConfigurationException(origin + " '" + setting + "': compare runs every"
                        + " composition on the same seed; give --seed S to choose it for all");
                default -> throw new ConfigurationException(origin + " '" + setting + "': '" + key + "' is neither a"
                        + " part kind nor a run setting" + Names.suggestion(key, all()));
            };
        } catch (NumberFormatException e) {
            throw new ConfigurationException(origin + " '" + setting + "': '" + value + "' is not a number");
        }
    }

    /**
     * Splits the values of {@code --vary KEY=V1,V2,...} on commas, or on '|' when given (for values that themselves
     * hold commas, such as vectors: {@code energy.diag=1,1|1,10}).
     */
    public static List<String> varied(String vary) {
        int eq = vary.indexOf('=');
        if (eq <= 0 || eq == vary.length() - 1) {
            throw new ConfigurationException("--vary '" + vary + "' is not of the form KEY=V1,V2,... (e.g."
                    + " metric=euclidean,diagonal or 'energy.diag=1,1|1,10')");
        }
        String key = vary.substring(0, eq).trim();
        String values = vary.substring(eq + 1);
        String[] items = values.contains("|") ? values.split("\\|") : values.split(",");
        List<String> out = new ArrayList<>();
        for (String v : items) {
            if (v.isBlank()) {
                throw new ConfigurationException("--vary '" + vary + "' has an empty value");
            }
            out.add(key + "=" + v.trim());
        }
        return out;
    }

    /**
     * Every combination of the values of several {@code --vary KEY=V1,V2,...} options, the last varying fastest:
     * each combination is one {@code KEY=VALUE} setting per option, in option order.
     */
    public static List<List<String>> grid(List<String> varies) {
        List<List<String>> combos = new ArrayList<>(List.of(List.of()));
        for (String v : varies) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> combo : combos) {
                for (String item : varied(v)) {
                    List<String> c = new ArrayList<>(combo);
                    c.add(item);
                    next.add(c);
                }
            }
            combos = next;
        }
        return combos;
    }

    private static PartKind kind(String label, String setting, String origin) {
        try {
            return PartKind.fromLabel(label);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(origin + " '" + setting + "': '" + label + "' is not a part kind"
                    + Names.suggestion(label, KINDS));
        }
    }

    private static List<String> all() {
        List<String> out = new ArrayList<>(KINDS);
        out.addAll(RUN_KEYS);
        return out;
    }
}
