package org.varflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.Names;
import org.varflow.api.PartKind;
import org.varflow.core.Varflow;
import org.varflow.core.output.AtomicFile;
import org.varflow.core.run.RunControl;
import org.varflow.core.spec.SpecFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code varflow run PRESET}: runs a preset, with any part swapped or re-parameterised from the command line or a
 * spec file, and prints the JSON summary (or writes it with {@code --summary}).
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a preset, optionally with parts swapped (--energy ID ...) or re-parameterised",
            "(--set PART.PARAM=VALUE), or a spec file (--spec FILE). Prints a JSON summary."},
        footer = {"", "Examples:", "  varflow run langevin",
            "  varflow run langevin --set entropy.beta=4 --particles 20000 --time 10",
            "  varflow run gradient-descent --energy rosenbrock --scheme dormand-prince --steps 2000",
            "  varflow run --spec my-flow.yaml --out results/",
            "", "Exit codes: 0 success, 2 bad input, 3 numerical failure (NaN, overflow), 1 internal error."})
final class RunCommand implements Callable<Integer> {
    private final Varflow varflow;
    private final PrintWriter out;

    @Parameters(arity = "0..1", paramLabel = "PRESET", description = "a preset id (see 'varflow list presets')")
    String preset;

    @Option(names = "--spec", paramLabel = "FILE", description = "a spec file (JSON or YAML) on top of the preset")
    Path specFile;

    @Option(names = "--space", paramLabel = "ID", description = "replace the space")
    String space;

    @Option(names = "--metric", paramLabel = "ID", description = "replace the metric")
    String metric;

    @Option(names = "--energy", paramLabel = "ID", description = "replace the energy")
    String energy;

    @Option(names = "--entropy", paramLabel = "ID", description = "replace the entropy")
    String entropy;

    @Option(names = "--noise", paramLabel = "ID", description = "replace the noise")
    String noise;

    @Option(names = "--scheme", paramLabel = "ID", description = "replace the time discretisation")
    String scheme;

    @Option(names = "--set", paramLabel = "PART.PARAM=VALUE",
            description = "set a parameter, e.g. entropy.beta=2 or energy.diag=1,4 (repeatable)")
    List<String> settings = List.of();

    @ArgGroup(exclusive = true)
    Length length;

    static final class Length {
        @Option(names = "--steps", paramLabel = "N", description = "number of steps") Long steps;

        @Option(names = "--time", paramLabel = "T", description = "final time (steps = T / dt)") Double time;
    }

    @Option(names = "--dt", paramLabel = "H", description = "step length") Double dt;

    @Option(names = "--particles", paramLabel = "N", description = "independent copies run side by side")
    Integer particles;

    @Option(names = "--seed", paramLabel = "S", description = "seed of all random streams") Long seed;

    @Option(names = "--every", paramLabel = "K", description = "observe and record every K-th step")
    Integer every;

