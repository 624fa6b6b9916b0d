package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.core.output.WriteFaults;

/**
 * {@code sweep} and {@code demo} put their files in place together, at the end, or none: a command that fails after
 * it has produced some of its outputs (here: the disk fills up while the plots are written, {@link WriteFaults})
 * leaves none of them behind, prints no table or verdict, and exits 2 as any output that cannot be written does; a
 * command that succeeds writes every file it names and no temporary file.
 */
class AllOrNothingOutputsTest {
    @TempDir
    Path dir;

    private static final String[] SWEEP = {"sweep", "langevin", "--energy", "double-well", "--vary",
        "entropy.beta=1,4", "--seeds", "2", "--particles", "300", "--time", "0.5", "-q", "--plot-size", "400x300"};

    @Test
    void aSweepWritesEveryFileItNames() throws IOException {
        Path out = dir.resolve("sweep");
        CliRunner r = CliRunner.run(SweepTest.concat(SWEEP, "--out", out.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(files(out)).containsExactlyInAnyOrderElementsOf(named(r.out()))
                .contains(out.resolve("runs.csv"), out.resolve("cells.csv"), out.resolve("histograms.csv"),
                        out.resolve("energy.png"), out.resolve("energy.svg"), out.resolve("energy.json"));
    }

    @Test
    void aSweepThatFailsWhileWritingItsPlotsLeavesNoneOfItsFiles() throws IOException {
        Path first = dir.resolve("first");
        assertThat(CliRunner.run(SweepTest.concat(SWEEP, "--out", first.toString())).code()).isZero();
        long tables = 0;
        for (String csv : List.of("runs.csv", "cells.csv", "histograms.csv")) {
            tables += Files.size(first.resolve(csv));
        }
        // the tables are written in full, then the disk fills up in the first plot
        Path out = dir.resolve("made-by-the-sweep");
        CliRunner r = withFullDiskAfter(tables + 500, SweepTest.concat(SWEEP, "--out", out.toString()));
        assertFailedForTheDisk(r);
        assertThat(out).as("the directory it made goes too").doesNotExist();

        Path existing = Files.createDirectory(dir.resolve("existing"));
        Files.writeString(existing.resolve("notes.txt"), "mine");
        r = withFullDiskAfter(tables + 500, SweepTest.concat(SWEEP, "--out", existing.toString()));
        assertFailedForTheDisk(r);
        assertThat(files(existing)).as("only what was there before").containsExactly(existing.resolve("notes.txt"));
    }

    @Test
    void sweepDemoAndCompareLeaveARunsDirectoryAlone() throws IOException {
        Path run = dir.resolve("run");
        CliRunner first = CliRunner.run("run", "langevin", "--energy", "double-well", "--particles", "200", "--time",
                "0.5", "--plot", "--out", run.toString());
        assertThat(first.code()).as(first.err()).isZero();
        List<Path> before = files(run);
        long stamp = Files.getLastModifiedTime(run.resolve("energy.png")).toMillis();
        for (String[] command : List.of(SweepTest.concat(SWEEP, "--out", run.toString()),
                new String[] {"demo", "heat", "--out", run.toString()},
                new String[] {"compare", "langevin", "--energy", "double-well", "--particles", "200", "--time", "0.5",
                    "--vary", "entropy.beta=1,2", "--out", run.toString()})) {
            CliRunner r = CliRunner.run(command);
            assertThat(r.code()).as(command[0] + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("holds the outputs of a run").contains("give another directory");
            assertThat(files(run)).as(command[0]).containsExactlyInAnyOrderElementsOf(before);
            assertThat(Files.getLastModifiedTime(run.resolve("energy.png")).toMillis()).isEqualTo(stamp);
        }
    }

    @Test
    @Timeout(240)
    void aDemoWritesEveryFileItNamesAndADemoThatFailsPartWayLeavesNone() throws IOException {
        Path out = dir.resolve("demo");
        CliRunner ok = CliRunner.run("demo", "heat", "--out", out.toString(), "--plot-size", "400x300");
        assertThat(ok.code()).as(ok.err()).isZero();
        List<Path> written = files(out);
        assertThat(written).containsExactlyInAnyOrderElementsOf(named(ok.out()))
                .anySatisfy(p -> assertThat(p.toString()).endsWith("trajectory.csv"))
                .anySatisfy(p -> assertThat(p.toString()).endsWith(".png"));
        long total = 0;
        for (Path p : written) {
            total += Files.size(p);
        }

        Path failing = dir.resolve("failing");
        CliRunner r = withFullDiskAfter(total / 2, "demo", "heat", "--out", failing.toString(), "--plot-size",
                "400x300");
        assertFailedForTheDisk(r);
        assertThat(r.out()).as("the figures were computed, but no verdict").contains("demo heat")
                .doesNotContain("figures agree", "FAILED");
        assertThat(failing).as("no file, no run directory").doesNotExist();
    }

    private static CliRunner withFullDiskAfter(long bytes, String... args) {
        System.setProperty(WriteFaults.PROPERTY, Long.toString(bytes));
        WriteFaults.reset();
        try {
            return CliRunner.run(args);
        } finally {
            System.clearProperty(WriteFaults.PROPERTY);
        }
    }

    private static void assertFailedForTheDisk(CliRunner r) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("no space left on device");
        assertThat(r.out()).as("no success summary").doesNotContain("wrote");
    }

    /** The regular files under {@code dir}, temporary ones included. */
    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The files the command's {@code wrote} lines name. */
    private static List<Path> named(String out) {
        List<Path> named = new ArrayList<>();
        for (String line : out.lines().map(String::strip).filter(l -> l.startsWith("wrote ")).toList()) {
            Arrays.stream(line.substring("wrote ".length()).split(", ")).map(Path::of).forEach(named::add);
        }
        return named;
    }
}
