package org.varflow.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.varflow.Varflow;
import org.varflow.cli.sweep.ShardResult;
import org.varflow.cli.sweep.SweepEngine;
import org.varflow.cli.sweep.SweepTask;
import org.varflow.cli.sweep.Table;
import org.varflow.cli.sweep.TaskRunner;
import scala.reflect.ClassTag$;

/**
 * A sweep on a Spark session. The tasks are broadcast once; a {@code Dataset} of task indices with one index per
 * partition ({@code spark.range(0, n, 1, n)}) is mapped to results by the executors, so a task is a Spark task: it
 * is retried by Spark when it fails (an executor lost) and, since a task's numbers follow from its spec, seed and
 * slice alone, a retry recomputes the same numbers. The results are small (moments and histogram counts, never
 * particles) and are collected in task order; the tables are written as Parquet by {@link ParquetTables}.
 */
final class SparkSweepSession implements SweepEngine.Session {
    private final SparkSession spark;
    private final String tables;
    /** Kept to remove the tables after the session stopped, if the command fails then. */
    private final org.apache.hadoop.conf.Configuration hadoop;

    SparkSweepSession(SparkSession spark, String tables) {
        this.spark = spark;
        this.tables = tables;
        this.hadoop = spark.sparkContext().hadoopConfiguration();
    }

    @Override
    public List<ShardResult> run(List<SweepTask> tasks, Varflow varflow, AtomicLong done) {
        SparkListener counter = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo().successful()) {
                    done.incrementAndGet();
                }
            }
        };
        spark.sparkContext().addSparkListener(counter);
        Broadcast<ArrayList<SweepTask>> plan = spark.sparkContext().broadcast(new ArrayList<>(tasks),
                ClassTag$.MODULE$.apply(ArrayList.class));
        try {
            spark.sparkContext().setJobDescription("varflow sweep: " + tasks.size() + " tasks");
            Dataset<Long> indices = spark.range(0, tasks.size(), 1, Math.max(1, tasks.size()));
            Dataset<ShardResult> results = indices.map(new RunTask(plan),
                    Encoders.javaSerialization(ShardResult.class));
            List<ShardResult> out = new ArrayList<>(results.collectAsList());
            out.sort(Comparator.comparingInt(ShardResult::task));
            return out;
        } finally {
            spark.sparkContext().removeSparkListener(counter);
            plan.destroy();
        }
    }

    @Override
    public List<String> writeTables(List<Table> written, Path dir) throws IOException {
        return ParquetTables.write(spark, written, tables != null ? tables : dir.toString());
    }

    @Override
    public void removeTables(List<String> written) {
        ParquetTables.remove(hadoop, written);
    }

    @Override
    public String description() {
        return "Spark engine (master " + spark.sparkContext().master() + ", Spark " + spark.version() + ")";
    }

    @Override
    public void close() {
        spark.stop();
    }

    /** One task on an executor: its spec, run with the cores Spark gave the task. */
    @SuppressWarnings("NonApiType") // Spark broadcasts a serializable ArrayList; the List interface is not Serializable
    private static final class RunTask implements MapFunction<Long, ShardResult> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<ArrayList<SweepTask>> plan;

        RunTask(Broadcast<ArrayList<SweepTask>> plan) {
            this.plan = plan;
        }

        @Override
        public ShardResult call(Long index) {
            var context = org.apache.spark.TaskContext.get();
            int cpus = context == null ? 1 : Math.max(1, context.cpus());
            return TaskRunner.onThisJvm().run(plan.value().get(Math.toIntExact(index)), cpus);
        }
    }
}
