package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input suite for output paths: {@code --summary FILE} and {@code --out DIR} pointing at links, dangling
 * links, devices, pipes, directories, files in the way, names too long for the file system, names with escape
 * sequences. Each run succeeds or fails with one message (exit 2) naming the path and the reason; a link stays a link,
 * a device or pipe is never replaced by a regular file, and a failure leaves no file behind and prints no summary.
 */
class HostileOutputPathTest {
    @TempDir
    Path dir;

    /** What a case builds in its directory before the run; returns the path to give. */
    interface Setup {
        Path make(Path dir) throws Exception;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("summary: a new file", "--summary", (Setup) (Path d) -> d.resolve("s.json"), 0),
                Arguments.of("summary: a link to a file", "--summary", (Setup) (Path d) -> Files.createSymbolicLink(
                        d.resolve("link.json"), Files.writeString(d.resolve("real.json"), "old")), 0),
                Arguments.of("summary: a dangling link", "--summary", (Setup) (Path d) -> Files.createSymbolicLink(
                        d.resolve("dangling.json"), d.resolve("made.json")), 0),
                Arguments.of("summary: a link to a link", "--summary", (Setup) (Path d) -> Files.createSymbolicLink(
                        d.resolve("l2"), Files.createSymbolicLink(d.resolve("l1"), Files.writeString(
                                d.resolve("end.json"), ""))), 0),
                Arguments.of("summary: a link loop", "--summary", (Setup) (Path d) -> {
                    Files.createSymbolicLink(d.resolve("a"), d.resolve("b"));
                    return Files.createSymbolicLink(d.resolve("b"), d.resolve("a"));
                }, Main.USAGE),
                Arguments.of("summary: /dev/null", "--summary", (Setup) (Path d) -> Path.of("/dev/null"), 0),
                Arguments.of("summary: a link to /dev/null", "--summary", (Setup) (Path d) -> Files.createSymbolicLink(
                        d.resolve("null.json"), Path.of("/dev/null")), 0),
                Arguments.of("summary: /dev/full", "--summary", (Setup) (Path d) -> Path.of("/dev/full"), Main.USAGE),
                Arguments.of("summary: a directory", "--summary", (Setup) (Path d) -> Files.createDirectory(
                        d.resolve("adir")), Main.USAGE),
                Arguments.of("summary: under a file", "--summary", (Setup) (Path d) -> Files.writeString(d.resolve("f"),
                        "x").resolve("s.json"), Main.USAGE),
                Arguments.of("summary: a name too long", "--summary", (Setup) (Path d) -> d.resolve("n".repeat(300)),
                        Main.USAGE),
                Arguments.of("summary: an escape sequence in the name", "--summary", (Setup) (Path d) -> d.resolve(
                        "\u001b[31mred\u0007.json"), 0),
                Arguments.of("summary: /dev/stdout", "--summary", (Setup) (Path d) -> Path.of("/dev/stdout"), 0),
                Arguments.of("out: a new directory", "--out", (Setup) (Path d) -> d.resolve("new/deeper"), 0),
                Arguments.of("out: a file", "--out", (Setup) (Path d) -> Files.writeString(d.resolve("plain"), "x"),
                        Main.USAGE),
                Arguments.of("out: under a file", "--out", (Setup) (Path d) -> Files.writeString(
                        d.resolve("plain2"), "x")
                        .resolve("sub"), Main.USAGE),
                Arguments.of("out: a link to a directory", "--out", (Setup) (Path d) -> Files.createSymbolicLink(
                        d.resolve("outlink"), Files.createDirectory(d.resolve("realout"))), 0),
                Arguments.of("out: a name too long", "--out", (Setup) (Path d) -> d.resolve("o".repeat(300)),
                        Main.USAGE),
                Arguments.of("out: /dev/null", "--out", (Setup) (Path d) -> Path.of("/dev/null"), Main.USAGE),
                Arguments.of("out: a device's child", "--out", (Setup) (Path d) -> Path.of("/dev/null/out"),
                        Main.USAGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputsGoWhereTheyShouldOrNowhere(String what, String option, Setup setup, int expected) throws Exception {
        Path target = setup.make(dir);
        assumeTrue(!target.startsWith("/dev") || Files.exists(target) || target.startsWith("/dev/null/"),
                target + " is not on this system");
        boolean wasLink = Files.isSymbolicLink(target);
        boolean wasSpecial = Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target);
        List<String> before = HostileChecks.names(dir);
        CliRunner r = CliRunner.run("run", "gradient-descent", "--steps", "20", "--every", "5", option,
                target.toString());
        HostileChecks.endsCleanly(r, Main.USAGE);
        assertThat(r.code()).as("%s: %s", what, r.err()).isEqualTo(expected);
        if (wasLink) {
            assertThat(Files.isSymbolicLink(target)).as("a link stays a link").isTrue();
        }
        if (wasSpecial) {
            assertThat(Files.isRegularFile(target)).as("a device or pipe is not replaced").isFalse();
        }
        if (r.code() != 0) {
            assertThat(r.err()).containsPattern("not a directory|is a directory|name too long|no space left"
                    + "|exists and is not a directory|too many levels|loop|file name");
            assertThat(HostileChecks.names(dir)).as("nothing left behind").isEqualTo(before);
        }
        assertThat(HostileChecks.names(dir)).as("no partial files").noneMatch(n -> n.endsWith(".partial"));
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aPipeWithAReaderGetsTheSummaryAndStaysAPipe() throws Exception {
        Path fifo = dir.resolve("p");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo is not available");
        var reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CliRunner r = CliRunner.run("run", "gradient-descent", "--steps", "20", "--summary", fifo.toString());
        HostileChecks.endsCleanly(r);
        assertThat(reader.get(20, TimeUnit.SECONDS)).contains("\"steps\" : 20");
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }
}
