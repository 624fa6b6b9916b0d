package org.varflow.api.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.varflow.api.Workers;

class WorkerPoolTest {

    @ParameterizedTest
    @CsvSource({"0, 1000, 16", "5, 6, 16", "0, 0, 4", "3, 103, 7", "-50, 50, 1", "0, 17, 17"})
    void everyChunkRunsOnceOverTheFixedPartition(int from, int to, int chunks) {
        try (WorkerPool pool = new WorkerPool(3)) {
            AtomicIntegerArray calls = new AtomicIntegerArray(chunks);
            int[] starts = new int[chunks];
            int[] ends = new int[chunks];
            pool.forEach(from, to, chunks, (c, lo, hi) -> {
                calls.incrementAndGet(c);
                starts[c] = lo;
                ends[c] = hi;
            });
            for (int c = 0; c < chunks; c++) {
                assertThat(calls.get(c)).isEqualTo(1);
                assertThat(starts[c]).isEqualTo(Workers.chunkStart(from, to, chunks, c));
                assertThat(ends[c]).isEqualTo(Workers.chunkStart(from, to, chunks, c + 1));
            }
            assertThat(starts[0]).isEqualTo(from);
            assertThat(ends[chunks - 1]).isEqualTo(to);
            for (int c = 1; c < chunks; c++) {
                assertThat(starts[c]).isEqualTo(ends[c - 1]);
            }
        }
    }

    @Test
    void chunkOrderSumsAreBitwiseTheSameForOneAndSeveralThreads() {
        double[] x = new SplittableRandom(7).doubles(100_003, -1e6, 1e6).toArray();
        double sequential = sum(Workers.sequential(), x);
        try (WorkerPool two = new WorkerPool(2); WorkerPool four = new WorkerPool(4)) {
            for (int r = 0; r < 200; r++) {
                assertThat(Double.doubleToRawLongBits(sum(two, x))).isEqualTo(Double.doubleToRawLongBits(sequential));
                assertThat(Double.doubleToRawLongBits(sum(four, x))).isEqualTo(Double.doubleToRawLongBits(sequential));
            }
        }
        // and the chunk-order sum is not the plain left-to-right sum here, so the test can tell the two apart
        double plain = 0;
        for (double v : x) {
            plain += v;
        }
        assertThat(plain).isNotEqualTo(sequential);
    }

    private static double sum(Workers workers, double[] x) {
        double[] partials = new double[Workers.CHUNKS];
        workers.forEach(0, x.length, (c, lo, hi) -> {
            double s = 0;
            for (int i = lo; i < hi; i++) {
                s += x[i];
            }
            partials[c] = s;
        });
        return Workers.sumInOrder(partials, Workers.CHUNKS);
    }

    @Test
    void helpersTakePartWhenChunksAreSlow() {
        try (WorkerPool pool = new WorkerPool(2)) {
            ConcurrentHashMap<String, Boolean> names = new ConcurrentHashMap<>();
            for (int r = 0; r < 50 && names.size() < 2; r++) {
                pool.forEach(0, 8, 8, (c, lo, hi) -> {
                    names.put(Thread.currentThread().getName(), true);
                    long end = System.nanoTime() + 2_000_000;
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                });
            }
            assertThat(names).hasSize(2);
        }
    }

    @Test
    void manyShortJobsInARowLoseNoChunk() {
        try (WorkerPool pool = new WorkerPool(2)) {
            int total = 0;
            int[] counts = new int[16];
            for (int r = 0; r < 100_000; r++) {
                pool.forEach(0, 16, 16, (c, lo, hi) -> counts[c]++);
            }
            for (int c = 0; c < 16; c++) {
                total += counts[c];
                assertThat(counts[c]).isEqualTo(100_000);
            }
            assertThat(total).isEqualTo(1_600_000);
        }
    }

    @Test
    void theLowestFailingChunkIsRethrownAndThePoolStaysUsable() {
        try (WorkerPool pool = new WorkerPool(2)) {
            AtomicInteger ran = new AtomicInteger();
            assertThatThrownBy(() -> pool.forEach(0, 100, 10, (c, lo, hi) -> {
                ran.incrementAndGet();
                if (c == 3 || c == 7) {
                    throw new IllegalStateException("chunk " + c);
                }
            })).isInstanceOf(IllegalStateException.class).hasMessage("chunk 3");
            assertThat(ran.get()).isEqualTo(10);
            int[] hits = new int[4];
            pool.forEach(0, 4, 4, (c, lo, hi) -> hits[c]++);
            assertThat(hits).containsExactly(1, 1, 1, 1);
        }
    }

    @Test
    void aNestedCallRunsOnTheCallingThread() {
        try (WorkerPool pool = new WorkerPool(2)) {
            int[][] inner = new int[4][4];
            pool.forEach(0, 4, 4, (c, lo, hi) -> pool.forEach(0, 4, 4, (k, a, b) -> inner[c][k]++));
            for (int[] row : inner) {
                assertThat(row).containsExactly(1, 1, 1, 1);
            }
        }
    }

    @Test
    void afterCloseCallsRunSequentially() {
        WorkerPool pool = new WorkerPool(2);
        pool.close();
        String caller = Thread.currentThread().getName();
        pool.forEach(0, 10, 5, (c, lo, hi) -> assertThat(Thread.currentThread().getName()).isEqualTo(caller));
        assertThat(pool.threads()).isEqualTo(2);
    }

    @Test
    void chunkCountsBelowOneAreRefused() {
        try (WorkerPool pool = new WorkerPool(2)) {
            assertThatThrownBy(() -> pool.forEach(0, 10, 0, (c, lo, hi) -> { }))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Workers.sequential().forEach(0, 10, 0, (c, lo, hi) -> { }))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new WorkerPool(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
