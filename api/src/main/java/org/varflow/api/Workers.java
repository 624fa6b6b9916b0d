package org.varflow.api;

/**
 * The threads a part may use for one state's work, with a partition that does not depend on how many there are.
 *
 * <p>{@link #forEach(int, int, int, Chunk)} cuts the index range [from, to) into {@code chunks} pieces fixed by the
 * range and the chunk count alone,
 *
 * <pre>
 *   chunk c = [from + floor(c L / chunks), from + floor((c + 1) L / chunks)),   L = to - from,   c = 0 .. chunks - 1
 * </pre>
 *
 * and runs the body once per chunk, on as many threads as the workers have. Which thread runs which chunk, and in
 * what order, is not specified; so a body writes only its own chunk's outputs, and a sum over chunks is kept per
 * chunk ({@code partials[c]}) and combined afterwards in chunk order ({@link #sumInOrder}). Then the result is
 * bitwise the same for one thread and for many: that is the contract every user of this type keeps, and what makes
 * a run's numbers independent of its thread count.
 *
 * <p>The chunk count is the caller's choice and must not be derived from {@link #threads()}; a few times the
 * largest thread count expected balances the load ({@link #CHUNKS} by default).
 *
 * <p>The runner hands its workers to the parts of a run that implement {@link SplitsWork}; outside a run, parts use
 * {@link #sequential()}. A call made from inside a chunk (nested), or while another call is running, runs its chunks
 * on the calling thread, in order: same numbers, no deadlock.
 *
 * <p>Allocation-free use: keep the {@link Chunk} in a field (a lambda that captures per-call values allocates), and
 * pass per-call values through fields written before the call: they are visible to the chunks, and what the chunks
 * write is visible to the caller when the call returns.
 */
public interface Workers {
    /** Chunks a range is cut into by {@link #forEach(int, int, Chunk)}: fixed, whatever the thread count. */
    int CHUNKS = 16;

    /** Threads that may run chunks at the same time (1: every chunk on the calling thread). */
    int threads();

    /**
     * Runs {@code body} for each chunk of the fixed partition of [from, to) into {@code chunks} pieces (see the class
     * comment) and returns when all have finished. If a chunk throws, the exception of the lowest failing chunk is
     * rethrown after the others have finished or been skipped.
     *
     * @param chunks the number of pieces, at least 1; empty pieces (when the range is shorter) are still called
     */
    void forEach(int from, int to, int chunks, Chunk body);

    /** {@link #forEach(int, int, int, Chunk)} with {@link #CHUNKS} pieces. */
    default void forEach(int from, int to, Chunk body) {
        forEach(from, to, CHUNKS, body);
    }

    /** The first index of chunk {@code c} of [from, to) cut into {@code chunks} pieces ({@code c = chunks}: to). */
    static int chunkStart(int from, int to, int chunks, int c) {
        return from + (int) ((long) (to - from) * c / chunks);
    }

    /** partials[0] + partials[1] + ... + partials[count - 1], added left to right: the chunk-order reduction. */
    static double sumInOrder(double[] partials, int count) {
        double s = 0;
        for (int c = 0; c < count; c++) {
            s += partials[c];
        }
        return s;
    }

    /** Every chunk on the calling thread, in chunk order. */
    static Workers sequential() {
        return Sequential.INSTANCE;
    }

    /** The work of one chunk. */
    @FunctionalInterface
    interface Chunk {
        /**
         * Does the work of indices [from, to), chunk number {@code chunk}.
         *
         * @param chunk the chunk's number, 0 .. chunks - 1 (for per-chunk partial results)
         */
        void run(int chunk, int from, int to);
    }

    /** One thread: the chunks in order on the caller's thread. */
    enum Sequential implements Workers {
        INSTANCE;

        @Override
        public int threads() {
            return 1;
        }

        @Override
        public void forEach(int from, int to, int chunks, Chunk body) {
            if (chunks < 1) {
                throw new IllegalArgumentException("chunks = " + chunks + ": expected at least 1");
            }
            for (int c = 0; c < chunks; c++) {
                body.run(c, chunkStart(from, to, chunks, c), chunkStart(from, to, chunks, c + 1));
            }
        }
    }
}
