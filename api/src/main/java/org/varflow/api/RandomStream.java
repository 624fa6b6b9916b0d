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

    /** Fills {@code out} with independent standard normal deviates, the ones {@link #nextGaussian()} would give. */
    default void nextGaussians(double[] out) {
        nextGaussians(out, 0, out.length);
    }

    /**
     * Writes {@code length} independent standard normal deviates into out[offset .. offset + length), the ones
     * {@link #nextGaussian()} called {@code length} times would give, in that order.
     */
    default void nextGaussians(double[] out, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            out[i] = nextGaussian();
        }
    }
}
