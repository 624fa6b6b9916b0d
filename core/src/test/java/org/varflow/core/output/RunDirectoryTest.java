package org.varflow.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.api.ConfigurationException;

/** An output directory belongs to one run: others' files are refused or replaced, a second process is refused. */
class RunDirectoryTest {
    private static final Set<String> OUTPUTS = Set.of("summary.json", "trajectory.csv", "checkpoint.bin",
            "energy.png");

    @TempDir
    Path dir;

    @Test
    void aNewDirectoryIsMadeAndRemovedAgainWhenTheRunFails() {
        Path out = dir.resolve("new");
        try (RunDirectory run = claim(out, false)) {
            assertThat(run.runId()).isNotBlank();
            assertThat(Files.isRegularFile(out.resolve(RunDirectory.MANIFEST))).isTrue();
            assertThat(Files.isRegularFile(out.resolve(RunDirectory.LOCK))).isTrue();
        }
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void anotherRunsFilesAreRefusedThenReplacedButNothingElse() throws IOException {
        Path out = Files.createDirectory(dir.resolve("used"));
        Files.writeString(out.resolve("checkpoint.bin"), "old");
        Files.writeString(out.resolve(".summary.json.1a2b.partial"), "half");
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> claim(out, false)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("holds the files of another run (.summary.json.1a2b.partial, checkpoint.bin)")
                .hasMessageContaining("give --force to replace them");
        assertThat(AtomicFileTest.list(out)).as("nothing touched")
                .containsExactly(".summary.json.1a2b.partial", "checkpoint.bin", "notes.txt");
        try (RunDirectory run = claim(out, true)) {
            Path summary = out.resolve("summary.json");
            AtomicFile.write(summary, "{}");
            run.record(summary);
            run.finish();
        }
        assertThat(AtomicFileTest.list(out)).containsExactly(RunDirectory.MANIFEST, "notes.txt", "summary.json");
        assertThat(Files.readString(out.resolve(RunDirectory.MANIFEST))).contains("\"summary.json\"");
        assertThatThrownBy(() -> claim(out, false)).hasMessageContaining("summary.json");
    }

    @Test
    void aSecondProcessIsToldWhoHoldsTheDirectory() {
        Path out = dir.resolve("busy");
        try (RunDirectory first = claim(out, false)) {
            assertThat(first.runId()).isNotBlank();
            assertThatThrownBy(() -> RunDirectory.resume(out, "varflow resume busy"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("is in use by another varflow process (pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("'varflow run test'");
            assertThatThrownBy(() -> claim(out, true)).hasMessageContaining("is in use");
        }
    }

    @Test
    void resumeAcceptsOnlyTheRunsOwnCheckpoint() throws IOException {
        Path out = dir.resolve("resumable");
        String id;
        try (RunDirectory run = claim(out, false)) {
            id = run.runId();
            Path checkpoint = Files.writeString(out.resolve("checkpoint.bin"), "state");
            run.record(checkpoint);
            run.abandon(checkpoint);
        }
        assertThat(AtomicFileTest.list(out)).containsExactly(RunDirectory.MANIFEST, "checkpoint.bin");
        Files.writeString(out.resolve(".trajectory.csv.99.partial"), "left by a killed process");
        try (RunDirectory again = RunDirectory.resume(out, "varflow resume")) {
            assertThat(again.runId()).isEqualTo(id);
            assertThat(AtomicFileTest.list(out)).doesNotContain(".trajectory.csv.99.partial");
            Path ckpt = out.resolve("checkpoint.bin");
            again.checkCheckpoint(id, "digest", ckpt);
            assertThatThrownBy(() -> again.checkCheckpoint("someone-else", "digest", ckpt))
                    .hasMessageContaining("was written by another run");
            assertThatThrownBy(() -> again.checkCheckpoint(id, "changed", ckpt))
                    .hasMessageContaining("records a spec other than the one the run started with");
            again.abandon(ckpt);
        }
        assertThatThrownBy(() -> RunDirectory.resume(dir, "varflow resume"))
                .hasMessageContaining("records no run");
    }

    private static RunDirectory claim(Path out, boolean replace) {
        return RunDirectory.claim(out, "digest", OUTPUTS, replace, "--force", "varflow run test");
    }
}
