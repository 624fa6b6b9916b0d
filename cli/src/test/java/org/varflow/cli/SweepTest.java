package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.RunSummary;
import org.varflow.Varflow;
import org.varflow.api.PartKind;

/**
 * {@code varflow sweep} on the local engine: every row is the run {@code varflow run} makes with that cell's settings
 * and seed, the cells are mean and standard error over seeds, sharded ensembles merge to the single-JVM run, a
 * diverging cell is a row, and bad input is refused before any work.
 */
class SweepTest {
    private static final Varflow VARFLOW = Varflow.create();

    @TempDir
    Path dir;

    @Test
    void everyRowIsTheRunOfItsCellAndSeedAndCellsAggregateOverSeeds() throws Exception {
        Path out = dir.resolve("sweep");
        CliRunner r = CliRunner.run("sweep", "langevin", "--energy", "double-well", "--vary", "entropy.beta=1,4",
                "--seeds", "3", "--seed", "5", "--particles", "600", "--time", "1", "--out", out.toString(), "-q",
                "--plot-size", "400x300");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 cells x 3 seeds = 6 runs", "entropy.beta=1", "entropy.beta=4");
        List<Map<String, String>> runs = Csv.read(out.resolve("runs.csv"));
        assertThat(runs).hasSize(6);
        for (Map<String, String> row : runs) {
            double beta = Double.parseDouble(row.get("entropy.beta"));
            long seed = Long.parseLong(row.get("seed"));
            RunSummary s = VARFLOW.preset("langevin").energy("double-well").set(PartKind.ENTROPY, "beta", beta)
                    .particles(600).time(1).seed(seed).run();
            assertThat(row.get("status")).isEqualTo("ok");
            assertThat(Double.parseDouble(row.get("energy"))).isEqualTo(s.energy());
            assertThat(Double.parseDouble(row.get("free_energy"))).isEqualTo(s.freeEnergy());
            assertThat(Double.parseDouble(row.get("mean_1"))).isEqualTo(s.state().mean()[0]);
            assertThat(Double.parseDouble(row.get("cov_1_1"))).isEqualTo(s.state().covariance(0, 0));
            assertThat(row.get("steps")).isEqualTo("100");
        }
        assertThat(runs).extracting(m -> m.get("seed")).containsExactly("5", "6", "7", "5", "6", "7");

        List<Map<String, String>> cells = Csv.read(out.resolve("cells.csv"));
        assertThat(cells).hasSize(2);
        for (int c = 0; c < 2; c++) {
            double[] e = new double[3];
            for (int j = 0; j < 3; j++) {
                e[j] = Double.parseDouble(runs.get(3 * c + j).get("energy"));
            }
            double mean = (e[0] + e[1] + e[2]) / 3;
            double var = ((e[0] - mean) * (e[0] - mean) + (e[1] - mean) * (e[1] - mean)
                    + (e[2] - mean) * (e[2] - mean)) / 2;
            assertThat(Double.parseDouble(cells.get(c).get("energy_mean"))).isCloseTo(mean, within(1e-15));
            assertThat(Double.parseDouble(cells.get(c).get("energy_se"))).isCloseTo(Math.sqrt(var / 3),
                    within(1e-15));
            assertThat(cells.get(c).get("runs")).isEqualTo("3");
        }
        List<Map<String, String>> hist = Csv.read(out.resolve("histograms.csv"));
        assertThat(hist).hasSize(6 * 82);
        long total = hist.stream().filter(h -> h.get("run").equals("0"))
                .mapToLong(h -> Long.parseLong(h.get("count"))).sum();
        assertThat(total).isEqualTo(600);
        for (String f : List.of("energy", "free-energy", "mean-1", "cov-1-1", "wall-seconds")) {
            PlotTest.assertPng(out.resolve(f + ".png"), 400, 300);
            PlotTest.assertSvg(out.resolve(f + ".svg"), 400, 300);
        }
    }

