package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.varflow.Varflow;

/**
 * The command is a shell over the Java API: {@code varflow run PRESET ...} prints exactly
 * {@code varflow.preset(PRESET)...run().toJson()}, the wall time aside.
 */
class JavaApiMatchesCliTest {
    private static final Varflow VARFLOW = Varflow.discover();

    @ParameterizedTest
    @ValueSource(strings = {"langevin", "gradient-descent", "underdamped-langevin", "fokker-planck", "mala"})
    void theCommandPrintsWhatTheApiReturns(String preset) {
        CliRunner cli = CliRunner.run("run", preset, "--steps", "12", "--particles", "3", "--seed", "5",
                "--threads", "2", "-q");
        assertThat(cli.code()).as(cli.err()).isZero();
        String api = VARFLOW.preset(preset).steps(12).particles(3).seed(5).threads(2).run().toJson();
        assertThat(withoutWallTime(cli.out())).isEqualTo(withoutWallTime(api));
    }

    private static String withoutWallTime(String json) {
        return json.replaceAll("\"wallSeconds\" : [0-9.eE+-]+", "\"wallSeconds\" : 0");
    }
}
