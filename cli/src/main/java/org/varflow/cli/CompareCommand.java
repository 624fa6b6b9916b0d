package org.varflow.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.NumericalException;
import org.varflow.cli.compare.Comparison;
import org.varflow.cli.compare.Settings;
import org.varflow.cli.plot.ObserverReports;
import org.varflow.cli.plot.PlotFiles;
import org.varflow.cli.plot.PlotSize;
import org.varflow.cli.plot.Plots;
import org.varflow.cli.plot.RunPlots;
import org.varflow.cli.plot.Trajectory;
import org.varflow.cli.report.CompareReport;
import org.varflow.cli.report.RunReport;
import org.varflow.Varflow;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.core.output.OutputSet;
import org.varflow.core.run.RunControl;
import org.varflow.core.spec.SpecFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code varflow compare}: several compositions on one problem with the same seed. Either one preset (or spec file)
 * with parts swapped or re-parameterised ({@code --vary KEY=V1,V2}, or {@code --with "SETTINGS"} each adding a
 * composition beside the unchanged one), or several presets and spec files side by side. Prints a table and writes
 * each run's CSV and summary, the table as CSV and an overlay plot into the output directory.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare compositions on one problem with the same seed: a table and overlay plots.",
            "The table: steps to a tolerance, final energy and free energy, distance to target, wall time.",
            "",
            "Compositions: one PRESET or FILE with --vary KEY=V1,V2,... (one per value; several --vary give every",
            "combination) or with --with \"KEY=VALUE ...\" (each one beside the unchanged PRESET); or several",
            "PRESETs and FILEs. KEY is a part kind (metric=diagonal), KIND.PARAM (energy.diag=1,10), or dt, steps,",
            "time, particles, every. Values holding commas are separated by '|' in --vary: 'energy.diag=1,1|1,10'.",
            "",
            "Output (default: ./compare-NAME/): NN-LABEL/trajectory.csv and summary.json per composition,",
            "compare.csv (the table), energy.png/.svg (overlay) and, for 2-D problems, paths over level sets."},
        footer = {"", "Examples:",
            "  varflow compare gradient-descent --vary metric=euclidean,diagonal",
            "  varflow compare gradient-descent --with 'metric=diagonal metric.k=4,1' --every 1",
            "  varflow compare gradient-descent --with scheme=dormand-prince --with 'scheme=minimizing-movement dt=1'",
            "  varflow compare gradient-descent --energy rosenbrock --vary scheme=euler,dormand-prince --steps 4000",
            "  varflow compare langevin mala --time 5 --out samplers --report samplers",
            "  varflow compare my-flow.yaml other-flow.json --tol 1e-8",
            "", "Exit codes: 0 success (a composition that diverges is reported as 'failed'), 2 bad input."})
final class CompareCommand implements Callable<Integer> {
    private final Varflow varflow;
    private final PrintWriter out;
    private final PrintWriter err;

    @Parameters(arity = "1..*", paramLabel = "PRESET|FILE", description = "presets or spec files")
    List<String> targets;

    @Option(names = "--vary", paramLabel = "KEY=V1,V2", description = "one composition per value (repeatable:"
            + " every combination)")
    List<String> vary = List.of();

    @Option(names = "--with", paramLabel = "SETTINGS", description = "one more composition: space-separated"
            + " KEY=VALUE settings on top of the PRESET (repeatable)")
    List<String> with = List.of();

    @Mixin
    SharedOptions.Parts parts = new SharedOptions.Parts();

    @Mixin
    SharedOptions.Length length = new SharedOptions.Length();

    @Mixin
    SharedOptions.Execution execution = new SharedOptions.Execution();

