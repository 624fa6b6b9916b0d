package org.varflow.api.formula;

/**
 * A compiled program's entry point: evaluates at x, writes the outputs that have places in {@code out} and returns
 * the one that has none (or 0). Implemented by {@link Program}'s interpreter and by the classes {@link Bytecode}
 * generates.
 */
public interface Kernel {
    /**
     * Evaluates the program.
     *
     * @param x   the variables
     * @param out where the outputs with places go (may be null when there are none)
     * @return the returned output, or 0
     */
    double run(double[] x, double[] out);
}
