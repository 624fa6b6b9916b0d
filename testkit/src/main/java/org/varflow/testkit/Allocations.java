package org.varflow.testkit;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * The allocation probe behind every "allocates nothing" claim: the bytes the current thread allocates in one run of
 * some work, read from HotSpot's per-thread counter after the JIT has compiled the work.
 */
public final class Allocations {
    private Allocations() {
    }

    /**
     * Bytes the current thread allocates in one run of {@code work} after 20 warm-up runs (so the JIT has compiled
     * it and escape analysis applies): the least of three measured runs, since a deoptimisation or a thread-local
     * table rehash can allocate once in any run while an allocation in the code itself repeats in every run. -1 where
     * the JVM cannot count allocations.
     */
    public static long allocatedBy(Runnable work) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean hs) || !hs.isThreadAllocatedMemorySupported()
                || !hs.isThreadAllocatedMemoryEnabled()) {
            return -1;
        }
        for (int r = 0; r < 20; r++) {
            work.run();
        }
        @SuppressWarnings("deprecation") // Thread.getId: threadId() is Java 19+
        long id = Thread.currentThread().getId();
        long least = Long.MAX_VALUE;
        for (int r = 0; r < 3; r++) {
            long before = hs.getThreadAllocatedBytes(id);
            work.run();
            least = Math.min(least, hs.getThreadAllocatedBytes(id) - before);
        }
        return least;
    }

    /** {@link #allocatedBy} for a JUnit test: the test is skipped (not passed) where the JVM cannot count. */
    public static long bytesAllocatedBy(Runnable work) {
        long bytes = allocatedBy(work);
        Assumptions.assumeTrue(bytes >= 0, "this JVM has no per-thread allocation counter");
        return bytes;
    }
}
