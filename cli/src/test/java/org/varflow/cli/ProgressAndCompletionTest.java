package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress bar stays silent without a terminal and draws (then erases) itself when asked to; completion. */
class ProgressAndCompletionTest {

    @Test
    void noProgressOutputWithoutATerminal() {
        assumeTrue(System.console() == null, "the tests run without a terminal");
        assertThat(Progress.wanted(false)).isFalse();
        // long enough (> 1 s) that a bar would be drawn on a terminal
        CliRunner r = CliRunner.run("run", "langevin", "--particles", "20000", "--steps", "400");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).doesNotContain("\r", "ETA", "steps/s");
    }

    @Test
    void quietSilencesTheBarEvenOnATerminal() {
        assertThat(Progress.wanted(true)).isFalse();
    }

    @Test
    void theBarShowsStepsRateAndTimeLeftAndIsErasedAtTheEnd() throws Exception {
        StringWriter text = new StringWriter();
        PrintWriter err = new PrintWriter(text, true);
        AtomicLong done = new AtomicLong();
        Progress bar = Progress.startNow(done::get, 1000, "langevin", err);
        for (int i = 0; i < 5; i++) {
            done.addAndGet(100);
            Thread.sleep(Progress.INTERVAL_MILLIS);
        }
        Thread.sleep(2 * Progress.INTERVAL_MILLIS);
        bar.close();
        String s = text.toString();
        assertThat(s).contains("\rlangevin [", "/1000 steps", "steps/s", "ETA ");
        assertThat(s).endsWith("\r"); // erased
        assertThat(s.substring(s.lastIndexOf('\r', s.length() - 2) + 1).trim()).isEmpty();
        StringWriter none = new StringWriter();
        Progress off = Progress.start(done::get, 1000, "x", new PrintWriter(none), false);
        Thread.sleep(3 * Progress.INTERVAL_MILLIS);
        off.close();
        assertThat(none.toString()).isEmpty();
    }

    @Test
    void barText() {
        assertThat(Progress.line("run", 500, 1000, 2.0)).startsWith("run [").contains(" 50%", "500/1000 steps",
                "250 steps/s", "ETA 0:02");
        assertThat(Progress.line("run", 0, 1000, 0.5)).contains("ETA ?");
    }

    @Test
    void completionScriptCoversTheSubcommands() {
        CliRunner r = CliRunner.run("completion");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).hasSizeGreaterThan(1000).contains("complete -F", "varflow", "compare", "spec", "run",
                "--plot", "--report");
    }

    @Test
    void everySubcommandHasHelpWithExamples() {
        for (String cmd : new String[] {"list", "explain", "run", "resume", "spec", "compare", "completion"}) {
            CliRunner help = CliRunner.run(cmd, "--help");
            assertThat(help.code()).as(cmd).isZero();
            assertThat(help.out()).as(cmd).contains("Usage: varflow " + cmd, "Examples:");
        }
    }
}
