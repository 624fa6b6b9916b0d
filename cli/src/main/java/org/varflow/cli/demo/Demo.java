package org.varflow.cli.demo;

/**
 * One demonstration from the seed documents: it runs its flows, prints its figures beside what theory predicts
 * (each with a verdict) and writes its plots. {@code varflow demo NAME} runs one.
 *
 * <p>A demo is a script over presets and the public Java entry points of the model plugins, not a part: it adds no
 * algorithm of its own, only the comparison with the closed form.
 */
public interface Demo {
    /** The name on the command line, e.g. {@code "heat"}. */
    String name();

    /** One line: what is shown. */
    String title();

    /** What to look at, in a few sentences (printed before the figures). */
    String story();

    /** Runs the flows, reporting figures and plots to {@code context}. */
    void run(DemoContext context);
}
