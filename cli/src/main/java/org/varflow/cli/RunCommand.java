package org.varflow.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.Preset;
import org.varflow.api.io.Excerpt;
import org.varflow.cli.plot.PlotFiles;
import org.varflow.cli.plot.PlotSize;
import org.varflow.cli.plot.RunPlots;
import org.varflow.cli.report.RunReport;
import org.varflow.Frame;
import org.varflow.Varflow;
import org.varflow.core.checkpoint.Checkpoint;
import org.varflow.core.output.JsonText;
import org.varflow.core.output.OutputSet;
import org.varflow.core.output.RunDirectory;
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
            "", "Exit codes: 0 success, 2 bad input or outputs that cannot be written, 3 numerical failure (NaN,",
            "overflow), 6 a part failed (a plugin's fault), 7 --timeout reached, 5 out of memory, 1 internal error."})
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

    @Mixin
    SharedOptions.Deadline deadline = new SharedOptions.Deadline();

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

    @Option(names = "--force", description = "replace the files an earlier run left in --out DIR (its summary,"
            + " trajectory, checkpoint, plots, report; nothing else there is touched)")
    boolean force;

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
        if (force && outDir == null) {
            throw new ConfigurationException("--force replaces the files of an earlier run in --out DIR; give"
                    + " --out DIR");
        }
        var assembled = varflow.assemble(spec);
        checkMemory(spec, assembled.flow().dimension());
        RunControl control = execution.control().onDivergence(onDivergence);
        String label = label(spec, specFile);
        RunDirectory owned = outDir == null ? null : RunDirectory.claim(outDir,
                Checkpoint.specDigest(Varflow.specJson(assembled)), OUTPUT_NAMES, force, "--force",
                "varflow run " + label);
        Path csv = outDir == null ? null : outDir.resolve(TRAJECTORY);
        Path checkpoint = checkpointEvery == null ? null : outDir.resolve(CHECKPOINT);
        if (owned != null) {
            owned.record(csv); // removed again if the run fails
            if (checkpoint != null) {
                owned.record(checkpoint);
            }
        }
        return Interruptible.run(control, "run " + label, assembled, deadline.timeout, err, owned, checkpoint,
                guard -> {
                Varflow.Outcome outcome;
                Progress bar = Progress.start(control::progress, spec.stepCount(), label, err,
                        Progress.wanted(execution.quiet));
                List<Frame> frames = new ArrayList<>(); // what the animation of independent particles is drawn from
                try {
                    outcome = varflow.run(assembled, control, csv, checkpoint, checkpointEvery == null ? 0
                            : checkpointEvery, owned == null ? java.util.UUID.randomUUID().toString() : owned.runId(),
                            plot || reportDir != null ? List.of(frames::add) : List.of(), RunPlots.FRAME_PARTICLES);
                } finally {
                    bar.close();
                }
                guard.afterRun();
                try (OutputSet outputs = new OutputSet()) {
                    outputs.adopt(csv);
                    if (plot || reportDir != null) {
                        RunPlots.RunData data = RunPlots.RunData.of(label, null, outcome, csv, frames);
                        List<RunPlots.Named> charts = RunPlots.charts(data, size);
                        byte[] animation = RunPlots.animation(data, size);
                        if (plot) {
                            for (RunPlots.Named c : charts) {
                                PlotFiles.stage(c.chart(), outDir, c.name(), outputs);
                            }
                            PlotFiles.stageAnimation(animation, outDir, ANIMATION, outputs);
                        }
                        if (reportDir != null) {
                            RunReport.Page content = page(varflow, label, outcome, charts);
                            outputs.text(reportDir.resolve(REPORT), RunReport.html(new RunReport.Page(content.label(),
                                    content.assembled(), content.preset(), content.summary(), content.summaryJson(),
                                    content.unifying(), content.charts(), animation)));
                        }
                    }
                    publish(outcome, outputs, owned, outDir, summaryFile, out, err, execution.quiet);
                }
                if (reportDir != null && !execution.quiet) {
                    err.println("varflow: report written to " + reportDir.resolve(REPORT));
                }
                return 0;
            });
    }

    static final String REPORT = "report.html";
    /** The animation of the law that --plot writes, DIR/law.gif (when the run has independent particles). */
    static final String ANIMATION = "law";

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

    /** What a run may write into its output directory (what marks a directory as another run's). */
    static final Set<String> OUTPUT_NAMES = outputNames();

    private static Set<String> outputNames() {
        Set<String> names = new java.util.TreeSet<>(List.of(TRAJECTORY, SUMMARY, CHECKPOINT, REPORT));
        for (String chart : RunPlots.NAMES) {
            names.add(chart + ".png");
            names.add(chart + ".svg");
            names.add(chart + ".json");
        }
        names.add(ANIMATION + ".gif");
        return Set.copyOf(names);
    }

    /**
     * Puts a finished run's outputs in place, all together: the summary into DIR/summary.json (if DIR) and FILE (if
     * given), with whatever else was staged; then prints it to stdout (unless FILE) and its warnings to stderr. If
     * any file cannot be written, none is left and nothing is printed.
     */
    static void publish(Varflow.Outcome outcome, OutputSet outputs, RunDirectory owned, Path outDir,
                        Path summaryFile, PrintWriter out, PrintWriter err, boolean quiet) {
        String json = outcome.summary().toJson();
        if (outDir != null) {
            outputs.text(outDir.resolve(SUMMARY), json);
        }
        if (summaryFile != null) {
            outputs.text(summaryFile, json);
        }
        List<Path> placed = outputs.commit();
        if (owned != null) {
            placed.forEach(owned::record);
            owned.finish();
        }
        if (summaryFile == null) {
            out.print(json);
            out.flush();
        }
        if (!quiet) {
            for (String warning : outcome.summary().warnings()) {
                err.println("varflow: warning: " + Excerpt.message(warning));
            }
            err.flush();
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

    /**
     * Refuses, for a command that writes many files into {@code outDir} ({@code sweep}, {@code demo},
     * {@code compare}), a directory that a {@code varflow run} owns (it holds the run's manifest): the command would
     * replace the run's plots, and a later {@code resume} would mix the two.
     */
    static void checkNotARunsDirectory(Path outDir, String command) {
        if (outDir != null && Files.exists(outDir.resolve(RunDirectory.MANIFEST))) {
            throw new ConfigurationException("--out " + outDir + " holds the outputs of a run (its "
                    + RunDirectory.MANIFEST + "); " + command + " would replace them: give another directory");
        }
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

    static String json(Map<String, Object> summary) {
        return JsonText.pretty(summary) + System.lineSeparator();
    }
}
