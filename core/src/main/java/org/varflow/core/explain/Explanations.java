package org.varflow.core.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.Names;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.PartChoice;
import org.varflow.api.PartFactory;
import org.varflow.api.PartKind;
import org.varflow.api.Preset;
import org.varflow.core.assembly.FlowAssembler;
import org.varflow.core.registry.PartRegistry;

/**
 * The explanation of a preset (its five parts and scheme with their parameters, the equation it integrates, what it
 * reduces to) or of a part (formula, parameters, spaces), as plain text: {@code varflow explain} prints it and
 * {@code varflow serve} shows it, so both say the same thing.
 */
public final class Explanations {
    /** The unifying equation, one flow seen at two levels. */
    public static final String UNIFYING = """
              samples:  dx = [ -K(x) grad E(x) + J(x) grad E(x) + beta^-1 div K(x) ] dt + sqrt(2 beta^-1 K(x)) dW
              laws:     d rho/dt = -K_rho dF(rho),   F(rho) = integral E d rho + beta^-1 integral rho log rho""";

    private final PartRegistry registry;
    private final FlowAssembler assembler;

    public Explanations(PartRegistry registry) {
        this.registry = registry;
        this.assembler = new FlowAssembler(registry);
    }

    /**
     * Everything called {@code id}: the preset, then each part kind that has it (only {@code kind} when given),
     * separated by blank lines.
     *
     * @throws ConfigurationException naming the nearest ids when nothing has that id
     */
    public String explain(String id, PartKind kind) {
        List<String> shown = new ArrayList<>();
        if (kind == null && registry.presets().containsKey(id)) {
            shown.add(preset(registry.presets().get(id)));
        }
        for (PartKind k : PartKind.values()) {
            if ((kind == null || kind == k) && registry.factories(k).containsKey(id)) {
                shown.add(part(registry.factories(k).get(id)));
            }
        }
        if (shown.isEmpty()) {
            List<String> all = new ArrayList<>(registry.presets().keySet());
            for (PartKind k : PartKind.values()) {
                if (kind == null || kind == k) {
                    all.addAll(registry.factories(k).keySet());
                }
            }
            throw new ConfigurationException("nothing called '" + id + "'" + (kind == null ? "" : " among " + kind
                    + " parts") + Names.suggestion(id, new TreeSet<>(all)));
        }
        return String.join(System.lineSeparator(), shown);
    }

    /** A preset: summary, equation, parts with their parameters, run length, limits, references, what to try. */
    public String preset(Preset p) {
        Text out = new Text();
        FlowSpec spec = p.spec();
        out.line(p.id() + " - " + p.summary());
        out.line();
        out.line("equation:");
        p.equation().lines().forEach(l -> out.line("  " + l));
        out.line();
        out.line("parts:");
        for (PartKind k : PartKind.values()) {
            PartChoice c = spec.part(k);
            PartFactory<?> f = registry.factories(k).get(c.id());
            String summary = f == null ? "(not registered: install the plugin that provides it)" : f.summary();
            out.line(String.format(Locale.ROOT, "  %-8s %-22s %s", k.label(), c.id(), summary));
            if (f != null && !f.parameters().isEmpty()) {
                Map<String, Object> values = Parameters.resolve(k + " '" + c.id() + "'", f.parameters(), c.params())
                        .asMap();
                List<String> items = new ArrayList<>();
                values.forEach((name, v) -> items.add(name + "=" + show(v)));
                out.line(String.format(Locale.ROOT, "  %-8s %-22s %s", "", "", String.join(", ", items)));
            }
        }
        out.line();
        out.line("run: " + (spec.steps() != null ? spec.steps() + " steps" : "time " + spec.time()) + " of dt "
                + spec.dt() + ", " + particles(spec) + ", seed " + spec.seed());
        out.line();
        out.line("reduces to / limits:");
        p.reducesTo().lines().forEach(l -> out.line("  " + l));
        if (!p.references().isEmpty()) {
            out.line();
            out.line("references:");
            p.references().forEach(r -> out.line("  " + r));
        }
        out.line();
        out.line("the unifying equation (one flow seen at two levels):");
        out.line(UNIFYING);
        out.line();
        out.line("try: varflow run " + p.id() + "   (swap a part: --energy ID, --scheme ID; --set PART.PARAM=VALUE)");
        out.line("     varflow run " + p.id() + " --out DIR --plot   (charts; --report DIR for one HTML page)");
        out.line("     varflow spec --example " + p.id() + " > flow.yaml   (every parameter explicit: edit, then"
                + " run --spec flow.yaml)");
        return out.toString();
    }

    /** A part: summary, formula, spaces, plugin, and each parameter with its type, default, meaning and range. */
    public String part(PartFactory<?> f) {
        Text out = new Text();
        out.line(f.kind() + " '" + f.id() + "' - " + f.summary());
        if (!f.formula().isBlank()) {
            out.line();
            out.line("formula:");
            f.formula().lines().forEach(l -> out.line("  " + l));
        }
        out.line();
        out.line("spaces: " + (f.spaces().isEmpty() ? "any" : String.join(", ", new TreeSet<>(f.spaces()))));
        registry.pluginOf(f.kind(), f.id()).ifPresent(pl -> out.line("plugin: " + pl.id() + " " + pl.version()));
        out.line();
        if (f.parameters().isEmpty()) {
            out.line("parameters: none");
            return out.toString();
        }
        out.line("parameters (set with --set " + f.kind() + ".NAME=VALUE):");
        for (Parameter p : f.parameters()) {
            out.line(String.format(Locale.ROOT, "  %-18s %-8s default %-10s %s", p.name(), p.type(),
                    p.defaultValue() == null ? "(none)" : p.defaultValue(), p.meaning()));
            out.line(String.format(Locale.ROOT, "  %-18s %-8s %s", "", "", "valid: " + p.validRange()));
        }
        return out.toString();
    }

    private static String show(Object v) {
        if (v instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                parts.add(show(o));
            }
            return String.join(list.stream().anyMatch(o -> o instanceof List) ? ";" : ",", parts);
        }
        if (v instanceof Double d) {
            return Parameter.format(d);
        }
        return String.valueOf(v);
    }

    /** Lines joined with the platform's separator, as the command printed them. */
    private static final class Text {
        private final StringBuilder sb = new StringBuilder();

        void line() {
            sb.append(System.lineSeparator());
        }

        void line(String s) {
            sb.append(s).append(System.lineSeparator());
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    /**
     * How many particles the preset's law is made of, in words: an ensemble state is N particles in one state (the
     * spec's particles count copies of it), independent particles are the spec's particles.
     */
    private String particles(FlowSpec spec) {
        int n = spec.particles();
        try {
            int law = org.varflow.Varflow.lawParticles(assembler.assemble(spec));
            if (law != n) {
                return "an ensemble of " + law + " particles held as one state" + (n == 1 ? "" : ", " + n + " copies");
            }
        } catch (ConfigurationException notAssembled) {
            // a part's plugin is missing: say what the spec says
        }
        return n + " particle" + (n == 1 ? "" : "s");
    }
}
