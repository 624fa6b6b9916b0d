package org.varflow.cli;

import org.varflow.api.io.Excerpt;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.Names;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.PartChoice;
import org.varflow.api.PartFactory;
import org.varflow.api.PartKind;
import org.varflow.api.Preset;
import org.varflow.core.registry.PartRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code varflow explain ID}: for a preset, its five parts and scheme with their parameters, the equation it
 * integrates and what it reduces to; for a part, its formula, parameters and supported spaces.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain a preset (its five parts, scheme, equation) or a part (formula, parameters).",
        footer = {"", "Examples:", "  varflow explain langevin", "  varflow explain quadratic",
            "  varflow explain euclidean --kind metric"})
final class ExplainCommand implements Callable<Integer> {
    static final String UNIFYING = """
              samples:  dx = [ -K(x) grad E(x) + J(x) grad E(x) + beta^-1 div K(x) ] dt + sqrt(2 beta^-1 K(x)) dW
              laws:     d rho/dt = -K_rho dF(rho),   F(rho) = integral E d rho + beta^-1 integral rho log rho""";

    private final PartRegistry registry;
    private final PrintWriter out;

    @picocli.CommandLine.Parameters(paramLabel = "ID", description = "a preset or part id (see 'varflow list')")
    String id;

    @Option(names = "--kind", paramLabel = "KIND", description = "only this part kind (when an id is used by several)")
    String kind;

    @Inject
    ExplainCommand(PartRegistry registry, @Stdout PrintWriter out) {
        this.registry = registry;
        this.out = out;
    }

    @Override
    public Integer call() {
        PartKind only = kind == null ? null : PartKind.fromLabel(kind);
        boolean shown = false;
        if (only == null && registry.presets().containsKey(id)) {
            explainPreset(registry.presets().get(id));
            shown = true;
        }
        for (PartKind k : PartKind.values()) {
            if ((only == null || only == k) && registry.factories(k).containsKey(id)) {
                if (shown) {
                    out.println();
                }
                explainPart(registry.factories(k).get(id));
                shown = true;
            }
        }
        if (!shown) {
            List<String> all = new ArrayList<>(registry.presets().keySet());
            for (PartKind k : PartKind.values()) {
                if (only == null || only == k) {
                    all.addAll(registry.factories(k).keySet());
                }
            }
            throw new ConfigurationException("nothing called " + Excerpt.quote(id) + (only == null ? "" : " among " + only
                    + " parts") + Names.suggestion(id, new java.util.TreeSet<>(all)));
        }
        out.flush();
        return 0;
    }

    private void explainPreset(Preset p) {
        FlowSpec spec = p.spec();
        out.println(p.id() + " - " + p.summary());
        out.println();
        out.println("equation:");
        p.equation().lines().forEach(l -> out.println("  " + l));
        out.println();
        out.println("parts:");
        for (PartKind k : PartKind.values()) {
            PartChoice c = spec.part(k);
            PartFactory<?> f = registry.factories(k).get(c.id());
            String summary = f == null ? "(not registered: install the plugin that provides it)" : f.summary();
            out.printf(Locale.ROOT, "  %-8s %-22s %s%n", k.label(), c.id(), summary);
            if (f != null && !f.parameters().isEmpty()) {
                Map<String, Object> values = Parameters.resolve(k + " '" + c.id() + "'", f.parameters(), c.params())
                        .asMap();
                List<String> items = new ArrayList<>();
                values.forEach((name, v) -> items.add(name + "=" + show(v)));
                out.printf(Locale.ROOT, "  %-8s %-22s %s%n", "", "", String.join(", ", items));
            }
        }
        out.println();
        out.println("run: " + (spec.steps() != null ? spec.steps() + " steps" : "time " + spec.time()) + " of dt "
                + spec.dt() + ", " + spec.particles() + " particle" + (spec.particles() == 1 ? "" : "s") + ", seed "
                + spec.seed());
        out.println();
        out.println("reduces to / limits:");
        p.reducesTo().lines().forEach(l -> out.println("  " + l));
        if (!p.references().isEmpty()) {
            out.println();
            out.println("references:");
            p.references().forEach(r -> out.println("  " + r));
        }
        out.println();
        out.println("the unifying equation (one flow seen at two levels):");
        out.println(UNIFYING);
        out.println();
        out.println("try: varflow run " + p.id() + "   (swap a part: --energy ID, --scheme ID; --set PART.PARAM=VALUE)");
        out.println("     varflow run " + p.id() + " --out DIR --plot   (charts; --report DIR for one HTML page)");
        out.println("     varflow spec --example " + p.id() + " > flow.yaml   (every parameter explicit: edit, then"
                + " run --spec flow.yaml)");
    }

    private void explainPart(PartFactory<?> f) {
        out.println(f.kind() + " '" + f.id() + "' - " + f.summary());
        if (!f.formula().isBlank()) {
            out.println();
            out.println("formula:");
            f.formula().lines().forEach(l -> out.println("  " + l));
        }
        out.println();
        out.println("spaces: " + (f.spaces().isEmpty() ? "any" : String.join(", ", new java.util.TreeSet<>(f.spaces()))));
        registry.pluginOf(f.kind(), f.id()).ifPresent(pl -> out.println("plugin: " + pl.id() + " " + pl.version()));
        out.println();
        if (f.parameters().isEmpty()) {
            out.println("parameters: none");
            return;
        }
        out.println("parameters (set with --set " + f.kind() + ".NAME=VALUE):");
        for (Parameter p : f.parameters()) {
            out.printf(Locale.ROOT, "  %-18s %-8s default %-10s %s%n", p.name(), p.type(),
                    p.defaultValue() == null ? "(none)" : p.defaultValue(), p.meaning());
            out.printf(Locale.ROOT, "  %-18s %-8s %s%n", "", "", "valid: " + p.validRange());
        }
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
}
