package org.varflow.api.parallel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.varflow.api.Workers;

/**
 * {@link Workers} on {@code threads - 1} helper threads plus the calling thread, which works too.
 *
 * <p>A call first moves the shared ticket (generation, next chunk) to an odd generation, writes its job, then
 * publishes it under the next, even, generation and wakes the helpers; every participant claims chunks one at a time
 * from the ticket by compare-and-set, so a helper that is late from an earlier job can never claim a chunk of the
 * next one, nor read a half-written job. The caller returns when all chunks have finished. Idle helpers spin
 * for {@value #SPIN_NANOS} ns before parking, so the jobs of consecutive steps (tens of microseconds apart) do not
 * pay a wake-up each; a parked helper costs nothing.
 *
 * <p>Nothing is allocated per call: the one job's fields are reused, published by the volatile ticket. A call made
 * while another is running (from a chunk, or from another thread) runs sequentially on its own thread.
 *
 * <p>Close the pool when the run ends ({@link #close()}); its threads are daemons, so a pool left open does not keep
 * the JVM alive.
 */
public final class WorkerPool implements Workers, AutoCloseable {
    /** How long an idle helper (or a waiting caller) spins before it parks. */
    static final long SPIN_NANOS = 50_000;

    private final int threads;
    private final Thread[] helpers;
    private final AtomicBoolean busy = new AtomicBoolean();
    /** (generation << 32) | next unclaimed chunk; an even generation is a published job (0: none yet). */
    private final AtomicLong ticket = new AtomicLong();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile boolean closed;
    private volatile Thread waiter;

    // the current job, written by the caller before the ticket publishes it
    private Chunk body;
    private int from;
    private int to;
    private int chunks;
    private Throwable failure;
    private int failedChunk;

    /**
     * A pool for {@code threads} threads in all (the caller and {@code threads - 1} helpers).
     *
     * @param threads at least 1; 1 gives a pool that runs everything on the caller's thread
     */
    public WorkerPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + ": expected at least 1");
        }
        this.threads = threads;
        this.helpers = new Thread[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            Thread t = new Thread(this::helperLoop, "varflow-worker-" + (i + 1));
            t.setDaemon(true);
            helpers[i] = t;
            t.start();
        }
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public void forEach(int from, int to, int chunks, Chunk body) {
        if (chunks < 1) {
            throw new IllegalArgumentException("chunks = " + chunks + ": expected at least 1");
        }
        if (helpers.length == 0 || chunks == 1 || closed || !busy.compareAndSet(false, true)) {
            Workers.sequential().forEach(from, to, chunks, body);
            return;
        }
        try {
            long generation = ((ticket.get() >>> 32) + 2) & 0xFFFF_FFFFL; // wraps after 2^31 calls: still correct
            ticket.set((generation - 1) << 32); // odd: a job is being written, no claim succeeds
            this.body = body;
            this.from = from;
            this.to = to;
            this.chunks = chunks;
            this.failure = null;
            this.failedChunk = Integer.MAX_VALUE;
            this.waiter = Thread.currentThread();
            finished.set(0);
            ticket.set(generation << 32); // even: publishes the fields above
            for (Thread h : helpers) {
                LockSupport.unpark(h);
            }
            work(generation);
            awaitAll(chunks);
            Throwable thrown = failure;
            this.body = null;
            if (thrown instanceof RuntimeException e) {
                throw e;
            }
            if (thrown instanceof Error e) {
                throw e;
            }
        } finally {
            busy.set(false);
        }
    }

    /** Claims and runs chunks of job {@code generation} until none is left. */
    private void work(long generation) {
        while (true) {
            long s = ticket.get();
            if ((s >>> 32) != generation) {
                return;
            }
            int c = (int) s;
            if (c >= chunks) {
                return;
            }
            if (!ticket.compareAndSet(s, s + 1)) {
                continue;
            }
            try {
                body.run(c, Workers.chunkStart(from, to, chunks, c), Workers.chunkStart(from, to, chunks, c + 1));
            } catch (Throwable t) {
                recordFailure(c, t);
            }
            if (finished.incrementAndGet() == chunks) {
                LockSupport.unpark(waiter);
            }
        }
    }

    private synchronized void recordFailure(int chunk, Throwable t) {
        if (chunk < failedChunk) {
            failedChunk = chunk;
            failure = t;
        }
    }

    private void awaitAll(int count) {
        long start = System.nanoTime();
        int spins = 0;
        while (finished.get() < count) {
            if (++spins < 64 || System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 200_000);
            }
        }
    }

    private void helperLoop() {
        long seen = 0;
        while (!closed) {
            long generation = ticket.get() >>> 32;
            if ((generation & 1) == 0 && generation != seen) {
                seen = generation;
                work(generation);
                continue;
            }
            long start = System.nanoTime();
            int spins = 0;
            while (!closed && (ticket.get() >>> 32) == generation) {
                if (++spins < 64 || System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }
    }

    /** Stops the helper threads; later calls run sequentially. */
    @Override
    public void close() {
        closed = true;
        for (Thread h : helpers) {
            LockSupport.unpark(h);
        }
    }
}
