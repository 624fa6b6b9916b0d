package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.varflow.Varflow;
import org.varflow.api.FlowSpec;
import org.varflow.core.run.RunControl;

/**
 * The observers plugins contribute (mass, moments, free energy, KL and W2 to Gibbs, training loss) are
 * {@link org.varflow.api.StatefulObserver}s: a run stopped after its first checkpoint and resumed reports exactly what
 * the uninterrupted run reports, histories included.
 */
class ObserversSurviveResumeTest {
    private static final Varflow VARFLOW = Varflow.discover();

    @ParameterizedTest
    @ValueSource(strings = {"fokker-planck", "particle-fokker-planck", "jko", "mean-field-network", "heat"})
    void aResumedRunReportsWhatTheWholeRunReports(String preset, @TempDir Path dir) {
        FlowSpec spec = VARFLOW.registry().preset(preset).spec().withSteps(60).withEvery(5);
        var straight = VARFLOW.run(spec, new RunControl(1), null);
        assertThat(straight.summary().observers()).as(preset + " has contributed observers").isNotEmpty();

        Path checkpoint = dir.resolve("checkpoint.bin");
        RunControl first = new RunControl(1);
        first.checkpointEvery(20, state -> first.requestStop());
        var stopped = VARFLOW.run(VARFLOW.assemble(spec), first, null, checkpoint, 20);
        assertThat(stopped.summary().diagnostics().stoppedEarly()).isTrue();
        assertThat(Files.exists(checkpoint)).isTrue();

        var resumed = VARFLOW.resume(checkpoint, new RunControl(1), null, 0);
        Map<String, Object> whole = straight.summary().toMap();
        Map<String, Object> again = resumed.summary().toMap();
        assertThat(again.get("observers")).as(preset).isEqualTo(whole.get("observers"));
        assertThat(again.get("state")).isEqualTo(whole.get("state"));
    }
}
