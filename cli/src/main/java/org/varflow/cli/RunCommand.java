package org.varflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.Preset;
import org.varflow.cli.plot.PlotFiles;
import org.varflow.cli.plot.PlotSize;
import org.varflow.cli.plot.RunPlots;
import org.varflow.cli.report.RunReport;
import org.varflow.Frame;
import org.varflow.Varflow;
import org.varflow.core.output.AtomicFile;
import org.varflow.core.run.RunControl;
import org.varflow.core.spec.SpecFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            "  varflow run gradient-descent --energy rosenbrock --scheme minimizing-movement --dt 0.5 --steps 200"
                + " --out gd --plot    # charts in gd/",
            "  varflow run langevin --energy double-well --report report/         # one HTML page",
            "", "Exit codes: 0 success, 2 bad input, 3 numerical failure (NaN, overflow), 1 internal error."})
final class RunCommand implements Callable<Integer> {
    private final Varflow varflow;
    private final PrintWriter out;
    private final PrintWriter err;

    @Parameters(arity = "0..1", paramLabel = "PRESET", description = "a preset id (see 'varflow list presets')")
    String preset;

    @Option(names = "--spec", paramLabel = "FILE", description = "a spec file (JSON or YAML) on top of the preset")
    Path specFile;

    @Mixin
    SharedOptions.Parts parts = new SharedOptions.Parts();

    @Mixin
    SharedOptions.Length length = new SharedOptions.Length();

    @Mixin
    SharedOptions.Execution execution = new SharedOptions.Execution();

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

    @Option(names = "--plot", description = "also write charts (PNG and SVG) into --out DIR: energy and free energy"
            + " against time, paths over level sets (2-D), phase portraits, particle histograms against the target")
    boolean plot;

    @Option(names = "--plot-size", paramLabel = "WxH", description = "chart size in pixels (default: 800x560)")
    String plotSize;

    @Option(names = "--report", paramLabel = "DIR", description = "write DIR/report.html: one self-contained page"
            + " with the decomposition, equation, summary and plots (also writes the run's files there when --out"
            + " is not given)")
    Path reportDir;

    @Inject
    RunCommand(Varflow varflow, @Stdout PrintWriter out, @Stderr PrintWriter err) {
        this.varflow = varflow;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        FlowSpec spec = buildSpec();
        if (plot && outDir == null) {
            throw new ConfigurationException("--plot writes its charts into the --out DIR; give --out DIR");
        }
        PlotSize size = plotSize == null ? PlotSize.DEFAULT : PlotSize.parse(plotSize);
        if (reportDir != null) {
            checkWritable(reportDir, null);
            if (outDir == null) {
                outDir = reportDir;
            }
        }
        checkWritable(outDir, summaryFile);
        if (checkpointEvery != null && (checkpointEvery < 1 || outDir == null)) {
            throw new ConfigurationException("--checkpoint-every " + checkpointEvery + " needs a whole number >= 1"
                    + " and --out DIR (the checkpoint is DIR/checkpoint.bin)");
        }
        var assembled = varflow.assemble(spec);
        checkMemory(spec, assembled.flow().dimension());
        RunControl control = execution.control().onDivergence(onDivergence);
        Path csv = outDir == null ? null : outDir.resolve(TRAJECTORY);
        String label = label(spec, specFile);
        return Interruptible.run(control, () -> {
            Varflow.Outcome outcome;
            Progress bar = Progress.start(control::progress, spec.stepCount(), label, err,
                    Progress.wanted(execution.quiet));
            List<Frame> frames = new ArrayList<>(); // what the animation of independent particles is drawn from
            try {
                outcome = varflow.run(assembled, control, csv,
                        checkpointEvery == null ? null : outDir.resolve(CHECKPOINT),
                        checkpointEvery == null ? 0 : checkpointEvery,
                        plot || reportDir != null ? List.of(frames::add) : List.of(), RunPlots.FRAME_PARTICLES);
            } finally {
                bar.close();
            }
            writeSummary(outcome, outDir, summaryFile, out);
            if (plot || reportDir != null) {
                RunPlots.RunData data = RunPlots.RunData.of(label, null, outcome, csv, frames);
                List<RunPlots.Named> charts = RunPlots.charts(data, size);
                byte[] animation = RunPlots.animation(data, size);
                if (plot) {
                    for (RunPlots.Named c : charts) {
                        PlotFiles.write(c.chart(), outDir, c.name());
                    }
                    PlotFiles.writeAnimation(animation, outDir, "law");
                }
                if (reportDir != null) {
                    Path page = reportDir.resolve(REPORT);
                    RunReport.Page content = page(varflow, label, outcome, charts);
                    AtomicFile.write(page, RunReport.html(new RunReport.Page(content.label(), content.assembled(),
                            content.preset(), content.summary(), content.summaryJson(), content.unifying(),
                            content.charts(), animation)));
                    if (!execution.quiet) {
                        err.println("varflow: report written to " + page);
                    }
                }
            }
            return 0;
        });
    }

    static final String REPORT = "report.html";

    /** How a run is named in titles: its preset, else its spec file's name, else "run". */
    static String label(FlowSpec spec, Path specFile) {
        if (spec.preset() != null) {
            return spec.preset();
        }
        if (specFile != null && specFile.getFileName() != null) {
            String name = specFile.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }
        return "run";
    }

    /** The content of a run's report page. */
    static RunReport.Page page(Varflow varflow, String label, Varflow.Outcome outcome, List<RunPlots.Named> charts)
            throws Exception {
        String presetId = outcome.assembled().spec().preset();
        Preset preset = presetId == null ? null : varflow.registry().presets().get(presetId);
        return new RunReport.Page(label, outcome.assembled(), preset, outcome.summary().toMap(),
                outcome.summary().toJson(),
                ExplainCommand.UNIFYING, charts);
    }

    static final String TRAJECTORY = "trajectory.csv";
    static final String SUMMARY = "summary.json";
    static final String CHECKPOINT = "checkpoint.bin";

    /** Writes the summary into DIR/summary.json (if DIR), to FILE if given, else to stdout. */
    static void writeSummary(Varflow.Outcome outcome, Path outDir, Path summaryFile, PrintWriter out)
            throws Exception {
        String json = outcome.summary().toJson();
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
        return length.apply(parts.apply(spec), true);
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
