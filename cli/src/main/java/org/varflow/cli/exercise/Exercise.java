package org.varflow.cli.exercise;

import java.util.List;
import org.varflow.Varflow;

/**
 * An exercise: a task with one numerical answer, the closed form that decides it, and a run of the flow that shows
 * the answer happening. {@code varflow exercise NAME} prints the task; {@code --answer X} checks X.
 */
public interface Exercise {
    /** The name on the command line. */
    String name();

    /** One line: what it is about. */
    String title();

    /** The task, in a few sentences, ending with the question. */
    String task();

    /** The exact answer. */
    double answer();

    /** How close an answer must be: |X - answer| &lt;= tolerance. */
    double tolerance();

    /** Why the answer is what it is (printed once the answer is right, or asked for). */
    String why();

    /** A hint for a wrong answer X: what it is the answer to, if it is a common mistake, else a nudge. */
    String hint(double wrong);

    /** Runs the flow that shows the answer (small, seconds): lines to print. */
    List<String> demonstrate(Varflow varflow);

    /** The varflow command a student can run to see it for themselves. */
    String tryIt();
}
