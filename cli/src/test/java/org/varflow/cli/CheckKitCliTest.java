package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.varflow.Varflow;
import org.varflow.api.PartKind;

/**
 * {@code varflow check} for every part kind: every shipped part passes its kind's checks, and a third-party plugin
 * built against the api alone ({@code broken-parts/com/broken/BrokenParts.java}) with one classic mistake per part
 * fails the check named for it with exit code 4. The half-plane: the retraction that leaves the space fails
 * {@code check} and a run with it stops with exit code 3.
 */
class CheckKitCliTest {
    /** Parts whose default spaces are too large for the dense checks: checked on small ones. */
    private static final Map<String, List<String>> SMALL = Map.of(
            "metric stein", List.of("--space", "ensemble", "--set", "space.n=30", "--set", "space.d=2", "--set",
                    "bandwidth=fixed"),
            "metric wasserstein", List.of("--space", "ensemble", "--set", "space.n=40", "--set", "space.d=3"),
            "energy entropic-ot", List.of("--space", "coupling", "--set", "space.n=30", "--set", "space.m=40"),
            "energy mean-field-network", List.of("--space", "ensemble", "--set", "space.n=20", "--set", "space.d=3"),
            "noise kde-score", List.of("--space", "ensemble", "--set", "space.n=20"),
            "noise stein-repulsion", List.of("--space", "ensemble", "--set", "space.n=20"));

    @TempDir
    static Path work;
    static Path plugins;

