package org.varflow.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.varflow.Varflow;
import org.varflow.cli.exercise.Exercise;
import org.varflow.cli.exercise.Exercises;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code varflow exercise [NAME] [--answer X]}: exercises with checked answers. Without a name, the list; with one,
 * the task; with an answer, whether it is right (within the stated tolerance of the closed form) and why, and a run
 * of the flow that shows it.
 */
@Command(name = "exercise", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Exercises with checked answers, built on the demos' closed forms.",
            "Without NAME: the list. With NAME: the task. With --answer X: right or wrong, and why."},
        footer = {"", "Examples:", "  varflow exercise", "  varflow exercise stability",
            "  varflow exercise stability --answer 0.5", "  varflow exercise jko-step --answer 4/3",
            "", "Exit codes: 0 right (or no answer given), 4 wrong, 2 bad input."})
final class ExerciseCommand implements Callable<Integer> {
    private final Varflow varflow;
    private final PrintWriter out;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "an exercise (see 'varflow exercise')")
    String name;

    @Option(names = "--answer", paramLabel = "X", description = "your answer: a number (0.5) or a fraction (1/2)")
    String answer;

    @Option(names = "--solution", description = "print the answer and why, without checking one")
    boolean solution;

    @Inject
    ExerciseCommand(Varflow varflow, @Stdout PrintWriter out) {
        this.varflow = varflow;
        this.out = out;
    }

    @Override
    public Integer call() {
        if (name == null) {
            out.println("exercises (the task: varflow exercise NAME; check: varflow exercise NAME --answer X)");
            for (Exercise e : Exercises.all()) {
                out.printf(Locale.ROOT, "  %-24s %s%n", e.name(), e.title());
            }
            out.flush();
            return 0;
        }
        Exercise e = Exercises.named(name);
        if (answer == null && !solution) {
            out.println("exercise " + e.name() + ": " + e.title());
            out.println(DemoCommand.wrap(e.task(), 100, "  "));
            out.println();
            out.println("  answer with: varflow exercise " + e.name() + " --answer X");
            out.flush();
            return 0;
        }
        if (solution) {
            out.println("answer: " + fmt(e.answer()));
            explain(e);
            return 0;
        }
        double x = Exercises.parse(answer);
        boolean right = Math.abs(x - e.answer()) <= e.tolerance();
        if (right) {
            out.println("right: " + answer + (x == e.answer() ? "" : " (exactly " + fmt(e.answer()) + ")"));
            explain(e);
            return 0;
        }
        out.println("not right: " + answer + " (within " + fmt(e.tolerance()) + " of the answer counts as right)");
        out.println(DemoCommand.wrap("hint: " + e.hint(x), 100, "  "));
        out.println("  try again, or see the answer: varflow exercise " + e.name() + " --solution");
        out.flush();
        return CheckCommand.CHECK_FAILED;
    }

    private void explain(Exercise e) {
        out.println(DemoCommand.wrap("why: " + e.why(), 100, "  "));
        out.println();
        out.println("  the flow shows it:");
        for (String line : e.demonstrate(varflow)) {
            out.println("    " + line);
        }
        out.println("  see for yourself: " + e.tryIt());
        out.flush();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("\\.?0+(e|$)", "$1");
    }
}
