package org.varflow.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.varflow.api.FlowSpec;
import org.varflow.api.Preset;
import org.varflow.cli.plot.PlotFiles;
import org.varflow.cli.plot.PlotSize;
import org.varflow.cli.plot.Trajectory;
import org.varflow.Frame;
import org.varflow.Varflow;
import org.varflow.core.output.OutputSet;
import org.varflow.core.run.RunControl;

/**
 * What a running demo uses: the varflow instance, the output directory, and the figures and files it reports.
 * Runs are written to {@code DIR/LABEL/trajectory.csv}; plots to {@code DIR/NAME.png} and {@code .svg}. Every file
 * goes into the command's {@link OutputSet} (plots staged, runs adopted), so that they appear when the command
 * commits the set, or not at all.
 */
public final class DemoContext {
    private final Varflow varflow;
    private final RunControl control;
    private final Path dir;
    private final PlotSize size;
    private final PrintWriter out;
    private final OutputSet outputs;
    private final List<Figure> figures = new ArrayList<>();
    private final List<Path> written = new ArrayList<>();
    private final java.util.Map<String, XYChart> charts = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, Run> runs = new java.util.LinkedHashMap<>();

    /**
     * A context writing into {@code dir}: its files are staged in (or adopted by) {@code outputs}, which the caller
     * commits when the demo, or every demo of the command, has run.
     */
    public DemoContext(Varflow varflow, RunControl control, Path dir, PlotSize size, PrintWriter out,
                       OutputSet outputs) {
        this.varflow = varflow;
        this.control = control;
        this.dir = dir;
        this.size = size;
        this.out = out;
        this.outputs = outputs;
    }

    public Varflow varflow() {
        return varflow;
    }

    public PlotSize size() {
        return size;
    }

    /** The registered preset's spec, e.g. to change its time or a parameter before running it. */
    public FlowSpec preset(String id) {
        Preset p = varflow.registry().preset(id);
        return p.spec();
    }

    /** A finished run, its observations and the states it was observed in (when asked for). */
    public record Run(Varflow.Outcome outcome, Trajectory trajectory, List<Frame> frames) {
        public Run(Varflow.Outcome outcome, Trajectory trajectory) {
            this(outcome, trajectory, List.of());
        }

        /** The final states, particle-major. */
        public double[] states() {
            return outcome.result().states();
        }
    }

    /** Runs {@code spec}, keeping its CSV under {@code DIR/label/}. */
    public Run run(String label, FlowSpec spec) {
        return run(label, spec, false);
    }

    /** As {@link #run(String, FlowSpec)}, also keeping every observed state (at most 10 000 particles of each). */
    public Run runWithFrames(String label, FlowSpec spec) {
        return run(label, spec, true);
    }

    private Run run(String label, FlowSpec spec, boolean frames) {
        Path csv = dir.resolve(label).resolve("trajectory.csv");
        List<Frame> kept = new ArrayList<>();
        outputs.directory(csv.getParent());
        Varflow.Outcome o = varflow.run(varflow.assemble(spec), control, csv, null, 0,
                frames ? List.of(kept::add) : List.of(), 10_000);
        outputs.adopt(csv);
        if (Files.isRegularFile(csv)) {
            written.add(csv);
        }
        if (o.result().stopped()) {
            throw new DemoInterrupted();
        }
        Run run = new Run(o, Files.isRegularFile(csv) ? Trajectory.read(csv) : null, List.copyOf(kept));
        runs.put(label, run);
        return run;
    }

    /** Stages an animated GIF {@code DIR/NAME.gif} (nothing when null). */
    public void animation(byte[] gif, String name) {
        Path p = PlotFiles.stageAnimation(gif, dir, name, outputs);
        if (p != null) {
            written.add(p);
        }
    }

    /** Records one figure and prints it. */
    public void figure(String quantity, double value, String expected, boolean ok) {
        figure(quantity, fmt(value), expected, ok);
    }

    /** Records one figure (value already in words) and prints it. */
    public void figure(String quantity, String value, String expected, boolean ok) {
        Figure f = new Figure(quantity, value, expected, ok);
        figures.add(f);
        out.printf(Locale.ROOT, "  %-4s %-44s %-14s %s%n", ok ? "ok" : "FAIL", quantity, value, expected);
        out.flush();
    }

    /** A line of text between figures. */
    public void note(String text) {
        out.println("  " + text);
        out.flush();
    }

    /**
     * Stages a chart as PNG and SVG, and the data it draws as {@code NAME.json} ({@link FigureData}: axes, series,
     * colours; to re-plot elsewhere, and what the tests read back). Nothing when the chart is null (no data).
     */
    public void plot(XYChart chart, String name) {
        if (chart != null) {
            charts.put(name, chart);
            written.addAll(PlotFiles.stage(chart, dir, name, outputs));
        }
    }

    /** The runs so far, by label. */
    public java.util.Map<String, Run> runs() {
        return java.util.Collections.unmodifiableMap(runs);
    }

    /** The charts staged so far, by name. */
    public java.util.Map<String, XYChart> charts() {
        return java.util.Collections.unmodifiableMap(charts);
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** The files of this demo (in place once the command's set of outputs is committed). */
    public List<Path> written() {
        return List.copyOf(written);
    }

    /** Four significant digits, or scientific for very small and large numbers. */
    public static String fmt(double v) {
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3e", v)
                : String.format(Locale.ROOT, "%.4g", v);
    }

    /** Thrown when Ctrl-C stops a run of the demo: the figures so far stand, the rest is skipped. */
    public static final class DemoInterrupted extends RuntimeException {
        DemoInterrupted() {
            super("interrupted", null, false, false);
        }
    }
}
