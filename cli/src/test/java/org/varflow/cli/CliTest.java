package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listShowsPresetsAndEveryKind() {
        CliRunner r = CliRunner.run("list");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("presets", "langevin", "gradient-descent", "space", "euclidean", "metric",
                "energy", "quadratic", "double-well", "rosenbrock", "entropy", "boltzmann", "noise", "thermal",
                "scheme", "euler-maruyama", "minimizing-movement", "dormand-prince");
        assertThat(r.err()).doesNotContain("warning");
    }

    @Test
    void listOneKind() {
        CliRunner r = CliRunner.run("list", "scheme");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("euler").doesNotContain("quadratic");
    }

    @Test
    void listUnknownKindIsAUsageError() {
        CliRunner r = CliRunner.run("list", "energys");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("unknown kind 'energys'", "did you mean 'energy'");
    }

    @Test
    void explainPresetNamesItsFivePartsAndEquation() {
        CliRunner r = CliRunner.run("explain", "langevin");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("space", "euclidean", "metric", "energy", "quadratic", "entropy", "boltzmann",
                "beta=1", "noise", "thermal", "scheme", "euler-maruyama", "equation", "dW", "reduces to");
    }

    @Test
    void explainPartShowsParametersAndFormula() {
        CliRunner r = CliRunner.run("explain", "quadratic");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("energy 'quadratic'", "formula", "x^T A x", "parameters", "diag", "valid:");
    }

    @Test
    void explainSharedIdShowsEveryKind() {
        CliRunner r = CliRunner.run("explain", "euclidean");
        assertThat(r.out()).contains("space 'euclidean'", "metric 'euclidean'");
        CliRunner only = CliRunner.run("explain", "euclidean", "--kind", "metric");
        assertThat(only.out()).contains("metric 'euclidean'").doesNotContain("space 'euclidean'");
    }

    @Test
    void explainUnknownSuggests() {
        CliRunner r = CliRunner.run("explain", "langevn");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("'langevin'");
    }

    @Test
    void gradientDescentRunsToTheMinimiser() throws Exception {
        // E = x^T A x / 2 - b^T x with A = diag(1, 4), b = (1, 1): minimiser (1, 0.25). 500 Euler steps of 0.05
        // reach t = 25, where the slowest mode has decayed by e^-25 ~ 1e-11.
        CliRunner r = CliRunner.run("run", "gradient-descent");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = JSON.readTree(r.out());
        assertThat(s.get("preset").asText()).isEqualTo("gradient-descent");
        assertThat(s.get("parts").get("energy").get("id").asText()).isEqualTo("quadratic");
        assertThat(s.get("steps").asLong()).isEqualTo(500);
        assertThat(s.get("state").get("x").get(0).asDouble()).isCloseTo(1.0, within(1e-8));
        assertThat(s.get("state").get("x").get(1).asDouble()).isCloseTo(0.25, within(1e-8));
        assertThat(s.get("energy").asDouble()).isCloseTo(-0.5 - 0.125, within(1e-12));
        assertThat(s.get("freeEnergy").asDouble()).isCloseTo(s.get("energy").asDouble(), within(1e-15));
        assertThat(s.get("diagnostics").get("finite").asBoolean()).isTrue();
        assertThat(s.get("diagnostics").get("energyIncreases").asLong()).isZero();
        assertThat(s.get("diagnostics").has("maxDissipationViolation")).isTrue();
        for (String key : new String[] {"seed", "dt", "time", "wallSeconds", "provenance"}) {
            assertThat(s.has(key)).as(key).isTrue();
        }
    }

    @Test
    void langevinSummaryHasEnsembleMoments() throws Exception {
        // OU with beta = 1 from x0 = 1 to t = 5 with h = 0.01: mean e^-5 ~ 0.0067, variance
        // (1 - e^-10)/(1 - h/2) ~ 1.005. With N = 4000 the sample variance has SE ~ sqrt(2/N) ~ 0.022 and the
        // mean SE ~ 1/sqrt(N) ~ 0.016; we allow 5 SE.
        CliRunner r = CliRunner.run("run", "langevin", "--particles", "4000", "--seed", "3");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = JSON.readTree(r.out());
        assertThat(s.get("particles").asInt()).isEqualTo(4000);
        assertThat(s.get("time").asDouble()).isCloseTo(5.0, within(1e-12));
        assertThat(s.get("state").get("mean").get(0).asDouble()).isCloseTo(Math.exp(-5), within(5 * 0.016));
        assertThat(s.get("state").get("covariance").get(0).get(0).asDouble()).isCloseTo(1.005, within(5 * 0.022));
        assertThat(s.get("diagnostics").get("maxDissipationViolation").isNull()).isTrue();
        assertThat(s.get("freeEnergy").isNumber()).isTrue();
    }

    @Test
    void partsSwapAndSetFromTheCommandLine() throws Exception {
        CliRunner r = CliRunner.run("run", "gradient-descent", "--scheme", "minimizing-movement", "--dt", "1",
                "--steps", "60", "--set", "energy.diag=2,2", "--set", "energy.b=1");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = JSON.readTree(r.out());
        assertThat(s.get("parts").get("scheme").get("id").asText()).isEqualTo("minimizing-movement");
        // implicit Euler contracts by 1/(1 + 2h) = 1/3 per step: after 60 steps x = (0.5, 0.5) to rounding
        assertThat(s.get("state").get("x").get(0).asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(s.get("state").get("x").get(1).asDouble()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void unknownPresetSuggestsNearest() {
        CliRunner r = CliRunner.run("run", "langevine");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("unknown preset 'langevine'", "did you mean 'langevin'");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void unknownPartSuggestsNearest() {
        CliRunner r = CliRunner.run("run", "gradient-descent", "--energy", "rosenbrok");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("unknown energy 'rosenbrok'", "'rosenbrock'");
    }

    @Test
    void valueOutOfRangeNamesPartValueAndRange() {
        CliRunner r = CliRunner.run("run", "langevin", "--set", "entropy.beta=-1");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("entropy 'boltzmann'", "beta", "-1", "> 0");
    }

    @Test
    void unknownParameterSuggests() {
        CliRunner r = CliRunner.run("run", "langevin", "--set", "entropy.bta=2");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("no parameter 'bta'", "'beta'");
    }

    @Test
    void malformedSetting() {
        CliRunner r = CliRunner.run("run", "langevin", "--set", "beta2");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("PART.PARAM=VALUE");
    }

    @Test
    void incompatibleCompositionIsRefusedBeforeRunning() {
        CliRunner r = CliRunner.run("run", "langevin", "--scheme", "euler");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("scheme 'euler'", "noise 'thermal'", "euler-maruyama");
        CliRunner cold = CliRunner.run("run", "langevin", "--entropy", "none");
        assertThat(cold.code()).isEqualTo(Main.USAGE);
        assertThat(cold.err()).contains("temperature", "boltzmann");
    }

    @Test
    void stepsAndTimeAreExclusive() {
        CliRunner r = CliRunner.run("run", "langevin", "--steps", "10", "--time", "1");
        assertThat(r.code()).isEqualTo(Main.USAGE);
    }

    @Test
    void nonNumericOptionIsAUsageError() {
        CliRunner r = CliRunner.run("run", "langevin", "--dt", "fast");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("--dt", "fast");
        CliRunner neg = CliRunner.run("run", "langevin", "--dt", "-0.1");
        assertThat(neg.code()).isEqualTo(Main.USAGE);
        assertThat(neg.err()).contains("dt = -0.1");
    }

    @Test
    void divergingRunExitsNumericalAndLeavesNoFiles(@TempDir Path dir) throws Exception {
        // Euler on diag(1, 4) is stable for h < 2/4; h = 3 multiplies the stiff mode by |1 - 12| = 11 per step,
        // so the state overflows within a few hundred steps.
        Path out = dir.resolve("out");
        Path summary = dir.resolve("summary.json");
        CliRunner r = CliRunner.run("run", "gradient-descent", "--dt", "3", "--steps", "2000", "--out",
                out.toString(), "--summary", summary.toString());
        assertThat(r.code()).isEqualTo(Main.NUMERICAL);
        // lambda_max = 4: Euler is stable for dt < 0.5; the advice is a dt below that, not dt / 10 = 0.3
        assertThat(r.err()).contains("diverged at step", "scheme 'euler'", "is about 4.0", "try dt = 0.20");
        assertThat(r.out()).isEmpty();
        assertThat(Files.exists(summary)).isFalse();
        try (Stream<Path> files = Files.exists(out) ? Files.list(out) : Stream.empty()) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void outWritesCsvAndSummaryAtomically(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run1");
        CliRunner r = CliRunner.run("run", "gradient-descent", "--steps", "100", "--every", "10", "--out",
                out.toString(), "--summary", dir.resolve("s.json").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(dir.resolve("s.json"))).contains("\"preset\" : \"gradient-descent\"");
        var lines = Files.readAllLines(out.resolve("trajectory.csv"));
        assertThat(lines.get(0)).isEqualTo("step,time,energy,free_energy,x1,x2");
        assertThat(lines).hasSize(1 + 11);
        assertThat(Files.readString(out.resolve("summary.json"))).isEqualTo(Files.readString(dir.resolve("s.json")));
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly(".varflow-run.json", "summary.json", "trajectory.csv");
        }
    }

    @Test
    void specFileOnTopOfPreset(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("flow.yaml");
        Files.writeString(spec, """
                preset: gradient-descent
                parts:
                  energy: {id: quadratic, params: {b: [2, 2]}}
                  scheme: dormand-prince
                steps: 40
                dt: 1
                """);
        CliRunner r = CliRunner.run("run", "--spec", spec.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = JSON.readTree(r.out());
        // same id as the preset: diag (1, 4) is kept, b replaced -> minimiser (2, 0.5); t = 40
        assertThat(s.get("state").get("x").get(0).asDouble()).isCloseTo(2.0, within(1e-8));
        assertThat(s.get("state").get("x").get(1).asDouble()).isCloseTo(0.5, within(1e-8));
    }

    @Test
    void standaloneJsonSpec() throws Exception {
        Path spec = Path.of("..", "docs", "examples", "gradient-flow.json");
        CliRunner r = CliRunner.run("run", "--spec", spec.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = JSON.readTree(r.out());
        assertThat(s.get("preset").isNull()).isTrue();
        assertThat(s.get("time").asDouble()).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void malformedSpecSaysWhere(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("bad.json");
        Files.writeString(spec, "{\n  \"preset\": \"langevin\",\n  \"dt\": 0.01,,\n}\n");
        CliRunner r = CliRunner.run("run", "--spec", spec.toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("bad.json", "line 3");
        Path key = dir.resolve("key.yaml");
        Files.writeString(key, "preset: langevin\nparticle: 10\n");
        CliRunner k = CliRunner.run("run", "--spec", key.toString());
        assertThat(k.code()).isEqualTo(Main.USAGE);
        assertThat(k.err()).contains("unknown key 'particle'", "'particles'");
        Path cls = dir.resolve("class.yaml");
        Files.writeString(cls, "preset: langevin\nparts:\n  energy: org.example.Evil\n");
        CliRunner c = CliRunner.run("run", "--spec", cls.toString());
        assertThat(c.code()).isEqualTo(Main.USAGE);
        assertThat(c.err()).contains("not a part id");
        CliRunner missing = CliRunner.run("run", "--spec", dir.resolve("nope.yaml").toString());
        assertThat(missing.code()).isEqualTo(Main.USAGE);
        assertThat(missing.err()).contains("nope.yaml: no such file or directory");
    }

    @Test
    void noSubcommandPrintsUsageAndFails() {
        CliRunner r = CliRunner.run();
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("Usage: varflow");
    }

    @Test
    void versionAndHelp() {
        assertThat(CliRunner.run("--version").out()).contains("varflow");
        CliRunner help = CliRunner.run("run", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--set", "--spec", "Examples");
    }

    @Test
    void resultDoesNotDependOnThreads() throws Exception {
        CliRunner one = CliRunner.run("run", "langevin", "--particles", "1500", "--time", "1", "--threads", "1");
        CliRunner two = CliRunner.run("run", "langevin", "--particles", "1500", "--time", "1", "--threads", "2");
        CliRunner eight = CliRunner.run("run", "langevin", "--particles", "1500", "--time", "1", "--threads", "8");
        JsonNode a = JSON.readTree(one.out());
        JsonNode b = JSON.readTree(two.out());
        JsonNode c = JSON.readTree(eight.out());
        for (JsonNode s : new JsonNode[] {a, b, c}) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) s).remove("wallSeconds");
        }
        assertThat(b).isEqualTo(a);
        assertThat(c).isEqualTo(a);
    }

    @Test
    void aSummaryFileRepeatsItsRun(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first.json");
        CliRunner r = CliRunner.run("run", "langevin", "--energy", "double-well", "--set", "energy.tilt=0.1",
                "--particles", "700", "--time", "0.5", "--seed", "9", "--summary", first.toString());
        assertThat(r.code()).as(r.err()).isZero();
        CliRunner again = CliRunner.run("run", "--spec", first.toString());
        assertThat(again.code()).as(again.err()).isZero();
        JsonNode a = JSON.readTree(Files.readString(first));
        JsonNode b = JSON.readTree(again.out());
        ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("wallSeconds");
        ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("wallSeconds");
        assertThat(b).isEqualTo(a);
        assertThat(a.get("spec").get("parts").get("energy").get("params").get("tilt").asDouble()).isEqualTo(0.1);
    }

    @Test
    void hugeRequestsAreRefusedWithTheNumbers() {
        CliRunner r = CliRunner.run("run", "langevin", "--particles", "2000000000");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("2000000000", "MiB");
        CliRunner d = CliRunner.run("run", "gradient-descent", "--set", "space.dimension=9000000",
                "--scheme", "minimizing-movement");
        assertThat(d.code()).isEqualTo(Main.USAGE);
        assertThat(d.err()).contains("dimension 9000000");
    }
}
