package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run that finishes but whose own diagnostics say it failed its job is not silent: the summary lists warnings and
 * stderr repeats them (unless --quiet); a run that did its job has no "warnings" key at all.
 */
class RunWarningsTest {
    private static JsonNode summary(CliRunner r) throws Exception {
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // SGD with too large a step: E grows by ~200 orders of magnitude, yet no coordinate overflows
        "sgd, dt 1|run sgd --dt 1 --steps 50|the energy rose from 207.2 to",
        // Gradient descent just above the stability limit 2/4: slow growth, no overflow in 40 steps
        "gradient descent, dt 0.6|run gradient-descent --dt 0.6 --steps 40|a method meant to lower it",
        // MALA with a huge step rejects everything: acceptance 0, no particle moves
        "mala, dt 50|run mala --dt 50 --particles 300 --steps 100|accepted 0.0% of its proposals",
        "mala never moved|run mala --dt 50 --particles 300 --steps 100|no particle moved from its starting point",
    })
    void aRunThatFailedItsJobSaysSo(String what, String command, String warning) throws Exception {
        CliRunner r = CliRunner.run(command.split(" "));
        JsonNode s = summary(r);
        assertThat(s.get("warnings").toString()).as(what).contains(warning);
        assertThat(r.err()).contains("varflow: warning: ").contains(warning);
        CliRunner quiet = CliRunner.run((command + " -q").split(" "));
        assertThat(quiet.err()).isEmpty();
        assertThat(summary(quiet).get("warnings").toString()).contains(warning);
    }

    @Test
    void aRunThatDidItsJobHasNoWarnings() throws Exception {
        for (String command : new String[] {"run gradient-descent --steps 100", "run mala --particles 300 --steps 100",
            "run langevin --particles 300 --steps 50", "run sgd --steps 50"}) {
            CliRunner r = CliRunner.run(command.split(" "));
            assertThat(summary(r).has("warnings")).as(command).isFalse();
            assertThat(r.err()).as(command).doesNotContain("warning");
        }
    }
}
