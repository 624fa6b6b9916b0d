package org.varflow.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.varflow.api.Preset;
import org.varflow.Varflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code varflow spec --example PRESET}: prints a complete spec file for a preset, every part with every parameter
 * explicit, the run length, dt, seed and particles, in YAML (default) or JSON. {@code varflow run --spec} on it runs
 * exactly what {@code varflow run PRESET} runs.
 */
@Command(name = "spec", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print a complete spec file for a preset, every parameter explicit.",
            "The preset's five parts and scheme with all their parameters (defaults included), and its run",
            "length, dt, seed and particles: edit it and run it with 'varflow run --spec FILE'."},
        footer = {"", "Examples:", "  varflow spec --example langevin > my-flow.yaml",
            "  varflow spec --example gradient-descent --format json > gd.json",
            "  varflow run --spec my-flow.yaml --out results/ --plot"})
final class SpecCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { YAML, JSON }

    private final Varflow varflow;
    private final PrintWriter out;

    @Option(names = "--example", required = true, paramLabel = "PRESET",
            description = "the preset to write out (see 'varflow list presets')")
    String preset;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml",
            description = "yaml (default) or json")
    Format format;

    @Inject
    SpecCommand(Varflow varflow, @Stdout PrintWriter out) {
        this.varflow = varflow;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        Preset p = varflow.registry().preset(preset);
        Map<String, Object> spec = Varflow.explicitSpec(varflow.assemble(p.spec()));
        if (format == Format.JSON) {
            out.print(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(spec) + System.lineSeparator());
        } else {
            out.println("# varflow spec: preset '" + p.id() + "' with every parameter explicit (varflow "
                    + Varflow.VERSION + ").");
            out.println("# " + p.summary());
            out.println("# Run it with 'varflow run --spec FILE'; the schema is in docs/README.md (Spec files).");
            out.println("# 'preset' records where it came from: the values below override all of the preset's.");
            out.print(Yaml.write(spec));
        }
        out.flush();
        return 0;
    }

    /**
     * A small YAML writer for spec maps: block mappings at the top and for each part, flow style for parameter
     * maps and lists ({@code params: {diag: [1.0, 4.0]}}), words quoted where YAML would read them otherwise.
     */
    static final class Yaml {
        private Yaml() {
        }

        static String write(Map<String, Object> spec) {
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
                return "[" + String.join(", ", l.stream().map(Yaml::flow).toList()) + "]";
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
            return plain ? s : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
