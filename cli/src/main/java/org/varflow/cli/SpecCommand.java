package org.varflow.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.varflow.api.Preset;
import org.varflow.Varflow;
import org.varflow.core.spec.SpecYaml;
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
            out.print(SpecYaml.write(spec));
        }
        out.flush();
        return 0;
    }
}
