package org.varflow.core.spec;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small YAML writer for spec maps ({@link org.varflow.RunSummary#specMap}): block mappings at the top and for each
 * part, flow style for parameter maps and lists ({@code params: {diag: [1.0, 4.0]}}), words quoted where YAML would
 * read them otherwise. {@code varflow spec --example} prints specs with it and {@code varflow serve} offers them for
 * download; {@link SpecFiles} reads them back.
 */
public final class SpecYaml {
    private SpecYaml() {
    }

    /** The spec as YAML, one top-level key per line. */
    public static String write(Map<String, Object> spec) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> e : spec.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> parts) {
                b.append(e.getKey()).append(":\n");
                for (Map.Entry<?, ?> p : parts.entrySet()) {
                    Map<?, ?> part = (Map<?, ?>) p.getValue();
                    b.append("  ").append(p.getKey()).append(":\n");
                    b.append("    id: ").append(scalar(part.get("id"))).append('\n');
                    b.append("    params: ").append(flow(part.get("params"))).append('\n');
                }
            } else {
                b.append(e.getKey()).append(": ").append(flow(e.getValue())).append('\n');
            }
        }
        return b.toString();
    }

    static String flow(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> items = m.entrySet().stream().map(e -> e.getKey() + ": " + flow(e.getValue())).toList();
            return "{" + String.join(", ", items) + "}";
        }
        if (v instanceof List<?> l) {
            return "[" + String.join(", ", l.stream().map(SpecYaml::flow).toList()) + "]";
        }
        return scalar(v);
    }

    static String scalar(Object v) {
        if (v instanceof Double d) {
            String s = Double.toString(d);
            int e = s.indexOf('E');
            return e >= 0 && s.charAt(e + 1) != '-' ? s.substring(0, e + 1) + "+" + s.substring(e + 1) : s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        String s = String.valueOf(v);
        String lower = s.toLowerCase(Locale.ROOT);
        boolean plain = s.matches("[A-Za-z_][A-Za-z0-9_.-]*") && !List.of("true", "false", "yes", "no", "on",
                "off", "null", "y", "n").contains(lower);
        return plain ? s : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                .replace("\r", "\\r").replace("\t", "\\t") + "\"";
    }
}
