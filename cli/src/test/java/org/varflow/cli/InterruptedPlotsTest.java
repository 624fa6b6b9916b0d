package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process is stopped the way Ctrl-C stops it (an orderly shutdown: SIGTERM runs the same shutdown hook as
 * SIGINT) in the middle of a run with {@code --plot --report}: it still writes the summary of the steps done, the
 * trajectory, the plots and the report while the JVM shuts down.
 */
class InterruptedPlotsTest {
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aStoppedRunStillWritesItsPlotsAndReport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "langevin", "--energy",
                "double-well", "--particles", "5000", "--steps", "10000000", "--every", "100", "--checkpoint-every",
                "200", "--threads", "2", "--out", out.toString(), "--plot", "--report", out.toString(), "--summary",
                dir.resolve("s.json").toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        Path checkpoint = out.resolve("checkpoint.bin");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(checkpoint) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(child.isAlive()).as("still running when stopped; log: %s", Files.readString(dir.resolve(
                "child.log"))).isTrue();
        child.destroy(); // SIGTERM: the shutdown hook asks the run to stop and waits for its outputs
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("child.log"));
        assertThat(log).doesNotContain("internal error", "Exception");

        JsonNode summary = new ObjectMapper().readTree(Files.readString(dir.resolve("s.json")));
        assertThat(summary.get("diagnostics").get("stoppedEarly").asBoolean()).isTrue();
        long steps = summary.get("steps").asLong();
        assertThat(steps).isPositive().isLessThan(10_000_000L);
        List<String> rows = Files.readAllLines(out.resolve("trajectory.csv"));
        assertThat(rows.get(rows.size() - 1)).startsWith(steps + ",");
        PlotTest.assertPng(out.resolve("energy.png"), 800, 560);
        PlotTest.assertPng(out.resolve("histogram.png"), 800, 560);
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("diagnostics.stoppedEarly</td><td>true");
        ReportTest.assertSelfContained(html);
    }
}
