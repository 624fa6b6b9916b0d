package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.core.output.RunDirectory;
import org.varflow.core.output.WriteFaults;

/**
 * Where outputs go: never a clobbered link, pipe or device; never another run's files; never a partial set of
 * outputs or a summary on stdout after a failure; the user's umask for new files.
 */
class OutputPathsTest {
    private static final String[] SHORT = {"run", "gradient-descent", "--steps", "20", "--every", "5"};

    @TempDir
    Path dir;

    private static CliRunner run(String... more) {
        String[] args = java.util.Arrays.copyOf(SHORT, SHORT.length + more.length);
        System.arraycopy(more, 0, args, SHORT.length, more.length);
        return CliRunner.run(args);
    }

    @Test
    void aSummaryLinkStaysALinkAndItsTargetGetsTheSummary() throws IOException {
        Path target = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), target);
        CliRunner r = run("--summary", link.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).contains("\"preset\" : \"gradient-descent\"");
        assertThat(PluginFailureTest.AtomicList.of(dir)).containsExactly("link.json", "real.json");
    }

    @Test
    void devicesAndStdoutLinksAreWrittenThrough() {
        for (String device : List.of("/dev/null", "/dev/stdout", "/proc/self/fd/1")) {
            assumeTrue(Files.exists(Path.of(device)), device + " is not on this system");
            CliRunner r = run("--summary", device);
            assertThat(r.code()).as(device + ": " + r.err()).isZero();
            assertThat(Files.isRegularFile(Path.of(device))).as(device + " is still not a regular file").isFalse();
        }
    }

    @Test
    void aPipeReceivesTheSummary() throws Exception {
        Path fifo = dir.resolve("summary.pipe");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo is not available here");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        CliRunner r = run("--summary", fifo.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(reader.get(20, TimeUnit.SECONDS)).contains("\"preset\" : \"gradient-descent\"");
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }

    @Test
    void aReusedOutputDirectoryIsRefusedUntilForcedAndNothingElseIsTouched() throws IOException {
        Path out = dir.resolve("out");
        CliRunner first = run("--out", out.toString(), "--plot");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(PluginFailureTest.AtomicList.of(out)).contains("energy.png", "energy.svg", "summary.json");
        Files.writeString(out.resolve("my-notes.txt"), "keep me");

        CliRunner again = run("--out", out.toString());
        assertThat(again.code()).isEqualTo(Main.USAGE);
        assertThat(again.err()).contains("holds the files of another run", "energy.png", "give --force");
        assertThat(again.out()).isEmpty();

        CliRunner forced = run("--out", out.toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(PluginFailureTest.AtomicList.of(out)).containsExactly(RunDirectory.MANIFEST, "my-notes.txt",
                "summary.json", "trajectory.csv");
    }

    @Test
    void resumeDoesNotOverwriteANewerRunWithAnOldCheckpoint() throws IOException {
        Path out = dir.resolve("out");
        // an interrupted run leaves its checkpoint ...
        CliRunner killed = CliRunner.run("run", "langevin", "--particles", "300", "--steps", "100000000",
                "--every", "50", "--out", out.toString(), "--checkpoint-every", "50", "--timeout", "1s");
        assertThat(killed.code()).as(killed.err()).isEqualTo(Main.TIMED_OUT);
        assertThat(Files.exists(out.resolve("checkpoint.bin"))).isTrue();
        // ... a new run in the same directory is refused, so its results cannot later be replaced by 'resume'
        CliRunner newer = run("--out", out.toString());
        assertThat(newer.code()).isEqualTo(Main.USAGE);
        assertThat(newer.err()).contains("checkpoint.bin");
        // forced, it replaces the old run: there is nothing left to resume, and resume says the new run finished
        assertThat(run("--out", out.toString(), "--force").code()).isZero();
        CliRunner resume = CliRunner.run("resume", out.toString());
        assertThat(resume.code()).as(resume.err()).isZero();
        assertThat(resume.err()).contains("finished", "nothing to resume");
        assertThat(resume.out()).contains("\"gradient-descent\"");
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"gradient-descent\"");
    }

    @Test
    void aSecondProcessOnTheSameDirectoryIsToldWhoHoldsIt() {
        Path out = dir.resolve("busy");
        try (RunDirectory held = RunDirectory.claim(out, "x", RunCommand.OUTPUT_NAMES, false, "--force",
                "varflow resume busy")) {
            assertThat(held.runId()).isNotBlank();
            CliRunner r = run("--out", out.toString());
            assertThat(r.code()).isEqualTo(Main.USAGE);
            assertThat(r.err()).contains("is in use by another varflow process (pid "
                    + ProcessHandle.current().pid() + ", started ", "'varflow resume busy'");
            CliRunner resume = CliRunner.run("resume", out.toString());
            assertThat(resume.err()).contains("is in use by another varflow process");
        }
    }

    @Test
    void aFullDiskLeavesNoOutputsAndPrintsNoSummary() {
        Path out = dir.resolve("full");
        System.setProperty(WriteFaults.PROPERTY, "20000");
        WriteFaults.reset();
        CliRunner r;
        try {
            r = run("--out", out.toString(), "--plot");
        } finally {
            System.clearProperty(WriteFaults.PROPERTY);
        }
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("no space left on device");
        assertThat(r.out()).as("no summary after a failure").isEmpty();
        assertThat(Files.exists(out)).as("no partial plot set, no directory").isFalse();
    }

    @Test
    void aCompareThatCannotWriteEverythingLeavesNothing() throws IOException {
        Path out = dir.resolve("compare-full");
        System.setProperty(WriteFaults.PROPERTY, "20000");
        WriteFaults.reset();
        CliRunner r;
        try {
            r = CliRunner.run("compare", "gradient-descent", "--vary", "dt=0.1,0.05,0.02", "--steps", "200",
                    "--out", out.toString());
        } finally {
            System.clearProperty(WriteFaults.PROPERTY);
        }
        assertThat(r.code()).as(r.err()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("no space left on device");
        assertThat(r.out()).as("no table after a failure").isEmpty();
        try (java.util.stream.Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile).toList()).as("no partial set of outputs").isEmpty();
        }
    }

    @Test
    void aSummaryThatCannotBeWrittenTakesTheOtherOutputsWithIt() {
        assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full here (Linux has it)");
        Path out = dir.resolve("out");
        CliRunner r = run("--out", out.toString(), "--summary", "/dev/full");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("/dev/full: no space left on device");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void newFilesGetTheUmasksPermissions() throws IOException {
        Path reference = Files.createFile(dir.resolve("reference"));
        Path out = dir.resolve("out");
        assertThat(run("--out", out.toString()).code()).isZero();
        String expected = PosixFilePermissions.toString(Files.getPosixFilePermissions(reference));
        for (String f : List.of("summary.json", "trajectory.csv")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(f)))).as(f)
                    .isEqualTo(expected);
        }
    }

    @Test
    void ioFailuresSayWhy() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        CliRunner r = run("--out", file.resolve("sub").toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("not a directory");
        CliRunner s = run("--summary", file.resolve("s.json").toString());
        assertThat(s.code()).isEqualTo(Main.USAGE);
        assertThat(s.err()).contains("s.json: not a directory");
    }
}