    @Test
    void shardsMergeToTheSingleJvmRunAndTheTableDoesNotDependOnThreads() throws Exception {
        Path a = dir.resolve("sharded");
        Path b = dir.resolve("sharded-1-thread");
        String[] args = {"sweep", "langevin", "--energy", "double-well", "--set", "space.dimension=2", "--set",
            "space.x0=0.5,-0.5", "--particles", "2000", "--time", "0.5", "--seeds", "2", "--shard-particles", "3",
            "--histogram", "-3:3:12", "-q"};
        CliRunner r = CliRunner.run(concat(args, "--out", a.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(CliRunner.run(concat(args, "--out", b.toString(), "--threads", "1")).code()).isZero();
        assertThat(withoutWallTime(a.resolve("runs.csv"))).isEqualTo(withoutWallTime(b.resolve("runs.csv")));
        assertThat(Files.readString(a.resolve("histograms.csv"))).isEqualTo(Files.readString(
                b.resolve("histograms.csv")));

        List<Map<String, String>> runs = Csv.read(a.resolve("runs.csv"));
        List<Map<String, String>> hist = Csv.read(a.resolve("histograms.csv"));
        for (Map<String, String> row : runs) {
            assertThat(row.get("shards")).isEqualTo("3");
            long seed = Long.parseLong(row.get("seed"));
            Varflow.Outcome one = VARFLOW.preset("langevin").energy("double-well")
                    .set(PartKind.SPACE, "dimension", 2L).set(PartKind.SPACE, "x0", new double[] {0.5, -0.5})
                    .particles(2000).time(0.5).seed(seed).execute();
            RunSummary s = one.summary();
            assertThat(Double.parseDouble(row.get("energy"))).isCloseTo(s.energy(), within(1e-13));
            assertThat(Double.parseDouble(row.get("free_energy"))).isCloseTo(s.freeEnergy(), within(1e-12));
            for (int i = 0; i < 2; i++) {
                assertThat(Double.parseDouble(row.get("mean_" + (i + 1)))).isCloseTo(s.state().mean()[i],
                        within(1e-14));
                for (int j = i; j < 2; j++) {
                    assertThat(Double.parseDouble(row.get("cov_" + (i + 1) + "_" + (j + 1))))
                            .isCloseTo(s.state().covariance(i, j), within(1e-13));
                }
            }
            // the histogram of the one-JVM particles, binned here: the merged counts are exactly these
            double[] states = one.result().states();
            Map<String, Long> expected = new HashMap<>();
            for (int p = 0; p < 2000; p++) {
                for (int i = 0; i < 2; i++) {
                    double x = states[2 * p + i];
                    long bin = x < -3 ? -1 : x >= 3 ? 12 : (long) Math.floor((x + 3) / 0.5);
                    expected.merge((i + 1) + ":" + bin, 1L, Long::sum);
                }
            }
            for (Map<String, String> h : hist) {
                if (h.get("run").equals(row.get("run"))) {
                    assertThat(Long.parseLong(h.get("count"))).as("coordinate %s bin %s", h.get("coordinate"),
                            h.get("bin")).isEqualTo(expected.getOrDefault(h.get("coordinate") + ":" + h.get("bin"),
                            0L));
                }
            }
        }
    }

    @Test
    void aDivergingCellIsARowWithTheRunsMessageAndTheSweepGoesOn() throws Exception {
        Path out = dir.resolve("diverging");
        CliRunner r = CliRunner.run("sweep", "langevin", "--energy", "double-well", "--vary", "dt=0.01,1.5",
                "--particles", "300", "--steps", "200", "--out", out.toString(), "-q");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 diverged");
        List<Map<String, String>> runs = Csv.read(out.resolve("runs.csv"));
        assertThat(runs.get(0).get("status")).isEqualTo("ok");
        Map<String, String> bad = runs.get(1);
        assertThat(bad.get("status")).isEqualTo("diverged");
        assertThat(bad.get("exit_code")).isEqualTo("3");
        assertThat(bad.get("energy")).isEmpty();
        CliRunner single = CliRunner.run("run", "langevin", "--energy", "double-well", "--dt", "1.5", "--particles",
                "300", "--steps", "200", "-q");
        assertThat(single.code()).isEqualTo(3);
        assertThat(single.err().trim()).isEqualTo("varflow: numerical failure: " + bad.get("message"));
        assertThat(Csv.read(out.resolve("cells.csv")).get(1).get("failed")).isEqualTo("1");
    }

    @Test
    void badInputIsRefusedBeforeAnyWorkWithExitTwo() {
        Path out = dir.resolve("never");
        assertRefused(out, "'entropy.bta", "sweep", "langevin", "--vary", "entropy.bta=1,2");
        assertRefused(out, "is neither a part kind", "sweep", "langevin", "--vary", "betta=1,2");
        assertRefused(out, "--seeds", "sweep", "langevin", "--vary", "seed=1,2");
        assertRefused(out, "--seeds 0", "sweep", "langevin", "--seeds", "0");
        assertRefused(out, "whole measure is one state", "sweep", "svgd", "--shard-particles", "2");
        assertRefused(out, "expected 1 to 40 shards", "sweep", "langevin", "--shard-particles", "41");
        assertRefused(out, "expected one of local", "sweep", "langevin", "--engine", "flink");
        assertRefused(out, "--master local[2] is for --engine spark", "sweep", "langevin", "--master", "local[2]");
        assertRefused(out, "is not a Spark master URL; expected local", "sweep", "langevin", "--engine", "spark",
                "--master", "spark:/10.0.0.1:7077");
        assertRefused(out, "--histogram 1:0:5", "sweep", "langevin", "--histogram", "1:0:5");
        assertRefused(out, "--spark-jars", "sweep", "langevin", "--engine", "spark", "--spark-jars",
                dir.toString());
    }

    private static void assertRefused(Path out, String message, String... args) {
        CliRunner r = CliRunner.run(concat(args, "--out", out.toString()));
        assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The runs table without its last column, the wall time (the only field that varies between equal runs). */
    static String withoutWallTime(Path runsCsv) throws Exception {
        StringBuilder b = new StringBuilder();
        for (String line : Files.readAllLines(runsCsv)) {
            b.append(line, 0, line.lastIndexOf(',')).append('\n');
        }
        return b.toString();
    }

    /** A small CSV reader for the tables (quoted fields may hold commas). */
    static final class Csv {
        static List<Map<String, String>> read(Path file) throws Exception {
            List<String> lines = Files.readAllLines(file);
            List<String> header = fields(lines.get(0));
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                List<String> f = fields(line);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), f.get(i));
                }
                rows.add(row);
            }
            return rows;
        }

        static List<String> fields(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cur.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    out.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            out.add(cur.toString());
            return out;
        }
    }
}
