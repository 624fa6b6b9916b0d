package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin in {@code examples/third-party-metric} (its own Maven project outside the reactor): its sources
 * are compiled here against the api jar alone, packed with its service registration, and used through
 * {@code --plugin-path} by list, explain, run and check.
 */
class ExamplePluginTest {
    @TempDir
    static Path work;
    static Path pluginDir;

    /** examples/third-party-metric, found from the module directory upwards. */
    static Path example() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("examples/third-party-metric");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new AssertionError("examples/third-party-metric not found above " + Path.of("").toAbsolutePath());
    }

    @BeforeAll
    static void buildTheExample() throws Exception {
        Path example = example();
        assertThat(Files.readString(example.resolve("pom.xml"))).contains("<groupId>com.example</groupId>")
                .contains("<artifactId>varflow-api</artifactId>").doesNotContain("varflow-core");
        pluginDir = work.resolve("plugins");
        PluginJars.build(example.resolve("src/main/java"), example.resolve("src/main/resources"), work,
                pluginDir.resolve("third-party-metric.jar"));
    }

    @Test
    void isDiscoveredAndExplained() {
        CliRunner list = CliRunner.run("--plugin-path", pluginDir.toString(), "list", "metric");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("radial", "sphere", "euclidean");
        assertThat(list.err()).doesNotContain("warning");
        CliRunner explain = CliRunner.run("--plugin-path", pluginDir.toString(), "explain", "radial");
        assertThat(explain.code()).isZero();
        assertThat(explain.out()).contains("K(x) = c / (1 + |x|^2/r^2) I", "plugin: example-radial", "euclidean");
    }

    /**
     * gradient-descent (E = x^T diag(1,4) x / 2 - (1,1).x from (-1, 1)) with K = c/(1 + |x|^2/r^2) I: a metric changes
     * the path, not the minimiser (1, 0.25); 2000 Euler steps of 0.05 with c = 2 (K >= 2/(1 + 2) along the path)
     * reach it to 1e-12.
     */
    @Test
    void runsFromTheCommandLine() throws Exception {
        CliRunner run = CliRunner.run("--plugin-path", pluginDir.toString(), "run", "gradient-descent", "--metric",
                "radial", "--set", "metric.c=2", "--steps", "2000");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(run.out());
        assertThat(s.get("parts").get("metric").get("id").asText()).isEqualTo("radial");
        assertThat(s.get("provenance").get("plugins").has("example-radial")).isTrue();
        assertThat(s.get("state").get("x").get(0).asDouble()).isCloseTo(1, within(1e-12));
        assertThat(s.get("state").get("x").get(1).asDouble()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void passesTheCheckKit() {
        CliRunner check = CliRunner.run("--plugin-path", pluginDir.toString(), "check", "radial");
        assertThat(check.code()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("passed").doesNotContain("FAIL");
    }
}
