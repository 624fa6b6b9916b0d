package org.varflow.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code varflow sweep --engine spark} on local[2]: the same tables as the local engine (which SweepTest in the cli
 * module checks against single runs and one-JVM ensembles), Parquet tables holding what the CSV holds, a diverging
 * cell reported and the sweep going on, and (through SweepApp, spark-submit's entry point) a failed task retried
 * by Spark to the same numbers.
 */
class SparkSweepTest {
    private static final String[] SWEEP = {"langevin", "--energy", "double-well", "--vary", "entropy.beta=1,3",
        "--vary", "dt=0.01,1.5", "--seeds", "2", "--particles", "1100", "--steps", "200", "--shard-particles", "3",
        "--histogram", "-3:3:30", "-q"};

    @TempDir
    Path dir;

    @Test
    void sparkLocalWritesTheLocalEnginesTablesAndParquet() throws Exception {
        Path local = dir.resolve("local");
        Path spark = dir.resolve("spark");
        Tables a = Tables.sweep(concat(SWEEP, "--out", local.toString()));
        assertThat(a.code()).as(a.err()).isZero();
        Path parquet = dir.resolve("shared-fs");
        Tables b = Tables.sweep(concat(SWEEP, "--out", spark.toString(), "--engine", "spark", "--master", "local[2]",
                "--parquet", parquet.toUri().toString()));
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).contains("Spark engine (master local[2]", "4 cells x 2 seeds = 8 runs in 3 shards each",
                "; 4 diverged.");
        assertThat(b.err()).as("Spark's log stays quiet").isEmpty();
        assertThat(spark.resolve("runs.parquet")).as("--parquet puts the tables there").doesNotExist();
        for (String t : List.of("runs", "cells", "histograms")) {
            assertThat(Tables.withoutWallTimes(spark.resolve(t + ".csv")))
                    .isEqualTo(Tables.withoutWallTimes(local.resolve(t + ".csv")));
        }
        List<String> runs = Files.readAllLines(spark.resolve("runs.csv"));
        assertThat(runs.stream().filter(l -> l.contains(",diverged,3,")).count()).isEqualTo(4);
        assertThat(runs.stream().filter(l -> l.contains("the run diverged at step")).count()).isEqualTo(4);

        try (SparkSession s = SparkSession.builder().master("local[1]").appName("read back")
                .config("spark.ui.enabled", "false").getOrCreate()) {
            List<Row> rows = s.read().parquet(parquet.resolve("runs.parquet").toString()).collectAsList();
            List<String> csv = Files.readAllLines(spark.resolve("runs.csv"));
            assertThat(rows).hasSize(csv.size() - 1);
            List<String> header = Tables.fields(csv.get(0));
            for (int r = 0; r < rows.size(); r++) {
                List<String> cells = Tables.fields(csv.get(r + 1));
                Row row = rows.get(r);
                for (int c = 0; c < header.size(); c++) {
                    Object v = row.get(row.fieldIndex(header.get(c)));
                    assertThat(v == null ? "" : v.toString()).as("row %d, %s", r, header.get(c))
                            .isEqualTo(cells.get(c));
                }
            }
            assertThat(s.read().parquet(parquet.resolve("cells.parquet").toString()).count()).isEqualTo(4);
            List<Row> totals = s.read().parquet(parquet.resolve("histograms.parquet").toString())
                    .groupBy("run").sum("count").collectAsList();
            assertThat(totals).as("the 4 runs that completed").hasSize(4)
                    .allSatisfy(t -> assertThat(t.getLong(1)).as("each of 1100 particles counted once")
                            .isEqualTo(1100L));
        }
    }

    @Test
    void aFailedTaskIsRetriedBySparkAndRecomputesTheSameNumbers() throws Exception {
        String[] sweep = {"langevin", "--energy", "flaky-well", "--vary", "entropy.beta=1,2", "--seeds", "2",
            "--particles", "600", "--time", "1", "--shard-particles", "2", "-q"};
        Path retried = dir.resolve("retried");
        Path local = dir.resolve("local");
        FlakyPlugin.arm();
        // as spark-submit runs it: SweepApp, the master from spark.master (local[2, 4]: two threads, a task may
        // fail up to four times); SweepApp adds --engine spark and returns normally on success
        System.setProperty("spark.master", "local[2,4]");
        try {
            SweepApp.main(concat(sweep, "--out", retried.toString()));
        } finally {
            System.clearProperty("spark.master");
        }
        assertThat(FlakyPlugin.FAILED.get()).as("a task failed once").isTrue();
        FlakyPlugin.ARMED.set(false);
        Tables a = Tables.sweep(concat(sweep, "--out", local.toString()));
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(Tables.withoutWallTimes(retried.resolve("runs.csv")))
                .isEqualTo(Tables.withoutWallTimes(local.resolve("runs.csv")));
        assertThat(Files.readString(retried.resolve("runs.csv"))).doesNotContain("diverged");
        assertThat(retried.resolve("runs.parquet")).as("Parquet beside the CSV by default").isDirectory();
        assertThat(retried).isDirectoryNotContaining("glob:**.partial");
    }

    static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