    @Option(names = "--threads", paramLabel = "N",
            description = "worker threads (results do not depend on it; default: cores)")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "write trajectory.csv and summary.json into DIR")
    Path outDir;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "save the full run state to DIR/checkpoint.bin every N steps (needs --out DIR);"
                    + " continue a killed run with 'varflow resume DIR'")
    Long checkpointEvery;

    @Option(names = "--on-divergence", paramLabel = "POLICY", defaultValue = "stop",
            description = "stop (default) or halve: for deterministic flows, retry from the last observed state"
                    + " with half the step, for the rest of the run")
    RunControl.OnDivergence onDivergence;

    @Option(names = "--summary", paramLabel = "FILE", description = "write the JSON summary to FILE, not stdout")
    Path summaryFile;

    @Inject
    RunCommand(Varflow varflow, @Stdout PrintWriter out) {
        this.varflow = varflow;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        FlowSpec spec = buildSpec();
        checkWritable(outDir, summaryFile);
        if (checkpointEvery != null && (checkpointEvery < 1 || outDir == null)) {
            throw new ConfigurationException("--checkpoint-every " + checkpointEvery + " needs a whole number >= 1"
                    + " and --out DIR (the checkpoint is DIR/checkpoint.bin)");
        }
        var assembled = varflow.assemble(spec);
        checkMemory(spec, assembled.flow().dimension());
        RunControl control = (threads == null ? RunControl.defaults() : new RunControl(threads))
                .onDivergence(onDivergence);
        Path csv = outDir == null ? null : outDir.resolve(TRAJECTORY);
        return Interruptible.run(control, () -> {
            Varflow.Outcome outcome = varflow.run(assembled, control, csv,
                    checkpointEvery == null ? null : outDir.resolve(CHECKPOINT),
                    checkpointEvery == null ? 0 : checkpointEvery);
            writeSummary(outcome, outDir, summaryFile, out);
            return 0;
        });
    }

    static final String TRAJECTORY = "trajectory.csv";
    static final String SUMMARY = "summary.json";
    static final String CHECKPOINT = "checkpoint.bin";

    /** Writes the summary into DIR/summary.json (if DIR), to FILE if given, else to stdout. */
    static void writeSummary(Varflow.Outcome outcome, Path outDir, Path summaryFile, PrintWriter out)
            throws Exception {
        String json = json(outcome.summary());
        if (outDir != null) {
            AtomicFile.write(outDir.resolve(SUMMARY), json);
        }
        if (summaryFile != null) {
            AtomicFile.write(summaryFile, json);
        } else {
            out.print(json);
            out.flush();
        }
    }

    /** The preset, then the spec file, then the command-line options, each overriding the one before. */
    FlowSpec buildSpec() {
        FlowSpec spec = preset == null ? null : varflow.registry().preset(preset).spec();
        if (specFile != null) {
            spec = SpecFiles.read(specFile, varflow.registry(), spec);
        }
        if (spec == null) {
            throw new ConfigurationException("give a preset (see 'varflow list presets') or --spec FILE");
        }
        spec = swap(spec, PartKind.SPACE, space);
        spec = swap(spec, PartKind.METRIC, metric);
        spec = swap(spec, PartKind.ENERGY, energy);
        spec = swap(spec, PartKind.ENTROPY, entropy);
        spec = swap(spec, PartKind.NOISE, noise);
        spec = swap(spec, PartKind.SCHEME, scheme);
        for (String s : settings) {
            spec = set(spec, s);
        }
        if (length != null && length.steps != null) {
            spec = spec.withSteps(length.steps);
        }
        if (length != null && length.time != null) {
            spec = spec.withTime(length.time);
        }
        if (dt != null) {
            spec = spec.withDt(dt);
        }
        if (particles != null) {
            spec = spec.withParticles(particles);
        }
        if (seed != null) {
            spec = spec.withSeed(seed);
        }
        if (every != null) {
            spec = spec.withEvery(every);
        }
        return spec;
    }

    private static FlowSpec swap(FlowSpec spec, PartKind kind, String id) {
        return id == null ? spec : spec.withPart(kind, id);
    }

    private static FlowSpec set(FlowSpec spec, String setting) {
        int eq = setting.indexOf('=');
        int dot = setting.indexOf('.');
        if (eq < 0 || dot < 0 || dot > eq) {
            throw new ConfigurationException("--set " + setting + " is not of the form PART.PARAM=VALUE,"
                    + " e.g. --set entropy.beta=2");
        }
        String part = setting.substring(0, dot);
        String name = setting.substring(dot + 1, eq);
        String value = setting.substring(eq + 1);
        PartKind kind;
        try {
            kind = PartKind.fromLabel(part);
        } catch (ConfigurationException e) {
            throw new ConfigurationException("--set " + setting + ": '" + part + "' is not a part kind"
                    + Names.suggestion(part, List.of("space", "metric", "energy", "entropy", "noise", "scheme")));
        }
        if (name.isEmpty() || value.isEmpty()) {
            throw new ConfigurationException("--set " + setting + ": give a parameter name and a value,"
                    + " e.g. --set " + part + ".NAME=VALUE (see 'varflow explain " + spec.part(kind).id() + "')");
        }
        return spec.withParam(kind, name, value);
    }

    static void checkWritable(Path outDir, Path summaryFile) {
        if (outDir != null && Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new ConfigurationException("--out " + outDir + " exists and is not a directory");
        }
        if (summaryFile != null && Files.isDirectory(summaryFile)) {
            throw new ConfigurationException("--summary " + summaryFile + " is a directory; give a file name");
        }
    }

    /** Refuses runs whose state alone would not fit in the JVM's memory, before allocating it. */
    private static void checkMemory(FlowSpec spec, int dimension) {
        long bytes = (long) spec.particles() * dimension * Double.BYTES;
        long available = Runtime.getRuntime().maxMemory();
        if (bytes > available / 2) {
            throw new ConfigurationException("particles x dimension = " + spec.particles() + " x "
                    + dimension + " needs " + (bytes >> 20) + " MiB of state, more than half of the "
                    + (available >> 20) + " MiB the JVM may use; reduce --particles or raise -Xmx");
        }
    }

    static String json(Map<String, Object> summary) throws Exception {
        ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        return mapper.writeValueAsString(summary) + System.lineSeparator();
    }
}