    @Option(names = "--tol", paramLabel = "TOL", defaultValue = "1e-6", description = "tolerance of 'steps to tol',"
            + " relative to max(1, |best final value|) (default: ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--measure", paramLabel = "Q", defaultValue = "energy", description = "energy (default) or"
            + " free-energy: the quantity 'steps to tol' and the overlay plot follow")
    String measure;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: ./compare-NAME, or"
            + " ./compare-NAME-2, -3, ... when that exists: nothing is overwritten)")
    Path outDir;

    @Option(names = "--x-axis", paramLabel = "X", defaultValue = "time", description = "time (default) or step: what"
            + " the overlays are drawn against (step where step counts are the point, e.g. steps of different size)")
    String xAxis;

    @Option(names = "--report", paramLabel = "DIR", description = "also write DIR/compare.html and one"
            + " self-contained page per composition")
    Path reportDir;

    @Option(names = "--plot-size", paramLabel = "WxH", description = "chart size in pixels (default: 800x560)")
    String plotSize;

    @Inject
    CompareCommand(Varflow varflow, @Stdout PrintWriter out, @Stderr PrintWriter err) {
        this.varflow = varflow;
        this.out = out;
        this.err = err;
    }

    /** One composition to run. */
    record Composition(String label, FlowSpec spec) {
    }

    @Override
    public Integer call() throws Exception {
        Comparison.Measure q = switch (measure.toLowerCase(Locale.ROOT)) {
            case "energy" -> Comparison.Measure.ENERGY;
            case "free-energy", "freeenergy", "free_energy" -> Comparison.Measure.FREE_ENERGY;
            default -> throw new ConfigurationException("--measure " + measure + " is not valid; expected energy or"
                    + " free-energy");
        };
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new ConfigurationException("--tol " + tolerance + " is not valid; expected a finite number > 0");
        }
        PlotSize size = plotSize == null ? PlotSize.DEFAULT : PlotSize.parse(plotSize);
        boolean bySteps = switch (xAxis.toLowerCase(Locale.ROOT)) {
            case "time" -> false;
            case "step", "steps" -> true;
            default -> throw new ConfigurationException("--x-axis " + xAxis + " is not valid; expected time or step");
        };
        List<Composition> compositions = compositions();
        List<AssembledFlow> assembled = new ArrayList<>();
        for (Composition c : compositions) {
            try {
                assembled.add(varflow.assemble(c.spec()));
            } catch (ConfigurationException e) {
                throw new ConfigurationException("composition '" + c.label() + "': " + e.getMessage());
            }
        }
        Path dir = outDir != null ? outDir : freshDirectory("compare-" + slug(baseName()));
        RunCommand.checkWritable(dir, null);
        RunCommand.checkNotARunsDirectory(dir, "varflow compare");
        if (outDir == null && !execution.quiet) {
            err.println("varflow: writing into " + dir + " (choose with --out DIR)");
        }
        if (reportDir != null) {
            RunCommand.checkWritable(reportDir, null);
        }
        RunControl control = execution.control();
        return Interruptible.run(control, () -> {
            // every file appears at the end, together, or none does (a failure part-way leaves nothing behind)
            try (OutputSet outputs = new OutputSet()) {
                return compare(compositions, assembled, dir, q, size, bySteps, control, outputs);
            }
        });
    }

    /** Runs the compositions and stages every file in {@code outputs}; prints the table once they are in place. */
    private int compare(List<Composition> compositions, List<AssembledFlow> assembled, Path dir, Comparison.Measure q,
                        PlotSize size, boolean bySteps, RunControl control, OutputSet outputs) throws Exception {
        List<Comparison.Entry> entries = new ArrayList<>();
        List<Varflow.Outcome> outcomes = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < compositions.size(); i++) {
            if (control.stopRequested()) {
                break;
            }
            Composition c = compositions.get(i);
            String slug = String.format(Locale.ROOT, "%02d-%s", i + 1, slug(c.label()));
            Path csv = dir.resolve(slug).resolve(RunCommand.TRAJECTORY);
            Varflow.Outcome outcome;
            Progress bar = Progress.start(control::progress, c.spec().stepCount(), c.label(), err,
                    Progress.wanted(execution.quiet));
            try {
                outcome = varflow.run(assembled.get(i), control, csv);
            } catch (NumericalException e) {
                err.println("varflow: composition '" + c.label() + "' failed: " + e.getMessage());
                entries.add(new Comparison.Entry(c.label(), null, null, e.getMessage(),
                        assembled.get(i).flow().isDeterministic()));
                outcomes.add(null);
                slugs.add(slug);
                continue;
            } finally {
                bar.close();
            }
            outputs.adopt(csv);
            outputs.text(dir.resolve(slug).resolve(RunCommand.SUMMARY), outcome.summary().toJson());
            entries.add(new Comparison.Entry(c.label(), outcome.summary().toMap(), Files.isRegularFile(csv)
                    ? Trajectory.read(csv) : null, null, outcome.assembled().flow().isDeterministic()));
            outcomes.add(outcome);
            slugs.add(slug);
            if (outcome.result().stopped()) {
                break;
            }
        }
        List<List<String>> rows = Comparison.rows(entries, q, tolerance);
        double best = Comparison.best(entries, q);
        String intro = intro(entries, compositions.get(0).spec().seed(), q, best);
        outputs.text(dir.resolve("compare.csv"), Comparison.csv(Comparison.HEADER, rows));
        Map<String, java.awt.Color> colours = colours(compositions, assembled);
        List<RunPlots.Named> overlays = overlays(entries, outcomes, q, size, colours, bySteps);
        List<String> written = new ArrayList<>();
        written.add(dir.resolve("compare.csv").toString());
        for (RunPlots.Named o : overlays) {
            PlotFiles.stage(o.chart(), dir, o.name(), outputs);
            for (String ext : List.of(".png", ".svg", ".json")) {
                written.add(dir.resolve(o.name() + ext).toString());
            }
        }
        if (reportDir != null) {
            List<RunReport.Page> pages = new ArrayList<>();
            List<String> pageFiles = new ArrayList<>();
            List<List<String>> shownRows = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                Varflow.Outcome o = outcomes.get(i);
                if (o == null) {
                    continue;
                }
                String label = entries.get(i).label();
                Path csv = dir.resolve(slugs.get(i)).resolve(RunCommand.TRAJECTORY);
                RunReport.Page page = RunCommand.page(varflow, label, o,
                        RunPlots.charts(RunPlots.RunData.of(label, colours.get(label), o, csv, List.of()), size));
                String file = slugs.get(i) + ".html";
                outputs.text(reportDir.resolve(file), RunReport.html(page));
                pages.add(page);
                pageFiles.add(file);
                written.add(reportDir.resolve(file).toString());
            }
            shownRows.addAll(rows);
            Path page = reportDir.resolve("compare.html");
            outputs.text(page, CompareReport.html("compare: " + baseName(), intro, Comparison.HEADER,
                    shownRows, overlays, pages, pageFiles));
            written.add(page.toString());
        }
        outputs.commit();
        out.println(intro);
        out.println();
        out.print(Comparison.text(Comparison.HEADER, rows));
        out.println();
        out.println("wrote " + String.join(", ", written));
        out.flush();
        return 0;
    }

    /** The compositions, each with the common settings and the same seed. */
    List<Composition> compositions() {
        if ((!vary.isEmpty() || !with.isEmpty()) && targets.size() != 1) {
            throw new ConfigurationException("--vary and --with change one PRESET or FILE; give exactly one (or"
                    + " several PRESETs and FILEs without --vary and --with)");
        }
        if (!vary.isEmpty() && !with.isEmpty()) {
            throw new ConfigurationException("give --vary or --with, not both");
        }
        List<Composition> out = new ArrayList<>();
        if (!vary.isEmpty()) {
            Composition base = base(targets.get(0));
            for (List<String> combo : Settings.grid(vary)) {
                FlowSpec s = base.spec();
                for (String item : combo) {
                    s = Settings.apply(s, item, "--vary");
                }
                out.add(new Composition(String.join(" ", combo), s));
            }
        } else if (!with.isEmpty()) {
            Composition base = base(targets.get(0));
            out.add(base);
            for (String w : with) {
                FlowSpec s = base.spec();
                List<String> items = List.of(w.trim().split("\\s+"));
                if (w.isBlank()) {
                    throw new ConfigurationException("--with needs settings, e.g. --with scheme=dormand-prince");
                }
                for (String item : items) {
                    s = Settings.apply(s, item, "--with");
                }
                out.add(new Composition(String.join(" ", items), s));
            }
        } else {
            for (String t : targets) {
                out.add(base(t));
            }
        }
        if (out.size() < 2) {
            throw new ConfigurationException("compare needs at least two compositions: several PRESETs or FILEs,"
                    + " or one with --vary KEY=V1,V2 or --with SETTINGS");
        }
        long s = length.seed != null ? length.seed : out.get(0).spec().seed();
        List<Composition> seeded = new ArrayList<>();
        Set<String> labels = new LinkedHashSet<>();
        for (Composition c : out) {
            String label = c.label();
            for (int k = 2; !labels.add(label); k++) {
                label = c.label() + " #" + k;
            }
            seeded.add(new Composition(label, c.spec().withSeed(s)));
        }
        return seeded;
    }

    /** A target with the common settings applied. */
    private Composition base(String target) {
        FlowSpec spec;
        String label;
        Path file = Path.of(target);
        String lower = target.toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(file) || lower.endsWith(".yaml") || lower.endsWith(".yml")
                || lower.endsWith(".json")) {
            spec = SpecFiles.read(file, varflow.registry());
            label = RunCommand.label(spec.withPreset(null), file);
            if (spec.preset() != null && !Objects.equals(label, spec.preset())) {
                label = label + " (" + spec.preset() + ")";
            }
        } else {
            spec = varflow.registry().preset(target).spec();
            label = target;
        }
        return new Composition(label, length.apply(parts.apply(spec), false));
    }

    private String baseName() {
        List<String> names = new ArrayList<>();
        for (String t : targets) {
            String n = Path.of(t).getFileName() == null ? t : Path.of(t).getFileName().toString();
            int dot = n.lastIndexOf('.');
            names.add(dot > 0 && (Files.isRegularFile(Path.of(t)) || n.matches(".*\\.(ya?ml|json)$"))
                    ? n.substring(0, dot) : n);
        }
        return String.join("-", names);
    }

    static String slug(String label) {
        String s = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 60) {
            s = s.substring(0, 60);
        }
        return s.isEmpty() ? "run" : s;
    }

    private String intro(List<Comparison.Entry> entries, long seed, Comparison.Measure q, double best) {
        String name = q == Comparison.Measure.ENERGY ? "E" : "F";
        boolean anyDeterministic = entries.stream().anyMatch(Comparison.Entry::deterministic);
        boolean anyStochastic = entries.stream().anyMatch(e -> !e.deterministic());
        String steps = String.format(Locale.ROOT, "'steps to tol': the first observed step from"
                + " which |%s - %s_best| <= %s * max(1, |%s_best|) for the rest of the run, %s_best = %s (the lowest"
                + " final %s); to the nearest observation.", name, name, Plots.fmtTolerance(tolerance),
                name, name, Double.isFinite(best) ? Comparison.num(best) : "undefined",
                q == Comparison.Measure.ENERGY ? "energy" : "free energy");
        String samplers = (anyDeterministic ? " " : "")
                + "Samplers (noise) fluctuate about their stationary law and never settle, so 'steps to tol'"
                + " is 'n/a' for them: compare them by final F (for independent particles an estimate, F = mean E"
                + " - T H with H of a Gaussian fit) and by the distance to the target.";
        return String.format(Locale.ROOT, "%d compositions, seed %d. ", entries.size(), seed)
                + (anyDeterministic ? steps : "") + (anyStochastic ? samplers : "");
    }

    /**
     * One colour per composition, the same in every overlay and on its own page: its method's palette colour (the
     * part the composition swaps in, else its preset), another one when two compositions would share it.
     */
    static Map<String, java.awt.Color> colours(List<Composition> compositions, List<AssembledFlow> assembled) {
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        for (int i = 0; i < compositions.size(); i++) {
            keys.put(compositions.get(i).label(), colourKey(compositions.get(i).label(), assembled.get(i)));
        }
        return org.varflow.cli.plot.Colours.distinct(keys);
    }

    /** The palette key of a composition: the id of the first part it swaps in (KIND=ID), else its run's method. */
    static String colourKey(String label, AssembledFlow assembled) {
        for (String item : label.split("\\s+")) {
            int eq = item.indexOf('=');
            if ((eq > 0 && item.indexOf('.') < 0) || (eq > 0 && item.indexOf('.') > eq)) {
                String kind = item.substring(0, eq).toLowerCase(Locale.ROOT);
                if (List.of("space", "metric", "energy", "entropy", "noise", "scheme").contains(kind)) {
                    return item.substring(eq + 1);
                }
            }
        }
        return RunPlots.methodOf(assembled);
    }

    /** {@code base}, or base-2, base-3, ... : the first that does not exist yet. */
    static Path freshDirectory(String base) {
        Path p = Path.of(base);
        for (int k = 2; Files.exists(p); k++) {
            p = Path.of(base + "-" + k);
        }
        return p;
    }

    /**
     * The overlay plots: the measure against time (or step) for every composition; paths over level sets in 2-D. Each
     * composition has its colour; curves that coincide stay visible because each is drawn thinner than the one
     * before it, so a curve lying on another shows as a line inside a wider band.
     */
    private static List<RunPlots.Named> overlays(List<Comparison.Entry> entries, List<Varflow.Outcome> outcomes,
                                                 Comparison.Measure q, PlotSize size,
                                                 Map<String, java.awt.Color> colours, boolean bySteps) {
        List<RunPlots.Named> charts = new ArrayList<>();
        String column = q == Comparison.Measure.ENERGY ? "energy" : "free_energy";
        String name = q == Comparison.Measure.ENERGY ? "E" : "F";
        List<Plots.Series> series = new ArrayList<>();
        boolean decays = false;
        boolean deterministic = entries.stream().allMatch(Comparison.Entry::deterministic);
        double ref = Double.POSITIVE_INFINITY;
        for (Comparison.Entry e : entries) {
            if (e.trajectory() == null) {
                continue;
            }
            double[] v = e.trajectory().column(column);
            series.add(new Plots.Series(e.label(), bySteps ? e.trajectory().step() : e.trajectory().time(), v,
                    colours.get(e.label()), Plots.Line.SOLID));
            decays |= deterministic && Plots.decays(v);
            for (double x : v) {
                if (Double.isFinite(x)) {
                    ref = Math.min(ref, x);
                }
            }
        }
        double limit = ref;
        if (decays) {
            // the limit all of them approach, extrapolated from the best one's tail: no dip at the end of its curve
            for (Plots.Series s : series) {
                if (Plots.min(s.y()) == ref) {
                    limit = Math.min(ref, RunPlots.Limit.of(s.y()).value());
                }
            }
        }
        // steps counted on very different scales (4 against 1362) are told apart on a log axis of steps
        double most = 1;
        double fewest = Double.POSITIVE_INFINITY;
        for (Plots.Series s : series) {
            double last = s.x()[s.x().length - 1];
            most = Math.max(most, last);
            fewest = Math.min(fewest, Math.max(1, last));
        }
        boolean logSteps = bySteps && most / fewest >= 100;
        if (logSteps) {
            List<Plots.Series> positive = new ArrayList<>();
            for (Plots.Series s : series) {
                double[] xs = s.x().clone();
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = xs[i] > 0 ? xs[i] : Double.NaN;
                }
                positive.add(new Plots.Series(s.name(), xs, s.y(), s.colour(), s.line()));
            }
            series = positive;
        }
        String x = bySteps ? "step" : "time";
        var chart = Plots.over((decays ? name + " - " + name + "* against " + x : name + " against " + x),
                logSteps ? "step (log scale)" : x, decays ? name + " - " + name + "*, " + name + "* = "
                        + Comparison.num(limit)
                        + " (the limit of the lowest; log scale)" : name, series, decays, limit, size);
        if (chart != null) {
            chart.getStyler().setXAxisLogarithmic(logSteps);
            nest(chart);
            charts.add(new RunPlots.Named(q == Comparison.Measure.ENERGY ? "energy" : "free-energy",
                    "All compositions against " + x, chart));
        }
        List<Plots.Series> distances = new ArrayList<>();
        for (Comparison.Entry e : entries) {
            if (e.summary() != null) {
                ObserverReports.series(e.summary()).stream().findFirst().ifPresent(d -> distances.add(
                        new Plots.Series(e.label() + ": " + d.name(), d.x(), d.y(), colours.get(e.label()),
                                Plots.Line.SOLID)));
            }
        }
        var distance = distances.isEmpty() ? null : Plots.decay("distance to the target against time", "distance",
                distances, size);
        if (distance != null) {
            nest(distance);
            charts.add(new RunPlots.Named("distance", "Each composition's distance to its target, as its first"
                    + " distance observer reports it", distance));
        }
        Varflow.Outcome first = null;
        List<Plots.Path2> paths = new ArrayList<>();
        boolean sameEnergy = true;
        for (int i = 0; i < entries.size(); i++) {
            Varflow.Outcome o = outcomes.get(i);
            Trajectory t = entries.get(i).trajectory();
            if (o == null || t == null || o.result().dimension() != 2 || t.stateColumns().size() < 2) {
                return charts;
            }
            if (first == null) {
                first = o;
            } else {
                sameEnergy &= Objects.equals(partOf(first, "energy"), partOf(o, "energy"))
                        && Objects.equals(partOf(first, "space"), partOf(o, "space"));
            }
            paths.add(new Plots.Path2(entries.get(i).label(), t.column(t.stateColumns().get(0)),
                    t.column(t.stateColumns().get(1)), colours.get(entries.get(i).label())));
        }
        if (first != null) {
            var flow = first.assembled().flow();
            boolean phase = RunPlots.isPhaseSpace(flow.space(), 2);
            var energy = flow.energy();
            var landscape = Plots.landscape((phase ? "phase portraits" : "paths") + (sameEnergy
                    ? " over the level sets of " + (phase ? "H" : "E") : ""), flow.space().coordinateName(0),
                    flow.space().coordinateName(1), sameEnergy ? energy::value : null, paths, List.of(), size);
            if (landscape != null) {
                nest(landscape);
                charts.add(new RunPlots.Named(phase ? "phase" : "trajectory", "All compositions' "
                        + (phase ? "phase portraits" : "paths") + (sameEnergy ? " over the level sets of the energy"
                        : " (their energies differ: no level sets)"), landscape));
            }
        }
        return charts;
    }

    /** Draws each composition's line thinner than the one before it (widths 6, 4.2, 2.6, 1.4, ...). */
    private static void nest(org.knowm.xchart.XYChart chart) {
        float width = 6f;
        for (var s : chart.getSeriesCollection()) {
            if (!s.isShowInLegend() || s.getXYSeriesRenderStyle().orElse(null)
                    == org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter || s.getName().startsWith("level")) {
                continue;
            }
            s.setLineStyle(new java.awt.BasicStroke(width, java.awt.BasicStroke.CAP_ROUND,
                    java.awt.BasicStroke.JOIN_ROUND));
            s.setLineWidth(width);
            width = Math.max(1.2f, width * 0.68f);
        }
    }

    private static Object partOf(Varflow.Outcome o, String kind) {
        return o.summary().toMap().get("parts") instanceof Map<?, ?> parts ? parts.get(kind) : null;
    }
}
