package org.varflow.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.varflow.Varflow;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.Names;
import org.varflow.cli.compare.Comparison;
import org.varflow.cli.plot.PlotSize;
import org.varflow.cli.sweep.Engines;
import org.varflow.cli.sweep.HistogramSpec;
import org.varflow.cli.sweep.LocalEngine;
import org.varflow.cli.sweep.RunRow;
import org.varflow.cli.sweep.ShardResult;
import org.varflow.cli.sweep.SparkLauncher;
import org.varflow.cli.sweep.SweepEngine;
import org.varflow.cli.sweep.SweepPlan;
import org.varflow.cli.sweep.SweepPlots;
import org.varflow.cli.sweep.SweepTables;
import org.varflow.cli.sweep.Table;
import org.varflow.core.output.OutputSet;
import org.varflow.core.spec.SpecFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code varflow sweep}: a grid of whole runs (the cartesian product of {@code --vary} values, times seeds), or one
 * ensemble split into shards of particles, on the local thread pool or on Spark; one table of runs, one of cells
 * (mean and standard error over seeds) and plots. The work is in {@link org.varflow.cli.sweep}.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a grid of compositions x seeds (and shard large ensembles), locally or on Spark.",
            "Each run is a full 'varflow run' of its cell's spec and seed; the tables have a row per run (varied",
            "values, seed, energy, free energy, moments, diagnostics, wall time) and per cell (mean and standard",
            "error over seeds), with a plot of each figure against the first varied key.",
            "",
            "--vary takes the grammar of 'varflow compare': KIND=ID, KIND.PARAM=V1,V2,... or dt|steps|time|particles|",
            "every=V1,V2 (values holding commas separated by '|'). Seeds: S, S+1, ..., S+N-1 in every cell (S from",
            "--seed or the spec). --shard-particles K splits each run's independent particles into K shards on",
            "whole blocks of 256, each with the random streams it has in the whole run, and merges their moments",
            "and histograms exactly: the same numbers as one JVM, to rounding.",
            "",
            "Output (default ./sweep-NAME/): runs.csv, cells.csv, histograms.csv (ensembles), NAME.png/.svg per",
            "figure; with --engine spark also runs.parquet, cells.parquet, histograms.parquet. They appear together",
            "when the sweep ends, or none does."},
        footer = {"", "Examples:",
            "  varflow sweep langevin --energy double-well --vary entropy.beta=1,2,4 --seeds 8 --out sweep/",
            "  varflow sweep langevin --vary entropy.beta=1,4 --vary dt=0.01,0.02 --seeds 4 --engine spark",
            "  varflow sweep langevin --energy double-well --set space.dimension=10 --particles 100000000 \\",
            "      --shard-particles 400 --engine spark --master spark://host:7077",
            "", "Exit codes: 0 success (a run that diverges is a row with status 'diverged' and its message),",
            "2 bad input (before any run starts) or outputs that cannot be written, 1 an engine failure; after a",
            "failure none of the sweep's files is left."})
final class SweepCommand implements Callable<Integer> {
    /** The master URLs Spark accepts (its documented forms); anything else would end in Spark's own exception. */
    private static final java.util.regex.Pattern MASTER_URL = java.util.regex.Pattern.compile(
            "local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?])?|spark://[^\\s/]+:[0-9]+(,[^\\s/]+:[0-9]+)*|yarn"
                    + "|k8s://\\S+|local-cluster\\[[0-9]+,[0-9]+,[0-9]+]");

    private final Varflow varflow;
    private final PrintWriter out;
    private final PrintWriter err;

