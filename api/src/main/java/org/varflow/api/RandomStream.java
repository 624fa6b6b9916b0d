package org.varflow.api;

/**
 * A stream of random numbers owned by one particle block of one run. Implementations are not thread-safe; each
 * block gets its own, seeded from the run's seed and the block's index, so results do not depend on the number
 * of threads.
 */
public interface RandomStream {

    /** A standard normal deviate N(0, 1). */
    double nextGaussian();

    /** A uniform deviate in [0, 1). */
    double nextDouble();

    /** Fills {@code out} with independent standard normal deviates. */
    default void nextGaussians(double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = nextGaussian();
        }
    }
}
