package org.varflow.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.varflow.Varflow;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.core.run.RunControl;
import org.varflow.core.run.RunState;
import org.varflow.core.testing.Flows;

/**
 * A checkpoint is not trusted: every byte is covered by its SHA-256, so a flipped bit anywhere (a random stream's
 * state, a state, the spec, the header), a truncation or an appended byte is refused; a checkpoint rewritten with a
 * valid checksum but fields that do not fit together or do not fit the run is refused by name. Only the untouched
 * checkpoint resumes, to the uninterrupted run's result.
 */
class CheckpointIntegrityTest {
    /** 300 particles = 2 blocks, Langevin: random streams, an observer state (the CSV) and states. */
    private static final FlowSpec SPEC = Flows.langevin(2, "1,-1", 2.0, 300, 60, 0.01, 9L).withEvery(5);

    @TempDir
    static Path dir;
    private static Path original;
    private static byte[] bytes;
    private static Varflow varflow;

    /** Thrown right after a checkpoint was written: the process "dies" there. */
    private static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @BeforeAll
    static void writeACheckpoint() throws Exception {
        if (bytes != null) {
            return;
        }
        varflow = Flows.varflow();
        Path where = Files.createTempDirectory("varflow-ckpt");
        where.toFile().deleteOnExit();
        original = where.resolve("run.ckpt");
        RunControl dying = new RunControl(1).checkpointEvery(20, state -> {
            throw new Crash();
        });
        assertThatThrownBy(() -> varflow.run(varflow.assemble(SPEC), dying, where.resolve("t.csv"), original, 20))
                .isInstanceOf(Crash.class);
        bytes = Files.readAllBytes(original);
    }

    static Stream<Arguments> positions() throws Exception {
        writeACheckpoint();
        List<Arguments> out = new ArrayList<>();
        // every third byte of the header and spec, then a stride through states, streams, observers, the trailer
        IntStream.range(0, Math.min(400, bytes.length)).filter(i -> i % 3 == 0).forEach(i -> out.add(Arguments.of(i)));
        for (int i = 400; i < bytes.length - 40; i += Math.max(1, bytes.length / 150)) {
            out.add(Arguments.of(i));
        }
        IntStream.range(bytes.length - 40, bytes.length).forEach(i -> out.add(Arguments.of(i)));
        return out.stream();
    }

    @ParameterizedTest(name = "byte {0}")
    @MethodSource("positions")
    void oneFlippedBitAnywhereIsRefused(int position) throws Exception {
        byte[] copy = bytes.clone();
        copy[position] ^= 0x10;
        Path damaged = dir.resolve("flipped-" + position + ".ckpt");
        Files.write(damaged, copy);
        assertThatThrownBy(() -> varflow.resume(damaged, new RunControl(1), null, 0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageMatching("(?s).*(is damaged: its SHA-256 checksum does not match|is not a varflow"
                        + " checkpoint|was written by an older varflow).*");
    }

    @Test
    void truncatedOrExtendedIsRefused() throws Exception {
        for (int keep : new int[] {0, 7, 8, 39, 40, 100, bytes.length / 2, bytes.length - 1}) {
            Path cut = dir.resolve("cut-" + keep + ".ckpt");
            Files.write(cut, java.util.Arrays.copyOf(bytes, keep));
            assertThatThrownBy(() -> Checkpoint.read(cut)).as("%d bytes kept", keep)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageMatching("(?s).*(truncated|damaged|not a varflow checkpoint).*");
        }
        Path longer = dir.resolve("longer.ckpt");
        Files.write(longer, java.util.Arrays.copyOf(bytes, bytes.length + 1));
        assertThatThrownBy(() -> Checkpoint.read(longer)).hasMessageContaining("damaged");
    }

    static Stream<Arguments> edits() {
        return Stream.of(
                edit("a negative dt", s -> state(s, s.step(), s.time(), -s.dt(), s.halvings()), "dt = -0.01"),
                edit("a doubled dt", s -> state(s, s.step(), s.time(), 2 * s.dt(), s.halvings()),
                        "is not the spec's dt"),
                edit("halvings without a halved dt", s -> state(s, s.step(), s.time(), s.dt(), 2),
                        "halved 2 times"),
                edit("a step count past the end", s -> state(s, 600, s.time(), s.dt(), 0), "step count 600"),
                edit("a step count that does not fit the time", s -> state(s, s.step() + 7, s.time(), s.dt(), 0),
                        "does not fit 27 steps"),
                edit("a time past the end", s -> state(s, s.step(), 0.9, s.dt(), 0), "not before the run's end"),
                edit("no step at all", s -> state(s, 0, s.time(), s.dt(), 0), "step count 0"),
                edit("a NaN state", s -> new RunState(s.step(), s.time(), s.dt(), 0, nan(s.states()), s.auxiliary(),
                        s.streams()), "state value 3 is NaN"),
                edit("a missing particle", s -> new RunState(s.step(), s.time(), s.dt(), 0,
                        java.util.Arrays.copyOf(s.states(), s.states().length - 2), s.auxiliary(), s.streams()),
                        "598 state values"),
                edit("a missing stream", s -> new RunState(s.step(), s.time(), s.dt(), 0, s.states(), s.auxiliary(),
                        new byte[][] {s.streams()[0]}), "1 random streams"),
                edit("a short stream state", s -> new RunState(s.step(), s.time(), s.dt(), 0, s.states(),
                        s.auxiliary(), new byte[][] {s.streams()[0], new byte[3]}), "random stream 1"));
    }

    private static Arguments edit(String what, UnaryOperator<RunState> change, String message) {
        return Arguments.of(what, change, message);
    }

    private static RunState state(RunState s, long step, double time, double dt, int halvings) {
        return new RunState(step, time, dt, halvings, s.states(), s.auxiliary(), s.streams());
    }

    private static double[] nan(double[] v) {
        double[] c = v.clone();
        c[3] = Double.NaN;
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void aRewrittenHeaderThatDoesNotFitIsRefusedByName(String what, UnaryOperator<RunState> change, String message) {
        Checkpoint c = Checkpoint.read(original);
        Path edited = dir.resolve("edited.ckpt");
        new Checkpoint(c.runId(), c.specJson(), change.apply(c.state()), c.observers()).write(edited);
        assertThatThrownBy(() -> varflow.resume(edited, new RunControl(1), null, 0)).as(what)
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("does not fit")
                .hasMessageContaining(message);
    }

    @Test
    void theUntouchedCheckpointResumesToTheUninterruptedResult() throws Exception {
        Varflow.Outcome straight = varflow.run(SPEC, new RunControl(1), dir.resolve("straight.csv"));
        Path copy = dir.resolve("copy.ckpt");
        Files.write(copy, bytes);
        Varflow.Outcome resumed = varflow.resume(copy, new RunControl(2), dir.resolve("resumed.csv"), 0);
        assertThat(resumed.result().states()).isEqualTo(straight.result().states());
        assertThat(Checkpoint.read(original).runId()).isNotBlank();
    }

    @Test
    void aCheckpointOfTheOldFormatIsRefusedWithTheReason() throws Exception {
        byte[] old = bytes.clone();
        old[7] = 1;
        Path f = dir.resolve("old.ckpt");
        Files.write(f, old);
        assertThatThrownBy(() -> Checkpoint.read(f)).hasMessageContaining("older varflow (format 1");
    }
}
