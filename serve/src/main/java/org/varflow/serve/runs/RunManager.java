package org.varflow.serve.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.varflow.FlowBuilder;
import org.varflow.FlowRun;
import org.varflow.Frame;
import org.varflow.Varflow;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.NumericalException;
import org.varflow.api.Parameter;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.serve.catalog.Decomposition;
import org.varflow.serve.view.ViewPlan;

/**
 * Runs flows for the explorer on a fixed pool of workers, within the server's {@link RunLimits}: a spec is checked
 * (limits, then assembly: the CLI's messages) on the request's thread, then queued; at most
 * {@link RunLimits#concurrentRuns()} run at once and {@link RunLimits#queuedRuns()} wait, beyond which a run is
 * refused ({@link TooBusyException}). Each run is stopped at the wall-time limit and keeps what it computed. The most
 * recent {@link RunLimits#keptRuns()} runs are kept in memory.
 */
public final class RunManager implements AutoCloseable {
    private final Varflow varflow;
    private final RunLimits limits;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService watchdog;
    private final Map<String, ExplorerRun> runs = new LinkedHashMap<>();
    private final Map<String, Runnable> queued = new LinkedHashMap<>();
    private final AtomicLong counter = new AtomicLong();

    public RunManager(Varflow varflow, RunLimits limits) {
        this.varflow = varflow;
        this.limits = limits;
        BlockingQueue<Runnable> queue = limits.queuedRuns() == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(limits.queuedRuns());
        this.workers = new ThreadPoolExecutor(limits.concurrentRuns(), limits.concurrentRuns(), 0,
                TimeUnit.MILLISECONDS, queue, daemon("varflow-serve-worker"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemon("varflow-serve-watchdog"));
    }

    private static ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public RunLimits limits() {
        return limits;
    }

    /**
     * Checks {@code spec} against the limits and assembles it (so every mistake is a {@link ConfigurationException}
     * with the CLI's message, raised here), then queues it.
     *
     * @throws TooBusyException when as many runs are running and waiting as the limits allow
     */
    public ExplorerRun submit(FlowSpec spec) {
        RunChecks.beforeAssembly(spec, limits, varflow.registry());
        FlowBuilder builder = varflow.flow(spec).threads(limits.threadsPerRun()).frameParticles(limits.framePoints());
        AssembledFlow assembled;
        try {
            assembled = builder.build();
        } catch (OutOfMemoryError e) {
            throw new ConfigurationException("this flow's state does not fit in the server's memory; make it smaller"
                    + " (the server allows at most " + limits.maxStateValues() + " values: particles x coordinates)");
        }
        RunChecks.afterAssembly(assembled, limits);
        String id = "r" + counter.incrementAndGet();
        ExplorerRun run = new ExplorerRun(id, Varflow.explicitSpec(assembled), Decomposition.of(assembled),
                ViewPlan.of(assembled, limits.framePoints()), spec.stepCount(), limits.keptFrames());
        Runnable task = () -> execute(run, builder);
        synchronized (this) {
            try {
                workers.execute(task);
            } catch (RejectedExecutionException e) {
                throw new TooBusyException("the server is running " + limits.concurrentRuns() + " runs and "
                        + limits.queuedRuns() + " more are waiting, its limit (varflow serve --max-runs,"
                        + " --max-queued); try again when one has finished, or stop one with DELETE /api/runs/ID");
            }
            runs.put(id, run);
            queued.put(id, task);
            forgetOldRuns();
        }
        return run;
    }

    /** The run with this id. */
    public synchronized ExplorerRun get(String id) {
        ExplorerRun run = runs.get(id);
        if (run == null) {
            throw new UnknownRunException("no run '" + id + "' (runs are kept while the server runs, the most recent "
                    + limits.keptRuns() + " of them); GET /api/runs lists them");
        }
        return run;
    }

    /** Every kept run, oldest first. */
    public synchronized List<ExplorerRun> all() {
        return new ArrayList<>(runs.values());
    }

    /** Stops a running run (it keeps what it computed) or cancels a queued one. */
    public ExplorerRun stop(String id) {
        ExplorerRun run = get(id);
        if (run.stop("stopped on request")) {
            Runnable task;
            synchronized (this) {
                task = queued.remove(id);
            }
            if (task != null && run.status() == RunStatus.CANCELLED) {
                workers.remove(task);
            }
        }
        return run;
    }

    private void execute(ExplorerRun run, FlowBuilder builder) {
        synchronized (this) {
            queued.remove(run.id());
        }
        if (run.status() != RunStatus.QUEUED) {
            return; // cancelled while it waited
        }
        ScheduledFuture<?> timer = null;
        try {
            FlowRun flowRun = builder.start();
            run.started(flowRun);
            long millis = (long) Math.ceil(limits.maxWallSeconds() * 1000);
            timer = watchdog.schedule(() -> run.stop("the wall-time limit of "
                    + Parameter.format(limits.maxWallSeconds()) + " s was reached (varflow serve"
                    + " --max-seconds)"), millis, TimeUnit.MILLISECONDS);
            for (Frame frame : flowRun.frames()) {
                run.onFrame(frame);
            }
            run.finished(flowRun.summary(), flowRun.droppedFrames());
        } catch (NumericalException e) {
            run.failed("numerical failure: " + e.getMessage());
        } catch (ConfigurationException e) {
            run.failed(e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            run.failed("internal error: " + e);
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    /** Forgets the oldest ended runs beyond the number kept. */
    private void forgetOldRuns() {
        var it = runs.entrySet().iterator();
        int excess = runs.size() - limits.keptRuns();
        while (excess > 0 && it.hasNext()) {
            if (it.next().getValue().status().ended()) {
                it.remove();
                excess--;
            }
        }
    }

    /** Stops every run and the workers. */
    @Override
    public void close() {
        for (ExplorerRun run : all()) {
            run.stop("the server is shutting down");
        }
        workers.shutdownNow();
        watchdog.shutdownNow();
    }
}
