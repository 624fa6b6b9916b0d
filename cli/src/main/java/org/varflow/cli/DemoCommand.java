package org.varflow.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.varflow.cli.demo.Demo;
import org.varflow.cli.demo.DemoContext;
import org.varflow.cli.demo.Demos;
import org.varflow.cli.demo.Figure;
import org.varflow.cli.plot.PlotSize;
import org.varflow.Varflow;
import org.varflow.core.output.OutputSet;
import org.varflow.core.run.RunControl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code varflow demo [NAME|all]}: the seeds' demonstrations in one command each. Each prints its figures beside the
 * closed form or the published number, with a verdict, and writes its plots (PNG and SVG) and runs to a directory:
 * all files of the command together at the end ({@link OutputSet}), or none if it ends in an error.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a demonstration from the seed documents: figures with their closed forms, and plots.",
            "Without NAME: list the demonstrations."},
        footer = {"", "Examples:", "  varflow demo", "  varflow demo heat", "  varflow demo hamiltonian-vs-gradient"
                + " --out figures/", "  varflow demo all --out demos/",
            "", "Exit codes: 0 every figure agrees with its prediction, 4 a figure does not (the files are written",
            "in both cases), 2 bad input or outputs that cannot be written; after an error none of the files is",
            "left."})
final class DemoCommand implements Callable<Integer> {
    private final Varflow varflow;
    private final PrintWriter out;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "a demonstration (see 'varflow demo'), or all")
    String name;

    @Option(names = "--out", paramLabel = "DIR", description = "where runs and plots go (default: ./demo-NAME; with"
            + " all, one subdirectory per demo)")
    Path outDir;

    @Option(names = "--plot-size", paramLabel = "WxH", description = "chart size in pixels (default: 800x560)")
    String plotSize;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads") Integer threads;

    @Inject
    DemoCommand(Varflow varflow, @Stdout PrintWriter out) {
        this.varflow = varflow;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (name == null) {
            out.println("demonstrations (run one with: varflow demo NAME)");
            for (Demo d : Demos.all()) {
                out.printf(Locale.ROOT, "  %-24s %s%n", d.name(), d.title());
            }
            out.flush();
            return 0;
        }
        List<Demo> demos = name.equals("all") ? Demos.all() : List.of(Demos.named(name));
        PlotSize size = plotSize == null ? PlotSize.DEFAULT : PlotSize.parse(plotSize);
        Path base = outDir != null ? outDir : Path.of(name.equals("all") ? "demos" : "demo-" + name);
        RunCommand.checkWritable(base, null);
        RunCommand.checkNotARunsDirectory(base, "varflow demo");
        RunControl control = threads == null ? RunControl.defaults() : new RunControl(threads);
        return Interruptible.run(control, () -> {
            // every file appears at the end, together, or none does: a demo that throws part-way, a plot that cannot
            // be written or a full disk leaves none of the command's files (and no verdict)
            try (OutputSet outputs = new OutputSet()) {
                return run(demos, base, size, control, outputs);
            }
        });
    }

    /**
     * Runs the demos, their files staged in {@code outputs}; commits them (also when a figure disagrees, or Ctrl-C
     * stopped a run: what was computed is written) and then names them and prints the verdict.
     */
    private int run(List<Demo> demos, Path base, PlotSize size, RunControl control, OutputSet outputs) {
        int failed = 0;
        int total = 0;
        List<String> wrote = new ArrayList<>();
        for (Demo d : demos) {
            Path dir = demos.size() == 1 ? base : base.resolve(d.name());
            out.println("demo " + d.name() + ": " + d.title());
            out.println(wrap(d.story(), 100, "  "));
            out.println();
            DemoContext context = new DemoContext(varflow, control, dir, size, out, outputs);
            boolean interrupted = false;
            try {
                d.run(context);
            } catch (DemoContext.DemoInterrupted e) {
                interrupted = true;
            }
            for (Figure f : context.figures()) {
                total++;
                failed += f.ok() ? 0 : 1;
            }
            List<String> files = new ArrayList<>();
            context.written().forEach(p -> files.add(p.toString()));
            if (!files.isEmpty()) {
                wrote.add("wrote " + String.join(", ", files));
            }
            out.println();
            if (interrupted) {
                out.println("  stopped: the figures above are what was computed before Ctrl-C");
                out.println();
                break;
            }
        }
        outputs.commit();
        wrote.forEach(out::println);
        out.println(failed == 0 ? "all " + total + " figures agree with their predictions"
                : "FAILED: " + failed + " of " + total + " figures disagree with their predictions");
        out.flush();
        return failed == 0 ? 0 : CheckCommand.CHECK_FAILED;
    }

    static String wrap(String text, int width, String indent) {
        StringBuilder b = new StringBuilder(indent);
        int col = indent.length();
        for (String w : text.split(" ")) {
            if (col + w.length() + 1 > width && col > indent.length()) {
                b.append('\n').append(indent);
                col = indent.length();
            } else if (col > indent.length()) {
                b.append(' ');
                col++;
            }
            b.append(w);
            col += w.length();
        }
        return b.toString();
    }
}
