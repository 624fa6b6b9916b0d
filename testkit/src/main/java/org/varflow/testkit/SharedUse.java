package org.varflow.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * One shared instance called from several threads at once, as the runner does (particles are stepped in parallel
 * blocks against the same part): every result must be bitwise the one the instance gives alone. A part that keeps
 * scratch arrays in fields fails here; per-thread scratch ({@code ThreadLocal}) or scratch passed in passes.
 */
final class SharedUse {
    /** Fills {@code out} with everything the part computes at point k (inputs copied per thread, never shared). */
    interface Call {
        void apply(int k, double[] out);
    }

    static final int THREADS = 4;

    private SharedUse() {
    }

    /**
     * Runs {@code call} at each of {@code points} points alone, then from 4 threads that start together and keep
     * calling for {@code budgetNanos} (at least 20 rounds each), and compares bitwise.
     *
     * @param label names entry i of the output, e.g. {@code "raise component 2"}
     * @param at    names point k, e.g. {@code "x = [1.0, 2.0]"}
     */
    static CheckResult check(String name, int points, int width, Call call, IntFunction<String> label,
                             IntFunction<String> at, long budgetNanos) {
        double[][] alone = new double[points][width];
        for (int k = 0; k < points; k++) {
            call.apply(k, alone[k]);
        }
        AtomicReference<String> mismatch = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicLong total = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < THREADS; w++) {
            int offset = w;
            Thread t = new Thread(() -> {
                double[] out = new double[width];
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long start = System.nanoTime();
                for (int r = 0; (r < 20 || System.nanoTime() - start < budgetNanos) && r < 1_000_000
                        && mismatch.get() == null; r++) {
                    total.incrementAndGet();
                    int k = (r + offset) % points;
                    call.apply(k, out);
                    for (int i = 0; i < width; i++) {
                        if (Double.doubleToLongBits(out[i]) != Double.doubleToLongBits(alone[k][i])) {
                            mismatch.compareAndSet(null, at.apply(k) + ": " + label.apply(i) + " " + alone[k][i]
                                    + " alone, " + out[i] + " with " + THREADS + " threads");
                            break;
                        }
                    }
                }
            }, "shared-use-check-" + w);
            t.setUncaughtExceptionHandler((th, e) -> thrown.compareAndSet(null, e));
            workers.add(t);
        }
        workers.forEach(Thread::start);
        go.countDown();
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CheckResult.skip(name, "interrupted");
            }
        }
        if (thrown.get() != null) {
            return new CheckResult(name, CheckResult.Status.FAIL, "threw " + thrown.get() + " with " + THREADS
                    + " threads", "no exception");
        }
        boolean ok = mismatch.get() == null;
        return CheckResult.of(name, ok, ok ? THREADS + " threads, " + total.get() + " calls: identical"
                : "results differ between threads", "bitwise equal to the sequential results", mismatch.get());
    }
}
