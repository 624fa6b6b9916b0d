package org.varflow.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real standalone cluster (a master and two one-core workers in their own JVMs, started from Spark's own
 * classes on 127.0.0.1): a sweep whose first worker is killed, with its executor, while tasks run still completes, and
 * its tables are those of the local engine. And {@code java -jar varflow.jar sweep --engine spark}, where Spark is not
 * on the classpath, finds Spark's jars and the job jar and gives the same table. Run by the {@code cluster} profile
 * after the job jar is packaged.
 */
class StandaloneClusterIT {
    /** 8 runs of 4 shards: 32 tasks of about a fifth of a second each on one core. */
    private static final String[] SWEEP = {"langevin", "--energy", "double-well", "--vary", "entropy.beta=1,4",
        "--seeds", "4", "--particles", "4096", "--time", "3", "--shard-particles", "4", "-q"};

    @TempDir
    Path dir;

    @SuppressWarnings("try") // the cluster's close() waits for its processes and may be interrupted
    @Test
    void aSweepSurvivesALostWorkerAndGivesTheLocalEnginesTable() throws Exception {
        Path local = dir.resolve("local");
        assertThat(Tables.sweep(SparkSweepTest.concat(SWEEP, "--out", local.toString())).code()).isZero();
        Path jobJar = Path.of("target", "varflow-spark.jar").toAbsolutePath();
        assertThat(jobJar).exists();
        try (StandaloneCluster cluster = StandaloneCluster.start(dir)) {
            int first = cluster.addWorker();
            int second = cluster.addWorker();
            cluster.awaitRegistered(first);
            cluster.awaitRegistered(second);
            System.setProperty("spark.driver.host", "127.0.0.1");
            System.setProperty("spark.executor.memory", "512m");
            Path out = dir.resolve("cluster");
            CompletableFuture<Tables> sweep = CompletableFuture.supplyAsync(() -> Tables.sweep(
                    SparkSweepTest.concat(SWEEP, "--out", out.toString(), "--engine", "spark", "--master",
                            cluster.url(), "--job-jar", jobJar.toString())));
            awaitFinishedTasks(cluster.workDir(first), 2, sweep);
            assertThat(sweep.isDone()).as("the worker is killed while the sweep runs").isFalse();
            long before = finishedTasks(cluster.workDir(first));
            cluster.kill(first);
            assertThat(before).as("tasks were left for the second worker").isLessThan(32);
            Tables result = sweep.get(5, TimeUnit.MINUTES);
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out()).contains("master " + cluster.url(), "8 runs in 4 shards each", "0 diverged");
            for (String t : List.of("runs", "cells", "histograms")) {
                assertThat(Tables.withoutWallTimes(out.resolve(t + ".csv")))
                        .isEqualTo(Tables.withoutWallTimes(local.resolve(t + ".csv")));
            }
            assertThat(out.resolve("runs.parquet")).isDirectory();
            assertThat(finishedTasks(cluster.workDir(second))).as("the second worker took over").isPositive();
        } finally {
            System.clearProperty("spark.driver.host");
            System.clearProperty("spark.executor.memory");
        }
    }

    @Test
    void theVarflowJarRelaunchesWithSparksJarsAndTheJobJar() throws Exception {
        Path varflowJar = Path.of("..", "cli", "target", "varflow.jar").toAbsolutePath().normalize();
        assertThat(varflowJar).exists();
        Path home = StandaloneCluster.sparkHome(dir.resolve("spark-home"));
        String[] small = {"langevin", "--energy", "double-well", "--vary", "entropy.beta=1,2", "--seeds", "2",
            "--particles", "600", "--time", "1", "--shard-particles", "2", "-q"};
        Path local = dir.resolve("local");
        assertThat(Tables.sweep(SparkSweepTest.concat(small, "--out", local.toString())).code()).isZero();
        Path out = dir.resolve("relaunched");
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", varflowJar.toString(),
                "sweep"));
        cmd.addAll(List.of(small));
        cmd.addAll(List.of("--out", out.toString(), "--engine", "spark", "--master", "local[2]", "--spark-jars",
                home.resolve("jars").toString(), "--job-jar", Path.of("target", "varflow-spark.jar").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("Spark engine (master local[2]");
        assertThat(out.resolve("runs.parquet")).isDirectory();
        assertThat(Tables.withoutWallTimes(out.resolve("runs.csv")))
                .isEqualTo(Tables.withoutWallTimes(local.resolve("runs.csv")));

        Process none = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                varflowJar.toString(), "sweep", "langevin", "--engine", "spark", "--spark-jars",
                dir.resolve("empty").toString()).redirectErrorStream(true).start();
        String refused = new String(none.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(none.waitFor()).isEqualTo(2);
        assertThat(refused).contains("--spark-jars").doesNotContain("Exception");
    }

    private static void awaitFinishedTasks(Path workDir, int atLeast, CompletableFuture<?> sweep) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < end && !sweep.isDone()) {
            if (finishedTasks(workDir) >= atLeast) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the first worker finished no task before the sweep " + (sweep.isDone()
                ? "ended: " + sweep.get() : "timed out"));
    }

    /** Tasks the executors of a worker finished, from their logs. */
    private static long finishedTasks(Path workDir) throws Exception {
        if (!Files.isDirectory(workDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            long n = 0;
            for (Path f : files.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
                n += Files.readString(f).lines().filter(l -> l.contains("Finished task")).count();
            }
            return n;
        }
    }
}