    @ParentCommand
    VarflowCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "PRESET|FILE", description = "a preset id or a spec file")
    String target;

    @Option(names = "--vary", paramLabel = "KEY=V1,V2", description = "the values of one grid axis (repeatable:"
            + " the cartesian product)")
    List<String> vary = List.of();

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1", description = "runs per cell, seeds S..S+N-1"
            + " (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--shard-particles", paramLabel = "K", defaultValue = "1", description = "split each run's"
            + " particles into K shards (independent particles only; default: ${DEFAULT-VALUE})")
    int shards;

    @Option(names = "--histogram", paramLabel = "LO:HI:BINS", description = "bins of the final particles'"
            + " histograms per coordinate (default: -4:4:80, with under- and overflow)")
    String histogram;

    @Option(names = "--engine", paramLabel = "ID", defaultValue = "local", description = "local (default: this"
            + " JVM's threads) or spark")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*], or what"
            + " spark-submit set), e.g. spark://host:7077, yarn, k8s://https://host:443")
    String master;

    @Option(names = "--parquet", paramLabel = "URI", description = "where Spark writes the Parquet tables"
            + " (default: the --out directory); on a cluster of several hosts, a filesystem all of them reach,"
            + " e.g. hdfs://nn/sweeps/s1 or s3a://bucket/s1")
    String parquet;

    @Option(names = "--spark-jars", paramLabel = "DIR", description = "Spark's jars when Spark is not on the"
            + " classpath (default: $SPARK_HOME/jars)")
    Path sparkJars;

    @Option(names = "--job-jar", paramLabel = "FILE", description = "the varflow job jar shipped to Spark executors"
            + " (default: the jar varflow runs from, or spark/target/" + SparkLauncher.JOB_JAR + ")")
    Path jobJar;

    @Mixin
    SharedOptions.Parts parts = new SharedOptions.Parts();

    @Mixin
    SharedOptions.Length length = new SharedOptions.Length();

    @Mixin
    SharedOptions.Execution execution = new SharedOptions.Execution();

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: ./sweep-NAME)")
    Path outDir;

    @Option(names = "--plot-size", paramLabel = "WxH", description = "chart size in pixels (default: 800x560)")
    String plotSize;

    @Inject
    SweepCommand(Varflow varflow, @Stdout PrintWriter out, @Stderr PrintWriter err) {
        this.varflow = varflow;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        PlotSize size = plotSize == null ? PlotSize.DEFAULT : PlotSize.parse(plotSize);
        HistogramSpec bins = histogram == null ? HistogramSpec.DEFAULT : HistogramSpec.parse(histogram);
        String name = baseName();
        SweepPlan plan = SweepPlan.build(varflow, base(), name, vary, seeds, shards, bins);
        Path dir = outDir != null ? outDir : Path.of("sweep-" + name);
        RunCommand.checkWritable(dir, null);
        RunCommand.checkNotARunsDirectory(dir, "varflow sweep");
        Map<String, SweepEngine> engines = Engines.discover(SweepCommand.class.getClassLoader());
        SweepEngine chosen = engines.get(engine.toLowerCase(Locale.ROOT));
        if (chosen == null && !engine.equalsIgnoreCase("spark")) {
            List<String> ids = new ArrayList<>(engines.keySet());
            if (!ids.contains("spark")) {
                ids.add("spark");
            }
            throw new ConfigurationException("--engine " + engine + " is not valid; expected one of "
                    + String.join(", ", ids) + Names.suggestion(engine, ids));
        }
        if (master != null && LocalEngine.ID.equals(engine.toLowerCase(Locale.ROOT))) {
            throw new ConfigurationException("--master " + master + " is for --engine spark; the local engine runs"
                    + " in this JVM (give --engine spark --master " + master + ")");
        }
        if (master != null && !MASTER_URL.matcher(master).matches()) {
            throw new ConfigurationException("--master " + master + " is not a Spark master URL; expected local,"
                    + " local[N], local[*], spark://HOST:PORT[,HOST:PORT...], yarn or k8s://URL");
        }
        if (parquet != null && LocalEngine.ID.equals(engine.toLowerCase(Locale.ROOT))) {
            throw new ConfigurationException("--parquet " + parquet + ": the local engine writes CSV only (Parquet"
                    + " comes with Spark; give --engine spark)");
        }
        if (chosen == null) {
            SparkLauncher launcher = SparkLauncher.find(sparkJars, jobJar, System.getenv(), home());
            if (!execution.quiet) {
                err.println("varflow: Spark is not in varflow.jar; running the sweep with Spark's jars and "
                        + launcher.jobJar());
            }
            return launcher.run(commandSpec.root().commandLine().getParseResult().originalArgs(), out, err);
        }
        List<Path> jars = new ArrayList<>();
        if (jobJar != null) {
            jars.add(jobJar.toAbsolutePath());
        }
        jars.addAll(pluginJars());
        var options = new SweepEngine.Options(master, execution.threads, jars, "varflow sweep " + name,
                execution.quiet, parquet);
        // every file appears at the end, together, or none does: a failure part-way (a full disk, a plot, the
        // engine) leaves none of the sweep's files behind, and prints no table
        try (OutputSet outputs = new OutputSet()) {
            outputs.directory(dir);
            Result result = sweep(chosen, options, plan, name, dir, size, outputs);
            outputs.commit();
            out.println(intro(plan, result.tables().get(0), result.where()));
            out.println();
            out.print(text(result.tables().get(1)));
            out.println();
            out.println("wrote " + String.join(", ", result.written()));
            out.flush();
        }
        return 0;
    }

    /** What a sweep staged: its tables, where it ran and the files it will have written. */
    private record Result(List<Table> tables, String where, List<String> written) {
    }

    /**
     * Runs the plan on the engine and stages the CSV tables and plots in {@code outputs}. The engine's own tables
     * (Spark's Parquet directories, possibly on another file system) cannot be staged: they are written last, and
     * {@link SweepEngine.Session#removeTables} removes them if the set is discarded after all.
     */
    private Result sweep(SweepEngine chosen, SweepEngine.Options options, SweepPlan plan, String name, Path dir,
                         PlotSize size, OutputSet outputs) throws Exception {
        List<String> written = new ArrayList<>();
        try (SweepEngine.Session session = chosen.open(options)) {
            AtomicLong done = new AtomicLong();
            List<ShardResult> results;
            Progress bar = Progress.start(done::get, plan.tasks().size(), "sweep " + name, err,
                    Progress.wanted(execution.quiet));
            try {
                results = session.run(plan.tasks(), varflow, done);
            } finally {
                bar.close();
            }
            List<RunRow> rows = merge(plan, results);
            Table runs = SweepTables.runs(plan, rows);
            Table cells = SweepTables.cells(plan, runs);
            Table histograms = SweepTables.histograms(plan, rows);
            List<Table> tables = histograms.rows().isEmpty() ? List.of(runs, cells) : List.of(runs, cells, histograms);
            for (Table t : tables) {
                Path csv = dir.resolve(t.name() + ".csv");
                outputs.text(csv, t.csv());
                written.add(csv.toString());
            }
            SweepPlots.stage(plan, cells, dir, size, outputs).forEach(p -> written.add(p.toString()));
            List<String> engineTables = session.writeTables(tables, dir);
            outputs.onDiscard(() -> session.removeTables(engineTables));
            written.addAll(engineTables);
            return new Result(tables, session.description(), written);
        }
    }

    /** The runs, their shards merged, in run order. */
    static List<RunRow> merge(SweepPlan plan, List<ShardResult> results) {
        List<List<ShardResult>> byRun = new ArrayList<>();
        for (int i = 0; i < plan.runs().size(); i++) {
            byRun.add(new ArrayList<>());
        }
        for (ShardResult r : results) {
            byRun.get(r.run()).add(r);
        }
        List<RunRow> rows = new ArrayList<>();
        for (List<ShardResult> shardsOfRun : byRun) {
            if (shardsOfRun.size() != plan.shards()) {
                throw new IllegalStateException("the engine returned " + shardsOfRun.size() + " shards of a run, not "
                        + plan.shards());
            }
            rows.add(RunRow.merge(shardsOfRun));
        }
        return rows;
    }

    private FlowSpec base() {
        Path file = Path.of(target);
        String lower = target.toLowerCase(Locale.ROOT);
        FlowSpec spec = Files.isRegularFile(file) || lower.endsWith(".yaml") || lower.endsWith(".yml")
                || lower.endsWith(".json") ? SpecFiles.read(file, varflow.registry())
                : varflow.registry().preset(target).spec();
        return length.apply(parts.apply(spec), true);
    }

    private String baseName() {
        String n = Path.of(target).getFileName() == null ? target : Path.of(target).getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && n.matches(".*\\.(ya?ml|json)$") ? n.substring(0, dot) : n;
    }

    private List<Path> pluginJars() throws java.io.IOException {
        if (parent == null || parent.pluginPath == null) {
            return List.of();
        }
        try (var files = Files.list(parent.pluginPath)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().map(Path::toAbsolutePath).toList();
        }
    }

    /** Where varflow runs from: the directory of its jar, or of the cli's classes. */
    private static Path home() {
        try {
            Path p = Path.of(SweepCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toAbsolutePath().getParent();
        } catch (Exception e) {
            return null;
        }
    }

    private static String intro(SweepPlan plan, Table runs, String where) {
        long failed = runs.column("status").stream().filter(s -> !"ok".equals(s)).count();
        return String.format(Locale.ROOT, "%d cell%s x %d seed%s = %d runs%s on the %s; %d diverged.",
                plan.cells().size(), plan.cells().size() == 1 ? "" : "s", plan.runs().size() / plan.cells().size(),
                plan.runs().size() / plan.cells().size() == 1 ? "" : "s", plan.runs().size(),
                plan.shards() > 1 ? " in " + plan.shards() + " shards each" : "", where, failed);
    }

    private static String text(Table cells) {
        List<String> header = List.of("cell", "runs", "E (mean +- se)", "F (mean +- se)", "wall s");
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> r : cells.rows()) {
            rows.add(List.of((String) r.get(cells.indexOf("label")), r.get(cells.indexOf("runs")) + "/"
                    + ((Long) r.get(cells.indexOf("runs")) + (Long) r.get(cells.indexOf("failed"))),
                    pm(r, cells, "energy"), pm(r, cells, "free_energy"),
                    r.get(cells.indexOf("wall_seconds_mean")) instanceof Double w
                            ? String.format(Locale.ROOT, "%.3f", w) : "-"));
        }
        return Comparison.text(header, rows);
    }

    private static String pm(List<Object> r, Table cells, String figure) {
        Object m = r.get(cells.indexOf(figure + "_mean"));
        Object s = r.get(cells.indexOf(figure + "_se"));
        return m == null ? "-" : Comparison.num(m) + (s == null ? "" : " +- " + String.format(Locale.ROOT, "%.2g",
                (Double) s));
    }
}
