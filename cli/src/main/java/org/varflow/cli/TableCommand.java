package org.varflow.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.varflow.api.ConfigurationException;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.Preset;
import org.varflow.cli.compare.Comparison;
import org.varflow.core.registry.PartRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code varflow table}: the decomposition table of every registered method, generated from the presets (a preset
 * contributed by a third-party jar appears in it like the built-in ones).
 *
 * <p>One row per preset, its parts in the README's order and names: method | space | metric | energy | entropy |
 * noise | scheme. The text table is aligned on the left, header and values alike.
 */
@Command(name = "table", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The decomposition table: every registered method as its five parts and scheme.",
            "Generated from the registered presets, so plugins' presets appear too."},
        footer = {"", "Examples:", "  varflow table", "  varflow table --format markdown > methods.md",
            "  varflow --plugin-path plugins/ table --format csv"})
final class TableCommand implements Callable<Integer> {
    static final List<String> HEADER = List.of("method", "space", "metric", "energy", "entropy", "noise", "scheme");

    private final PartRegistry registry;
    private final PrintWriter out;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "text (default), markdown"
            + " or csv")
    String format;

    @Inject
    TableCommand(PartRegistry registry, @Stdout PrintWriter out) {
        this.registry = registry;
        this.out = out;
    }

    @Override
    public Integer call() {
        String f = format.toLowerCase(Locale.ROOT);
        if (!List.of("text", "markdown", "csv").contains(f)) {
            throw new ConfigurationException("--format " + format + " is not valid; expected one of [text, markdown,"
                    + " csv]");
        }
        List<List<String>> rows = rows(registry.presets().values());
        switch (f) {
            case "markdown" -> out.print(markdown(rows));
            case "csv" -> out.print(Comparison.csv(HEADER, rows));
            default -> out.print(text(rows));
        }
        out.flush();
        return 0;
    }

    /** One row per preset, in the order given. */
    static List<List<String>> rows(Iterable<Preset> presets) {
        List<List<String>> rows = new ArrayList<>();
        for (Preset p : presets) {
            rows.add(List.of(p.id(), id(p, PartKind.SPACE), id(p, PartKind.METRIC), id(p, PartKind.ENERGY),
                    id(p, PartKind.ENTROPY), id(p, PartKind.NOISE), id(p, PartKind.SCHEME)));
        }
        return rows;
    }

    /** Left-aligned columns two spaces apart, a rule under the header. */
    static String text(List<List<String>> rows) {
        int[] w = new int[HEADER.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = HEADER.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, HEADER, w);
        List<String> rule = new ArrayList<>();
        for (int width : w) {
            rule.add("-".repeat(width));
        }
        line(b, rule, w);
        for (List<String> r : rows) {
            line(b, r, w);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells, int[] w) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            l.append(cells.get(i)).append(" ".repeat(w[i] - cells.get(i).length() + (i + 1 < cells.size() ? 2 : 0)));
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    private static String id(Preset p, PartKind kind) {
        PartChoice c = p.spec().parts().get(kind);
        return c == null ? "-" : c.id();
    }

    static String markdown(List<List<String>> rows) {
        StringBuilder b = new StringBuilder("| " + String.join(" | ", HEADER) + " |\n|");
        HEADER.forEach(h -> b.append("---|"));
        b.append('\n');
        for (List<String> r : rows) {
            b.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return b.toString();
    }
}
