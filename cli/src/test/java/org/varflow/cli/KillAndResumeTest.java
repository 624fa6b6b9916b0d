package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process is killed with SIGKILL after it wrote a checkpoint; {@code varflow resume} then finishes the run,
 * which must end bitwise-identical to an uninterrupted run of the same spec (the summary apart from its wall time,
 * and the whole trajectory CSV).
 */
class KillAndResumeTest {
    private static final String[] RUN = {"run", "langevin", "--energy", "double-well", "--particles", "20000",
        "--steps", "3000", "--every", "200", "--seed", "77"};

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void killedRunResumesToTheSameResult(@TempDir Path dir) throws Exception {
        Path killed = dir.resolve("killed");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(RUN));
        cmd.addAll(List.of("--threads", "2", "--out", killed.toString(), "--checkpoint-every", "400", "--summary",
                dir.resolve("never.json").toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        Path checkpoint = killed.resolve("checkpoint.bin");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(checkpoint) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(child.isAlive()).as("the run is still going when killed; log: %s",
                Files.exists(dir.resolve("child.log")) ? Files.readString(dir.resolve("child.log")) : "").isTrue();
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(killed.resolve("summary.json"))).isFalse();
        assertThat(Files.exists(killed.resolve("trajectory.csv"))).isFalse();
        assertThat(Files.exists(checkpoint)).isTrue();

        CliRunner resumed = CliRunner.run("resume", killed.toString(), "--threads", "1");
        assertThat(resumed.code()).as(resumed.err()).isZero();

        Path straight = dir.resolve("straight");
        List<String> args = new ArrayList<>(List.of(RUN));
        args.addAll(List.of("--threads", "2", "--out", straight.toString(), "--summary",
                dir.resolve("straight.json").toString()));
        CliRunner uninterrupted = CliRunner.run(args.toArray(new String[0]));
        assertThat(uninterrupted.code()).as(uninterrupted.err()).isZero();

        ObjectMapper json = new ObjectMapper();
        ObjectNode a = (ObjectNode) json.readTree(Files.readString(killed.resolve("summary.json")));
        ObjectNode b = (ObjectNode) json.readTree(Files.readString(straight.resolve("summary.json")));
        a.remove("wallSeconds");
        b.remove("wallSeconds");
        assertThat(a).isEqualTo(b);
        assertThat(Files.readString(killed.resolve("trajectory.csv")))
                .isEqualTo(Files.readString(straight.resolve("trajectory.csv")));
        assertThat(Files.exists(checkpoint)).as("removed after the resumed run completed").isFalse();
    }

    @Test
    void resumeWithoutACheckpointIsAUsageError(@TempDir Path dir) {
        CliRunner r = CliRunner.run("resume", dir.toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("no checkpoint");
        CliRunner bad = CliRunner.run("run", "langevin", "--checkpoint-every", "10");
        assertThat(bad.code()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).contains("--out DIR");
    }

    @Test
    void resumingAFinishedRunSaysSoAndPrintsItsSummary(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("done");
        CliRunner run = CliRunner.run("run", "langevin", "--particles", "500", "--steps", "300", "--out",
                out.toString(), "--checkpoint-every", "100", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(out.resolve("checkpoint.bin")).doesNotExist();
        CliRunner resumed = CliRunner.run("resume", out.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("finished", "300 steps", "nothing to resume");
        assertThat(resumed.out()).isEqualTo(Files.readString(out.resolve("summary.json")));
        // a run stopped early without checkpoints cannot be resumed: said, not guessed
        Files.writeString(out.resolve("summary.json"), Files.readString(out.resolve("summary.json"))
                .replace("\"stoppedEarly\" : false", "\"stoppedEarly\" : true"));
        CliRunner stopped = CliRunner.run("resume", out.toString());
        assertThat(stopped.code()).isEqualTo(Main.USAGE);
        assertThat(stopped.err()).contains("stopped early", "--checkpoint-every");
    }

    @Test
    void halvePolicyFromTheCommandLine() {
        CliRunner r = CliRunner.run("run", "gradient-descent", "--dt", "0.6", "--steps", "2000", "--on-divergence",
                "halve");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"dtHalvings\" : 1.0");
        CliRunner refused = CliRunner.run("run", "langevin", "--on-divergence", "halve");
        assertThat(refused.code()).isEqualTo(Main.USAGE);
        CliRunner bad = CliRunner.run("run", "langevin", "--on-divergence", "retry");
        assertThat(bad.code()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).containsIgnoringCase("stop").containsIgnoringCase("halve");
    }
}
