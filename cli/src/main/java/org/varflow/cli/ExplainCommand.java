package org.varflow.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.varflow.api.PartKind;
import org.varflow.core.explain.Explanations;
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
    static final String UNIFYING = Explanations.UNIFYING;

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
        out.print(new Explanations(registry).explain(id, only));
        out.flush();
        return 0;
    }
}
