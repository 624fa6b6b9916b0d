package org.varflow.cli;

import org.varflow.api.io.Excerpt;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Names;
import org.varflow.api.PartFactory;
import org.varflow.api.PartKind;
import org.varflow.api.Preset;
import org.varflow.core.discovery.PluginProblem;
import org.varflow.core.registry.PartRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code varflow list [KIND]}: every registered preset and part, grouped by kind, with a one-line meaning. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the presets and registered parts, grouped by kind, with plugin warnings.",
        footer = {"", "Examples:", "  varflow list", "  varflow list energy", "  varflow list presets"})
final class ListCommand implements Callable<Integer> {
    private final PartRegistry registry;
    private final PrintWriter out;
    private final PrintWriter err;

    @Parameters(arity = "0..1", paramLabel = "KIND",
            description = "presets, space, metric, energy, entropy, noise or scheme (all when omitted)")
    String kind;

    @Inject
    ListCommand(PartRegistry registry, @Stdout PrintWriter out, @Stderr PrintWriter err) {
        this.registry = registry;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        String wanted = kind == null ? null : kind.toLowerCase(Locale.ROOT);
        boolean presets = wanted == null || wanted.equals("presets") || wanted.equals("preset");
        PartKind only = null;
        if (wanted != null && !presets) {
            try {
                only = PartKind.fromLabel(wanted);
            } catch (ConfigurationException e) {
                throw new ConfigurationException("unknown kind " + Excerpt.quote(kind) + Names.suggestion(kind,
                        java.util.List.of("presets", "space", "metric", "energy", "entropy", "noise", "scheme")));
            }
        }
        if (presets) {
            out.println("presets");
            for (Preset p : registry.presets().values()) {
                out.printf(Locale.ROOT, "  %-24s %s%n", p.id(), p.summary());
            }
        }
        for (PartKind k : PartKind.values()) {
            if ((wanted == null || k == only)) {
                Map<String, PartFactory<?>> parts = registry.factories(k);
                if (wanted == null) {
                    out.println();
                }
                out.println(k.label());
                for (PartFactory<?> f : parts.values()) {
                    out.printf(Locale.ROOT, "  %-24s %s%n", f.id(), f.summary());
                }
            }
        }
        if (wanted == null && !registry.observers().isEmpty()) {
            out.println();
            out.println("observers (attached automatically where they apply)");
            registry.observers().values().forEach(o -> out.printf(Locale.ROOT, "  %-24s %s%n", o.id(), o.summary()));
        }
        for (PluginProblem p : registry.discovery().problems()) {
            err.println("warning: " + p);
        }
        out.flush();
        return 0;
    }
}
