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
import org.varflow.core.output.AtomicFile;
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

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: ./compare-NAME)")
    Path outDir;

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
        List<Composition> compositions = compositions();
        List<AssembledFlow> assembled = new ArrayList<>();
        for (Composition c : compositions) {
            try {
                assembled.add(varflow.assemble(c.spec()));
            } catch (ConfigurationException e) {
                throw new ConfigurationException("composition '" + c.label() + "': " + e.getMessage());
            }
        }
        Path dir = outDir != null ? outDir : Path.of("compare-" + slug(baseName()));
        RunCommand.checkWritable(dir, null);
        if (reportDir != null) {
            RunCommand.checkWritable(reportDir, null);
        }
        RunControl control = execution.control();
        return Interruptible.run(control, () -> {
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
                    entries.add(new Comparison.Entry(c.label(), null, null, e.getMessage()));
                    outcomes.add(null);
                    slugs.add(slug);
                    continue;
                } finally {
                    bar.close();
                }
                AtomicFile.write(dir.resolve(slug).resolve(RunCommand.SUMMARY), outcome.summary().toJson());
                entries.add(new Comparison.Entry(c.label(), outcome.summary().toMap(), Files.isRegularFile(csv)
                        ? Trajectory.read(csv) : null, null));
                outcomes.add(outcome);
                slugs.add(slug);
                if (outcome.result().stopped()) {
                    break;
                }
            }
            List<List<String>> rows = Comparison.rows(entries, q, tolerance);
            double best = Comparison.best(entries, q);
            String intro = intro(entries.size(), compositions.get(0).spec().seed(), q, best);
            AtomicFile.write(dir.resolve("compare.csv"), Comparison.csv(Comparison.HEADER, rows));
            List<RunPlots.Named> overlays = overlays(entries, outcomes, q, size);
            List<String> written = new ArrayList<>();
            written.add(dir.resolve("compare.csv").toString());
            for (RunPlots.Named o : overlays) {
                for (Path p : PlotFiles.write(o.chart(), dir, o.name())) {
                    written.add(p.toString());
                }
            }
            out.println(intro);
            out.println();
            out.print(Comparison.text(Comparison.HEADER, rows));
            out.println();
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
                            RunPlots.charts(RunPlots.RunData.of(label, o, csv), size));
                    String file = slugs.get(i) + ".html";
                    AtomicFile.write(reportDir.resolve(file), RunReport.html(page));
                    pages.add(page);
                    pageFiles.add(file);
                    written.add(reportDir.resolve(file).toString());
                }
                shownRows.addAll(rows);
                Path page = reportDir.resolve("compare.html");
                AtomicFile.write(page, CompareReport.html("compare: " + baseName(), intro, Comparison.HEADER,
                        shownRows, overlays, pages, pageFiles));
                written.add(page.toString());
            }
            out.println("wrote " + String.join(", ", written));
            out.flush();
            return 0;
        });
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
            List<List<String>> combos = new ArrayList<>(List.of(List.of()));
            for (String v : vary) {
                List<List<String>> next = new ArrayList<>();
                for (List<String> combo : combos) {
                    for (String item : Settings.varied(v)) {
                        List<String> c = new ArrayList<>(combo);
                        c.add(item);
                        next.add(c);
                    }
                }
                combos = next;
            }
            for (List<String> combo : combos) {
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

    private String intro(int n, long seed, Comparison.Measure q, double best) {
        String name = q == Comparison.Measure.ENERGY ? "E" : "F";
        return String.format(Locale.ROOT, "%d compositions, seed %d. 'steps to tol': the first observed step from"
                + " which |%s - %s_best| <= %s * max(1, |%s_best|) for the rest of the run, %s_best = %s (the lowest"
                + " final %s); to the nearest observation.", n, seed, name, name, Plots.fmtTolerance(tolerance),
                name, name, Double.isFinite(best) ? Comparison.num(best) : "undefined",
                q == Comparison.Measure.ENERGY ? "energy" : "free energy");
    }

    /** The overlay plots: the measure against time for every composition; paths over level sets in 2-D. */
    private static List<RunPlots.Named> overlays(List<Comparison.Entry> entries, List<Varflow.Outcome> outcomes,
                                                 Comparison.Measure q, PlotSize size) {
        List<RunPlots.Named> charts = new ArrayList<>();
        String column = q == Comparison.Measure.ENERGY ? "energy" : "free_energy";
        String name = q == Comparison.Measure.ENERGY ? "E" : "F";
        List<Plots.Series> series = new ArrayList<>();
        boolean decays = false;
        double ref = Double.POSITIVE_INFINITY;
        for (Comparison.Entry e : entries) {
            if (e.trajectory() == null) {
                continue;
            }
            double[] v = e.trajectory().column(column);
            series.add(new Plots.Series(e.label(), e.trajectory().time(), v));
            decays |= Plots.decays(v);
            for (double x : v) {
                if (Double.isFinite(x)) {
                    ref = Math.min(ref, x);
                }
            }
        }
        var chart = Plots.overTime((decays ? name + " - " + name + "_min" : name) + " against time",
                decays ? "gap above the lowest value reached by any (log scale)" : name, series, decays, ref, size);
        if (chart != null) {
            Plots.legendBelow(chart);
            charts.add(new RunPlots.Named(q == Comparison.Measure.ENERGY ? "energy" : "free-energy",
                    "All compositions against time", chart));
        }
        List<Plots.Series> distances = new ArrayList<>();
        for (Comparison.Entry e : entries) {
            if (e.summary() != null) {
                ObserverReports.series(e.summary()).stream().findFirst().ifPresent(d -> distances.add(
                        new Plots.Series(e.label() + ": " + d.name(), d.x(), d.y())));
            }
        }
        var distance = distances.isEmpty() ? null : Plots.decay("distance to the target against time", "distance",
                distances, size);
        if (distance != null) {
            Plots.legendBelow(distance);
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
                    t.column(t.stateColumns().get(1))));
        }
        if (first != null) {
            var flow = first.assembled().flow();
            boolean phase = RunPlots.isPhaseSpace(flow.space(), 2);
            var energy = flow.energy();
            var landscape = Plots.landscape((phase ? "phase portraits" : "paths") + (sameEnergy
                    ? " over the level sets of " + (phase ? "H" : "E") : ""), flow.space().coordinateName(0),
                    flow.space().coordinateName(1), sameEnergy ? energy::value : null, paths, List.of(), size);
            if (landscape != null) {
                charts.add(new RunPlots.Named(phase ? "phase" : "trajectory", "All compositions' "
                        + (phase ? "phase portraits" : "paths") + (sameEnergy ? " over the level sets of the energy"
                        : " (their energies differ: no level sets)"), landscape));
            }
        }
        return charts;
    }

    private static Object partOf(Varflow.Outcome o, String kind) {
        return o.summary().toMap().get("parts") instanceof Map<?, ?> parts ? parts.get(kind) : null;
    }
}
