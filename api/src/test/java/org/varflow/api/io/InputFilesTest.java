package org.varflow.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.api.ConfigurationException;

/** Inputs are bounded by the bytes read, and a pipe without a writer is refused instead of hanging. */
class InputFilesTest {
    @TempDir
    Path dir;

    @AfterEach
    void resetTimeout() {
        System.clearProperty(InputFiles.TIMEOUT_PROPERTY);
    }

    @Test
    void aRegularFileIsReadWhole() throws IOException {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "hello");
        assertThat(new String(InputFiles.readAll(f, 5, "text"), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThatThrownBy(() -> InputFiles.readAll(f, 4, "text")).isInstanceOf(ConfigurationException.class)
                .hasMessage("text " + f + " is larger than 4 bytes, the most read from such an input");
    }

    @Test
    void aDeviceIsBoundedByTheBytesRead() {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero on this system");
        long start = System.nanoTime();
        assertThatThrownBy(() -> InputFiles.readAll(Path.of("/dev/zero"), 1 << 20, "spec file"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("spec file /dev/zero is larger than 1 MiB, the most read from such an input");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
    }

    @Test
    void missingFilesAndDirectoriesSayWhy() {
        assertThatThrownBy(() -> InputFiles.readAll(dir.resolve("none.csv"), 10, "data file"))
                .hasMessage("cannot read data file " + dir.resolve("none.csv") + ": no such file or directory");
        assertThatThrownBy(() -> InputFiles.readAll(dir, 10, "data file"))
                .hasMessage("data file " + dir + " is a directory; give a file");
        Path plain = dir.resolve("plain");
        assertThatThrownBy(() -> {
            Files.writeString(plain, "x");
            InputFiles.readAll(plain.resolve("below"), 10, "data file");
        }).hasMessageContaining(": not a directory");
    }

    @Test
    void aPipeWithoutAWriterIsRefusedAfterTheTimeout() throws Exception {
        Path fifo = mkfifo("lonely");
        System.setProperty(InputFiles.TIMEOUT_PROPERTY, "300");
        long start = System.nanoTime();
        assertThatThrownBy(() -> InputFiles.readAll(fifo, 100, "data file"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("data file " + fifo + " is a pipe or device that nothing writes to");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(250L, 5000L);
    }

    @Test
    void aPipeWithAWriterIsRead() throws Exception {
        Path fifo = mkfifo("fed");
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write("1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        CsvTable t = CsvTable.read(fifo);
        writer.join();
        assertThat(t.values()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertThat(InputFiles.size(1)).isEqualTo("1 byte");
        assertThat(InputFiles.size(1000)).isEqualTo("1000 bytes");
        assertThat(InputFiles.size(4096)).isEqualTo("4 KiB");
        assertThat(InputFiles.size(256L << 20)).isEqualTo("256 MiB");
    }

    private Path mkfifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available here: " + e.getMessage());
            throw e;
        }
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed here");
        return fifo;
    }
}
