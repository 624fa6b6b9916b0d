package org.varflow.cli.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.varflow.Varflow;

/**
 * The default engine: the tasks on a fixed pool of worker threads in this JVM, one task per thread and one thread
 * per task (the runner's block parallelism is not used, so at most {@code threads} shards are in memory at once).
 * Nothing to install.
 */
public final class LocalEngine implements SweepEngine {
    /** The id of the local engine. */
    public static final String ID = "local";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Session open(Options options) {
        int threads = options.threads() != null ? options.threads() : Runtime.getRuntime().availableProcessors();
        return new Pool(threads);
    }

    private record Pool(int threads) implements Session {
        @Override
        public List<ShardResult> run(List<SweepTask> tasks, Varflow varflow, AtomicLong done) throws Exception {
            TaskRunner runner = new TaskRunner(varflow);
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())), r -> {
                Thread t = new Thread(r, "varflow-sweep");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<ShardResult>> futures = new ArrayList<>();
                for (SweepTask task : tasks) {
                    futures.add(pool.submit(() -> {
                        ShardResult r = runner.run(task, 1);
                        done.incrementAndGet();
                        return r;
                    }));
                }
                List<ShardResult> out = new ArrayList<>(tasks.size());
                for (Future<ShardResult> f : futures) {
                    out.add(f.get());
                }
                return out;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            } finally {
                pool.shutdownNow();
            }
        }

        @Override
        public String description() {
            return "local engine, " + threads + " thread" + (threads == 1 ? "" : "s");
        }

        @Override
        public void close() {
            // the pool of each run is shut down when the run ends
        }
    }
}