    @BeforeAll
    static void buildBrokenParts() throws Exception {
        Path src = work.resolve("src/com/broken/BrokenParts.java");
        Files.createDirectories(src.getParent());
        try (InputStream in = CheckKitCliTest.class.getResourceAsStream("/broken-parts/com/broken/BrokenParts.java")) {
            Files.write(src, in.readAllBytes());
        }
        Path services = work.resolve("resources/META-INF/services/org.varflow.api.Plugin");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "com.broken.BrokenParts\n");
        plugins = work.resolve("plugins");
        PluginJars.build(work.resolve("src"), work.resolve("resources"), work, plugins.resolve("broken-parts.jar"));
    }

    static Stream<Arguments> registeredParts() {
        var registry = Varflow.discover().registry();
        List<Arguments> out = new ArrayList<>();
        for (PartKind kind : PartKind.values()) {
            for (String id : registry.factories(kind).keySet()) {
                out.add(Arguments.of(kind.label(), id));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("registeredParts")
    @Timeout(300)
    void everyShippedPartPassesItsKindsChecks(String kind, String id) {
        List<String> args = new ArrayList<>(List.of("check", id, "--kind", kind));
        args.addAll(SMALL.getOrDefault(kind + " " + id, List.of()));
        CliRunner r = CliRunner.run(args.toArray(new String[0]));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("passed").doesNotContain(" FAIL ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wrong-component    | gradient = finite differences of E\\s+FAIL.*\\n\\s+where: .*component 2",
        "hp-divergence-sign | div K = finite differences of K\\s+FAIL",
        "hp-leaving         | states stay on the space\\s+FAIL.*\\n\\s+where: .*y = -",
        "hp-first-order     | stochastic retraction: Ito-consistent noise step\\s+FAIL.*\\n\\s+where: .*Ito drift",
        "hot-noise          | increment covariance = 2 T h K \\(fluctuation-dissipation\\)\\s+FAIL",
        "euler-claiming-two | stated order \\(deterministic\\)\\s+FAIL\\s+order 1\\.0"})
    void eachBrokenPartFailsTheCheckNamedForItWithExitCodeFour(String id, String failedCheck) {
        CliRunner r = CliRunner.run("--plugin-path", plugins.toString(), "check", id);
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(CheckCommand.CHECK_FAILED);
        assertThat(r.out()).containsPattern(failedCheck).contains("FAILED");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theItoRetractionOnTheHalfPlanePasses() {
        CliRunner r = CliRunner.run("--plugin-path", plugins.toString(), "check", "hp-ito");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        CliRunner space = CliRunner.run("--plugin-path", plugins.toString(), "check", "half-plane");
        assertThat(space.code()).as(space.out() + space.err()).isZero();
        assertThat(space.out()).contains("constrained: y > 0", "walk with metric 'hp-");
    }

    /*
     * Langevin at T = 1 with K = y^2 I from y = 1, dt = 0.1: the step y + sqrt(0.2) y xi + 0.2 y is negative when
     * xi < -2.7 (probability 0.35 %), so among 2000 particles one leaves in the first step.
     */
    @Test
    void aRunWithTheLeavingRetractionStopsWithExitCodeThree() {
        CliRunner r = CliRunner.run("--plugin-path", plugins.toString(), "run", "langevin", "--space", "half-plane",
                "--metric", "hp-leaving", "--energy", "hp-height", "--particles", "2000", "--steps", "10", "--dt",
                "0.1", "-q");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Main.NUMERICAL);
        assertThat(r.err()).contains("the state left the space at step 1 ", "particle ", "has y = -", "(y > 0)",
                "space 'half-plane'", "metric 'hp-leaving' (its retraction moves the state)",
                "varflow check hp-leaving").doesNotContain("Exception");
        CliRunner ito = CliRunner.run("--plugin-path", plugins.toString(), "run", "langevin", "--space", "half-plane",
                "--metric", "hp-ito", "--energy", "hp-height", "--particles", "2000", "--steps", "10", "--dt", "0.1",
                "-q");
        assertThat(ito.code()).as(ito.err()).isZero();
        assertThat(ito.out()).contains("\"constraintViolations\" : 0");
    }

    /*
     * The second half-plane example in a run: E = 0, T = 1, K = y^2 I from y = 1, so dy = 2y dt + sqrt(2) y dW
     * and E[y(0.5)] = e. Euler-Maruyama through y e^{v/y} multiplies E[y] by E[e^u] = e^{3h} per step, u = 2h +
     * sqrt(2h) xi: e^{1.5} = 4.48 at t = 0.5 whatever h (the Ito drift of its second-order term). Through
     * y e^{u - u^2/2} the factor is e^{2h} (1 + O(h^2)): 2.67 at h = 0.005 (Gauss-Hermite quadrature of the step), e
     * as h -> 0.
     * Standard errors with 20 000 particles: sqrt(Var y / N) = 0.025 (right law), 0.042 (wrong one); the bounds
     * below are more than 5 of them away from both expectations.
     */
    @Test
    void theFirstOrderRetractionShiftsTheSampledLawAndTheItoOneDoesNot() throws Exception {
        double[] heights = new double[2];
        String[] metrics = {"hp-first-order", "hp-ito"};
        for (int i = 0; i < 2; i++) {
            CliRunner r = CliRunner.run("--plugin-path", plugins.toString(), "run", "langevin", "--space",
                    "half-plane", "--metric", metrics[i], "--energy", "hp-height", "--particles", "20000", "--time",
                    "0.5", "--dt", "0.005", "-q");
            assertThat(r.code()).as(r.err()).isZero();
            heights[i] = new ObjectMapper().readTree(r.out()).path("state")
                    .path("mean").path(1).asDouble();
        }
        assertThat(heights[0]).as("E[y] through y e^{v/y}").isBetween(4.2, 4.75);
        assertThat(heights[1]).as("E[y] through y e^{u - u^2/2}").isBetween(2.5, Math.E + 0.15);
    }

    @Test
    void idsOfSeveralKindsAreCheckedAsEachAndUnknownIdsAreUsageErrors() {
        CliRunner sphere = CliRunner.run("check", "sphere");
        assertThat(sphere.code()).isZero();
        assertThat(sphere.out()).contains("check space 'sphere'", "check metric 'sphere'");
        CliRunner unknown = CliRunner.run("check", "quadratik");
        assertThat(unknown.code()).isEqualTo(Main.USAGE);
        assertThat(unknown.err()).contains("unknown part 'quadratik'", "quadratic");
        CliRunner preset = CliRunner.run("check", "langevin");
        assertThat(preset.code()).isEqualTo(Main.USAGE);
        assertThat(preset.err()).contains("is a preset");
        CliRunner kind = CliRunner.run("check", "quadratic", "--kind", "metric");
        assertThat(kind.code()).isEqualTo(Main.USAGE);
        assertThat(kind.err()).contains("unknown metric 'quadratic'");
    }
}
