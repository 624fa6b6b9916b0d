package org.varflow.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command's outputs appear together or not at all. */
class OutputSetTest {
    @TempDir
    Path dir;

    @Test
    void nothingAppearsBeforeTheCommit() throws IOException {
        Path placed = Files.writeString(dir.resolve("trajectory.csv"), "step\n0\n");
        try (OutputSet set = new OutputSet()) {
            set.adopt(placed);
            set.text(dir.resolve("summary.json"), "{}");
            set.bytes(dir.resolve("energy.png"), new byte[] {1, 2});
            assertThat(Files.exists(dir.resolve("summary.json"))).isFalse();
            assertThat(set.commit()).hasSize(3);
        }
        assertThat(AtomicFileTest.list(dir)).containsExactly("energy.png", "summary.json", "trajectory.csv");
    }

    @Test
    void aFullDiskWhileStagingRemovesEveryFileOfTheSet() throws IOException {
        Path placed = Files.writeString(dir.resolve("trajectory.csv"), "step\n0\n");
        System.setProperty(WriteFaults.PROPERTY, "1000");
        WriteFaults.reset();
        try (OutputSet set = new OutputSet()) {
            set.adopt(placed);
            set.text(dir.resolve("summary.json"), "{}");
            assertThatThrownBy(() -> set.bytes(dir.resolve("energy.png"), new byte[5000]))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("no space left on device");
        } finally {
            System.clearProperty(WriteFaults.PROPERTY);
        }
        assertThat(AtomicFileTest.list(dir)).isEmpty();
    }

    @Test
    void aPipeThatCannotTakeTheSummaryUndoesTheFilesAlreadyInPlace() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "no /dev/full here (Linux has it)");
        try (OutputSet set = new OutputSet()) {
            set.text(dir.resolve("summary.json"), "{}");
            set.text(full, "{}");
            assertThatThrownBy(set::commit).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("/dev/full: no space left on device");
        }
        assertThat(AtomicFileTest.list(dir)).isEmpty();
    }

    @Test
    void directoriesMadeForTheSetAndOutputsOfOtherWritersGoWithIt() throws IOException {
        Path made = dir.resolve("demo-heat").resolve("heat-1");
        Path kept = Files.createDirectory(dir.resolve("kept"));
        Path engines = Files.createDirectory(dir.resolve("runs.parquet"));
        try (OutputSet set = new OutputSet()) {
            set.directory(kept);
            set.directory(made);
            set.adopt(Files.writeString(made.resolve("trajectory.csv"), "step\n0\n"));
            set.text(dir.resolve("demo-heat").resolve("heat.svg"), "<svg/>");
            set.onDiscard(() -> delete(engines));
        }
        assertThat(AtomicFileTest.list(dir)).as("made and emptied, or another writer's: removed; already there: kept")
                .containsExactly("kept");
    }

    @Test
    void aCommittedSetKeepsItsDirectoriesAndOtherWritersOutputs() throws IOException {
        Path made = dir.resolve("sweep");
        Path engines = Files.createDirectory(dir.resolve("runs.parquet"));
        try (OutputSet set = new OutputSet()) {
            set.directory(made);
            set.onDiscard(() -> delete(engines));
            set.text(made.resolve("runs.csv"), "run\n0\n");
            set.commit();
        }
        assertThat(AtomicFileTest.list(dir)).containsExactly("runs.parquet", "sweep");
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
