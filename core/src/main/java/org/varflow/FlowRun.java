package org.varflow;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.varflow.core.run.RunControl;

/**
 * A flow running on a thread of its own ({@link FlowBuilder#start()}): watch its frames, ask for its progress, stop
 * it early, wait for its summary.
 *
 * <pre>{@code
 * try (FlowRun run = varflow.preset("langevin").particles(10_000).start()) {
 *     for (Frame f : run.frames()) {          // blocks until the next frame; ends with the run
 *         draw(f);
 *         if (f.time() > 2) run.stop();        // what was computed is kept and summarised
 *     }
 *     RunSummary s = run.summary();
 * }
 * }</pre>
 *
 * <p>Frames wait in a buffer of {@value #BUFFER} for whoever iterates {@link #frames()}; a consumer that falls
 * behind loses the oldest ones ({@link #droppedFrames()} counts them), never the run's pace nor its results. For
 * every frame without loss, attach a {@link RunListener} to the builder instead.
 */
public final class FlowRun implements AutoCloseable {
    /** Frames kept for {@link #frames()}. */
    public static final int BUFFER = 256;

    private final RunControl control;
    private final long plannedSteps;
    private final CompletableFuture<Varflow.Outcome> outcome = new CompletableFuture<>();
    private final ArrayDeque<Frame> buffer = new ArrayDeque<>();
    private long dropped;
    private boolean ended;

    FlowRun(RunControl control, long plannedSteps) {
        this.control = control;
        this.plannedSteps = plannedSteps;
    }

    /** Called on the run's thread with each frame. */
    synchronized void offer(Frame frame) {
        if (buffer.size() == BUFFER) {
            buffer.pollFirst();
            dropped++;
        }
        buffer.addLast(frame);
        notifyAll();
    }

    /** Called on the run's thread when it ends, with its outcome or its failure. */
    void complete(Varflow.Outcome result, Throwable failure) {
        synchronized (this) {
            ended = true;
            notifyAll();
        }
        if (failure != null) {
            outcome.completeExceptionally(failure);
        } else {
            outcome.complete(result);
        }
    }

    /**
     * The frames, in order, as they come: {@code hasNext()} blocks until the next frame or the end of the run. One
     * consumer at a time; each frame is handed out once.
     */
    public Iterable<Frame> frames() {
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                synchronized (FlowRun.this) {
                    while (buffer.isEmpty() && !ended) {
                        try {
                            FlowRun.this.wait();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return false;
                        }
                    }
                    return !buffer.isEmpty();
                }
            }

            @Override
            public Frame next() {
                synchronized (FlowRun.this) {
                    if (!hasNext()) {
                        throw new NoSuchElementException("the run has ended");
                    }
                    return buffer.pollFirst();
                }
            }
        };
    }

    /** How many frames were dropped because nobody took them in time. */
    public synchronized long droppedFrames() {
        return dropped;
    }

    /** The fraction of the planned steps taken so far (updated once per observation interval). */
    public double progress() {
        return plannedSteps == 0 ? 1.0 : Math.min(1.0, (double) control.progress() / plannedSteps);
    }

    /** Asks the run to stop after the current step; it then finishes normally and its summary says so. */
    public void stop() {
        control.requestStop();
    }

    /** Whether the run has ended (completed, stopped or failed). */
    public boolean isDone() {
        return outcome.isDone();
    }

    /**
     * Waits for the run to end and returns what it reports.
     *
     * @throws org.varflow.api.NumericalException if the run diverged
     * @throws IllegalStateException              if the waiting thread was interrupted
     */
    public RunSummary summary() {
        return outcome().summary();
    }

    /** Waits for the run to end and returns its summary, its final states and what ran. */
    public Varflow.Outcome outcome() {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the run", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (CancellationException e) {
            throw new IllegalStateException("the run was cancelled", e);
        }
    }

    /**
     * Waits at most {@code timeout} for the run to end.
     *
     * @throws TimeoutException if it is still running
     */
    public RunSummary summary(Duration timeout) throws TimeoutException {
        try {
            return outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS).summary();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the run", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /** Stops the run if it is still going and waits for it to end (its failure, if any, is not rethrown). */
    @Override
    public void close() {
        stop();
        try {
            outcome.handle((o, e) -> o).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // handled above: cannot happen
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }
}
