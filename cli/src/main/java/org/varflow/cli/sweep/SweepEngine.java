package org.varflow.cli.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.varflow.Varflow;

/**
 * Where the tasks of a sweep execute: the in-process thread pool ({@code local}) or a distributed engine (the
 * {@code spark} module). Engines are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.varflow.cli.sweep.SweepEngine}), so an engine whose libraries are not on the
 * classpath is simply absent. An engine only executes tasks and, optionally, writes tables in formats of its own:
 * planning, merging shards, the CSV tables and the plots are the command's, so every engine gives the same table.
 */
public interface SweepEngine {
    /** The id given to {@code --engine}, e.g. {@code local}. */
    String id();

    /** Starts the engine (a thread pool, a Spark session); the caller closes the session. */
    Session open(Options options);

    /**
     * How to start the engine.
     *
     * @param master     where to run, for distributed engines (null: the engine's default, e.g. Spark's local[*])
     * @param threads    worker threads of an in-process engine (null: the machine's cores)
     * @param jars       jars the workers need beyond the engine's own (plugins from --plugin-path, the job jar)
     * @param appName    a name for the engine's logs and UI
     * @param quiet      whether to keep the engine's own output to errors only
     * @param tables     where the engine writes its own formats of the tables (a URI its workers share, e.g.
     *                   hdfs://...), or null for the output directory
     */
    record Options(String master, Integer threads, List<Path> jars, String appName, boolean quiet, String tables) {
        public Options {
            jars = List.copyOf(jars);
        }
    }

    /** A started engine. */
    interface Session extends AutoCloseable {
        /**
         * Executes every task and returns one result per task, in task order. {@code done} counts finished tasks
         * (for progress displays). A task that fails for a reason other than its run diverging (which is a
         * {@link ShardResult}, not an error) fails the sweep, after whatever retries the engine makes.
         *
         * @param varflow the command's registry (with plugins from --plugin-path), for tasks run in this JVM;
         *                remote workers build theirs from their own classpath ({@link TaskRunner#onThisJvm()})
         */
        List<ShardResult> run(List<SweepTask> tasks, Varflow varflow, AtomicLong done) throws Exception;

        /**
         * Writes the finished tables in the engine's own formats (Spark: Parquet) into {@link Options#tables()} or
         * else {@code dir}, all or none (a failure removes those already written), and returns where. The command
         * writes CSV itself; by default nothing more.
         */
        default List<String> writeTables(List<Table> tables, Path dir) throws Exception {
            return List.of();
        }

        /**
         * Removes tables {@link #writeTables} wrote (as it returned them), when the command fails after writing them;
         * works after {@link #close()} too. Failures to remove are ignored: the command is failing already.
         */
        default void removeTables(List<String> written) {
            // nothing written by default
        }

        /** A line about where the work ran, for the command's output (e.g. the Spark master). */
        default String description() {
            return "";
        }

        @Override
        void close();
    }
}
