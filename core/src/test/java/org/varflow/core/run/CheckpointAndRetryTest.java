package org.varflow.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.varflow.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.NumericalException;
import org.varflow.api.PartKind;
import org.varflow.Varflow;
import org.varflow.core.testing.Flows;

class CheckpointAndRetryTest {

    /** Thrown right after a checkpoint was written: the process "dies" there. */
    private static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aCrashedRunResumedFromItsCheckpointEndsBitwiseIdentical(@TempDir Path dir) throws Exception {
        // 700 particles = 3 blocks with their own streams; 120 steps observed every 7, checkpoints every 25.
        FlowSpec spec = Flows.langevin(2, "1,-1", 2.0, 700, 120, 0.01, 5L).withEvery(7);
        Varflow varflow = Flows.varflow();
        Varflow.Outcome straight = varflow.run(spec, new RunControl(2), dir.resolve("straight.csv"));

        Path checkpoint = dir.resolve("run.ckpt");
        Path csv = dir.resolve("resumed.csv");
        int[] calls = {0};
        RunControl dying = new RunControl(1).checkpointEvery(25, state -> {
            if (++calls[0] == 3) {
                throw new Crash();
            }
        });
        assertThatThrownBy(() -> varflow.run(varflow.assemble(spec), dying, csv, checkpoint, 25))
                .isInstanceOf(Crash.class);
        assertThat(Files.exists(csv)).as("no CSV from the crashed run").isFalse();
        assertThat(Files.exists(checkpoint)).isTrue();

        Varflow.Outcome resumed = varflow.resume(checkpoint, new RunControl(3), csv, 25);
        assertThat(resumed.result().states()).isEqualTo(straight.result().states());
        assertThat(withoutWallTime(resumed.summary())).isEqualTo(withoutWallTime(straight.summary()));
        assertThat(Files.readString(csv)).isEqualTo(Files.readString(dir.resolve("straight.csv")));
        assertThat(Files.exists(checkpoint)).as("removed once the run completed").isFalse();
    }

    @Test
    void resumeRefusesAMissingOrDamagedCheckpoint(@TempDir Path dir) throws Exception {
        Varflow varflow = Flows.varflow();
        assertThatThrownBy(() -> varflow.resume(dir.resolve("none.ckpt"), new RunControl(1), null, 0))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no checkpoint");
        Path junk = dir.resolve("junk.ckpt");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertThatThrownBy(() -> varflow.resume(junk, new RunControl(1), null, 0))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not a varflow checkpoint");
    }

    @Test
    void halvingRescuesADeterministicRunThatWouldDiverge() {
        // A = diag(1, 100): Euler needs h < 2/100. With h = 0.05 the stiff mode grows by |1 - 5| = 4 per step and
        // overflows; halving to 0.0125 (two halvings: 0.025 is still unstable at |1 - 2.5| = 1.5) makes it
        // stable. The run then reaches t = 20, where the slow mode has decayed by e^-20 < 1e-8.
        FlowSpec spec = Flows.quadratic(2, "1,1", 400, 0.05).withParam(PartKind.ENERGY, "diag", "1,100");
        Varflow varflow = Flows.varflow();
        assertThatThrownBy(() -> varflow.run(spec, new RunControl(1), null))
                .isInstanceOf(NumericalException.class);
        Varflow.Outcome rescued = varflow.run(spec, new RunControl(1).onDivergence(RunControl.OnDivergence.HALVE),
                null);
        Map<String, Object> scheme = rescued.summary().scheme().entries();
        assertThat((Double) scheme.get("dtHalvings")).isEqualTo(2.0);
        assertThat((Double) scheme.get("finalDt")).isEqualTo(0.0125);
        assertThat(rescued.result().time()).isCloseTo(20.0, within(1e-12));
        double[] x = rescued.summary().state().mean();
        assertThat(x[0]).isCloseTo(0.0, within(1e-8));
        assertThat(x[1]).isCloseTo(0.0, within(1e-8));
    }

    @Test
    void halvingIsRefusedForStochasticFlows() {
        FlowSpec spec = Flows.langevin(1, "1", 1.0, 10, 10, 0.01, 1L);
        assertThatThrownBy(() -> Flows.varflow().run(spec,
                new RunControl(1).onDivergence(RunControl.OnDivergence.HALVE), null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("deterministic");
    }

    private static Map<String, Object> withoutWallTime(RunSummary summary) {
        Map<String, Object> copy = new LinkedHashMap<>(summary.toMap());
        copy.remove("wallSeconds");
        return copy;
    }
}
