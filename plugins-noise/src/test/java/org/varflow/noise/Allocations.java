package org.varflow.noise;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/** Measures the heap bytes the current thread allocates (HotSpot's com.sun.management extension). */
public final class Allocations {
    private Allocations() {
    }

    /** Bytes allocated by the second of two runs of {@code work} (the first warms up); skips where unsupported. */
    @SuppressWarnings("deprecation") // Thread.getId: threadId() is Java 19+
    public static long bytesAllocatedBy(Runnable work) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(hotspot.isThreadAllocatedMemorySupported() && hotspot.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting is off");
        long id = Thread.currentThread().getId();
        work.run();
        long before = hotspot.getThreadAllocatedBytes(id);
        work.run();
        return hotspot.getThreadAllocatedBytes(id) - before;
    }
}
