package org.varflow.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs replace regular files atomically, in the target's real directory, and write through everything else:
 * links stay links, pipes and devices receive the content, new files get the umask's permissions.
 */
class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void aRegularFileIsReplacedWholeAndKeepsItsPermissions() throws IOException {
        Path f = dir.resolve("s.json");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        try (AtomicFile a = new AtomicFile(f)) {
            a.writer().write("new");
            assertThat(Files.readString(f)).as("untouched until commit").isEqualTo("old");
            a.commit();
        }
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r-----");
        assertThat(list(dir)).containsExactly("s.json");
    }

    @Test
    void aNewFileGetsTheUmasksPermissionsNotPrivateOnes() throws IOException {
        Path reference = Files.createFile(dir.resolve("reference"));
        AtomicFile.write(dir.resolve("made.json"), "{}");
        Set<PosixFilePermission> made = Files.getPosixFilePermissions(dir.resolve("made.json"));
        assertThat(made).isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void aLinkStaysALinkAndItsTargetIsReplacedInItsOwnDirectory() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path target = Files.writeString(elsewhere.resolve("real.json"), "old");
        Path here = Files.createDirectory(dir.resolve("here"));
        Path link = Files.createSymbolicLink(here.resolve("link.json"), target);
        AtomicFile.write(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(list(here)).containsExactly("link.json");
        assertThat(list(elsewhere)).containsExactly("real.json");
    }

    @Test
    void aDanglingLinkCreatesItsTarget() throws IOException {
        Path target = dir.resolve("made-by-link.json");
        Path link = Files.createSymbolicLink(dir.resolve("dangling.json"), target.getFileName());
        AtomicFile.write(link, "x");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("x");
    }

    @Test
    void aDeviceIsWrittenThroughNotReplaced() {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull), "no /dev/null here");
        AtomicFile.write(devNull, "discarded");
        assertThat(Files.isRegularFile(devNull)).isFalse();
        try (AtomicFile a = new AtomicFile(Path.of("/dev/stdout"))) {
            assertThat(a.writesThrough()).isTrue();
        }
    }

    @Test
    void aPipeReceivesTheContent() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo is not available here");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Path link = Files.createSymbolicLink(dir.resolve("to-pipe"), fifo);
        AtomicFile.write(link, "through the pipe");
        assertThat(reader.get(10, TimeUnit.SECONDS)).isEqualTo("through the pipe");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(list(dir)).containsExactlyInAnyOrder("pipe", "to-pipe");
    }

    @Test
    void failuresSayWhy() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> AtomicFile.write(plain.resolve("s.json"), "{}"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("s.json: not a directory");
        assertThatThrownBy(() -> AtomicFile.write(dir, "{}")).hasMessageContaining(": is a directory");
    }

    @Test
    void anUncommittedFileLeavesNothingNotEvenTheDirectoriesMadeForIt() {
        Path deep = dir.resolve("a/b/c.txt");
        try (AtomicFile a = new AtomicFile(deep)) {
            a.writer().write("half");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(Files.exists(dir.resolve("a"))).isFalse();
    }

    @Test
    void anInjectedFullDiskFailsTheWriteAndLeavesNothing() {
        System.setProperty(WriteFaults.PROPERTY, "10");
        WriteFaults.reset();
        try {
            assertThatThrownBy(() -> AtomicFile.write(dir.resolve("big.txt"), "x".repeat(100_000)))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("big.txt: no space left on device");
        } finally {
            System.clearProperty(WriteFaults.PROPERTY);
        }
        assertThat(list(dir)).isEmpty();
    }

    static java.util.List<String> list(Path d) {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
