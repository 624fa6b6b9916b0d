package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.varflow.core.output.RunDirectory;

/**
 * The hostile-input suite for checkpoints: the directory of an interrupted run, damaged (seeded): bytes flipped
 * anywhere, truncated, extended, swapped for another run's checkpoint, its record of the run edited or removed, the
 * checkpoint replaced by a device, a directory or a pipe, the directory locked by another process. {@code resume} must
 * refuse each with exit code 2 and a message naming what did not match, write no summary, and leave the checkpoint as
 * it was; the untouched directory resumes.
 */
class HostileCheckpointTest {
    private static final long SEED = 20261206L;
    private static final int FLIPS = 16;

    @TempDir
    static Path work;
    static Path interrupted;
    static Path otherRun;

    @BeforeAll
    static void interruptTwoRuns() {
        interrupted = interrupt("first", "7");
        otherRun = interrupt("second", "8");
    }

    private static Path interrupt(String name, String seed) {
        Path out = work.resolve(name);
        CliRunner r = CliRunner.run("run", "langevin", "--particles", "300", "--steps", "1000000000", "--every", "50",
                "--seed", seed, "--out", out.toString(), "--checkpoint-every", "50", "--timeout", "1s", "--threads",
                "1");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.TIMED_OUT);
        assertThat(Files.isRegularFile(out.resolve("checkpoint.bin"))).isTrue();
        return out;
    }

    /** A damage done to a copy of the interrupted run's directory. */
    interface Damage {
        void apply(Path dir, Random rnd) throws Exception;
    }

    static Stream<Arguments> damages() {
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < FLIPS; i++) {
            out.add(Arguments.of("a flipped byte " + i, (Damage) (dir, rnd) -> {
                Path c = dir.resolve("checkpoint.bin");
                byte[] b = Files.readAllBytes(c);
                int at = rnd.nextInt(b.length);
                b[at] ^= (byte) (1 << rnd.nextInt(8));
                Files.write(c, b);
            }, "damaged|not a varflow checkpoint|older varflow"));
        }
        out.add(Arguments.of("truncated", (Damage) (dir, rnd) -> {
            Path c = dir.resolve("checkpoint.bin");
            byte[] b = Files.readAllBytes(c);
            Files.write(c, java.util.Arrays.copyOf(b, rnd.nextInt(b.length)));
        }, "damaged|truncated|not a varflow checkpoint"));
        out.add(Arguments.of("appended", (Damage) (dir, rnd) -> Files.write(dir.resolve("checkpoint.bin"),
                new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND), "damaged"));
        out.add(Arguments.of("another run's checkpoint", (Damage) (dir, rnd) -> Files.copy(
                otherRun.resolve("checkpoint.bin"), dir.resolve("checkpoint.bin"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING), "was written by another run"));
        out.add(Arguments.of("the record's spec edited", (Damage) (dir, rnd) -> edit(dir, "\"spec\" : \"",
                "\"spec\" : \"0"), "records a spec other than the one the run started with"));
        out.add(Arguments.of("the record's run edited", (Damage) (dir, rnd) -> edit(dir, "\"runId\" : \"",
                "\"runId\" : \"x"), "was written by another run"));
        out.add(Arguments.of("no record of the run", (Damage) (dir, rnd) -> Files.delete(
                dir.resolve(RunDirectory.MANIFEST)), "records no run"));
        out.add(Arguments.of("a device instead", (Damage) (dir, rnd) -> {
            assumeTrue(Files.exists(Path.of("/dev/zero")));
            Files.delete(dir.resolve("checkpoint.bin"));
            Files.createSymbolicLink(dir.resolve("checkpoint.bin"), Path.of("/dev/zero"));
        }, "not a regular file"));
        out.add(Arguments.of("a directory instead", (Damage) (dir, rnd) -> {
            Files.delete(dir.resolve("checkpoint.bin"));
            Files.createDirectory(dir.resolve("checkpoint.bin"));
        }, "not a regular file"));
        out.add(Arguments.of("a pipe instead", (Damage) (dir, rnd) -> {
            Files.delete(dir.resolve("checkpoint.bin"));
            Process p = new ProcessBuilder("mkfifo", dir.resolve("checkpoint.bin").toString()).start();
            assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo is not available");
        }, "not a regular file"));
        out.add(Arguments.of("no checkpoint", (Damage) (dir, rnd) -> Files.delete(dir.resolve("checkpoint.bin")),
                "no checkpoint"));
        return out.stream();
    }

    private static void edit(Path dir, String from, String to) throws IOException {
        Path m = dir.resolve(RunDirectory.MANIFEST);
        String text = Files.readString(m);
        assertThat(text).contains(from);
        Files.writeString(m, text.replace(from, to));
    }

    @ParameterizedTest(name = "checkpoint: {0}")
    @MethodSource("damages")
    void aDamagedRunIsRefusedByNameAndLeftAsItWas(String what, Damage damage, String expected) throws Exception {
        Path dir = copy(interrupted, work.resolve("case-" + what.replace(' ', '-').replace("'", "")));
        damage.apply(dir, new Random(SEED + what.hashCode()));
        List<String> before = HostileChecks.names(dir);
        byte[] checkpoint = Files.isRegularFile(dir.resolve("checkpoint.bin"))
                ? Files.readAllBytes(dir.resolve("checkpoint.bin")) : null;
        CliRunner r = CliRunner.run("resume", dir.toString());
        HostileChecks.endsCleanly(r, Main.USAGE);
        assertThat(r.code()).as("%s: %s", what, r.err()).isEqualTo(Main.USAGE);
        assertThat(r.err()).containsPattern(expected);
        assertThat(HostileChecks.names(dir)).as("nothing written, nothing removed").isEqualTo(before);
        if (checkpoint != null) {
            assertThat(Files.readAllBytes(dir.resolve("checkpoint.bin"))).isEqualTo(checkpoint);
        }
    }

    @Test
    void aLockedDirectoryIsRefusedWithItsHolder() throws Exception {
        Path dir = copy(interrupted, work.resolve("locked"));
        try (RunDirectory held = RunDirectory.resume(dir, "varflow resume locked")) {
            CliRunner r = CliRunner.run("resume", dir.toString());
            HostileChecks.endsCleanly(r, Main.USAGE);
            assertThat(r.err()).contains("in use by another varflow process (pid ");
            held.abandon(dir.resolve("checkpoint.bin"));
        }
    }

    @Test
    void theUntouchedRunResumesAndLeftoverPartialFilesAreCleaned() throws Exception {
        Path dir = copy(interrupted, work.resolve("untouched"));
        Files.writeString(dir.resolve(".trajectory.csv.1f2e.partial"), "left by the killed process");
        CliRunner r = CliRunner.run("resume", dir.toString(), "--timeout", "1s");
        // the run is long: it resumes, then stops at its timeout again, keeping a newer checkpoint
        assertThat(r.code()).as(r.err()).isEqualTo(Main.TIMED_OUT);
        assertThat(HostileChecks.names(dir)).doesNotContain(".trajectory.csv.1f2e.partial").contains("checkpoint.bin");
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
