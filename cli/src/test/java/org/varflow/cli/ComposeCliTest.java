package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose features through the command: a formula energy, a user's data, a starting law, grid walls. The numbers
 * are checked in the plugin modules' tests; here, that the command reaches them and reports them.
 */
class ComposeCliTest {
    @TempDir
    Path dir;

    static JsonNode run(String... args) throws Exception {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "-q";
        CliRunner r = CliRunner.run(all);
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    /** Euler-Maruyama reads only the gradient, which the formula computes by the same operations: equal summaries. */
    @Test
    void theFormulaDoubleWellIsTheBuiltInOne() throws Exception {
        JsonNode builtIn = run("run", "langevin", "--energy", "double-well", "--set", "energy.tilt=0.2",
                "--particles", "600", "--steps", "40", "--seed", "7");
        JsonNode formula = run("run", "langevin", "--energy", "formula", "--set",
                "energy.E=(x1^2 - 1)^2/4 - tilt*x1", "--set", "energy.tilt=0.2", "--particles", "600", "--steps", "40",
                "--seed", "7");
        assertThat(formula.get("state")).isEqualTo(builtIn.get("state"));
        assertThat(formula.get("energy").asDouble()).isCloseTo(builtIn.get("energy").asDouble(), within(1e-12));
        assertThat(formula.get("parts").get("energy").get("params").get("tilt").asDouble()).isEqualTo(0.2);
    }

    @Test
    void explainShowsTheDerivativesAndBadFormulasGetACaret() {
        CliRunner explain = CliRunner.run("explain", "formula", "--set", "E=x1^3/3 - a*x1*x2", "--set", "a=2");
        assertThat(explain.code()).isZero();
        assertThat(explain.out()).contains("dE/dx1 = x1^2 - 2*x2", "dE/dx2 = -2*x1", "with a = 2");
        CliRunner bad = CliRunner.run("run", "langevin", "--energy", "formula", "--set", "energy.E=2*(x1 + 1");
        assertThat(bad.code()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).contains("column 10: expected a ')' to close the '(' at column 3, but the formula ends")
                .contains("    2*(x1 + 1\n             ^"); // the caret just after the last character
        assertThat(bad.out()).isEmpty();
    }

    @Test
    void aSpecFileCarriesAFormulaAndAStartingLaw() throws Exception {
        Path spec = dir.resolve("flow.yaml");
        Files.writeString(spec, """
                preset: langevin
                parts:
                  space:
                    id: euclidean
                    params: {dimension: 2, init: gaussian, mean: [3, 0], covariance: [[0.25, 0], [0, 1]]}
                  energy: {id: formula, params: {E: "k*(x1^2 + x2^2)/2", k: 1}}
                steps: 0
                particles: 20000
                seed: 5
                """);
        JsonNode out = run("run", "--spec", spec.toString());
        assertThat(out.get("state").get("mean").get(0).asDouble()).isCloseTo(3, within(5 * 0.5 / Math.sqrt(20000)));
        assertThat(out.get("state").get("covariance").get(0).get(0).asDouble()).isCloseTo(0.25, within(0.015));
        assertThat(out.get("parts").get("space").get("params").get("init").asText()).isEqualTo("gaussian");
        // an unknown key in the file is named with its place
        Files.writeString(spec, "preset: langevin\nparts:\n  energy: {id: formula, params: {E: x1^2, 7a: 1}}\n");
        CliRunner bad = CliRunner.run("run", "--spec", spec.toString());
        assertThat(bad.code()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).contains("has no parameter '7a'");
    }

    @Test
    void aUsersDataFileAndGridWalls() throws Exception {
        Path data = dir.resolve("d.csv");
        StringBuilder csv = new StringBuilder("x,label\n");
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < 200; i++) {
            double x = r.nextGaussian();
            csv.append(x).append(',').append(r.nextDouble() < 1 / (1 + Math.exp(-2 * x)) ? 1 : 0).append('\n');
        }
        Files.writeString(data, csv);
        JsonNode fit = run("run", "natural-gradient", "--energy", "logistic-regression", "--set",
                "energy.data=" + data, "--steps", "20");
        // the score equation holds at the fit: the slope is positive (labels follow x) and finite
        assertThat(fit.get("state").get("x").get(1).asDouble()).isBetween(1.0, 3.5);

        JsonNode heat = run("run", "heat", "--set", "space.lower=0", "--set", "space.upper=1", "--set",
                "space.cells=50", "--set", "space.boundary=dirichlet", "--set", "space.boundaryValues=0.5,2",
                "--set", "space.init=formula", "--set", "space.formula=0.5 + 1.5*x1", "--dt", "1e-4", "--time",
                "0.01");
        // the steady state of fixed walls is the line between them: D = (b - a)^2 / 2 stays (to rounding)
        JsonNode d = heat.get("observers").get("dirichlet-energy");
        assertThat(d.get("final").asDouble()).isCloseTo(1.125, within(1e-9));
        assertThat(heat.get("observers").has("kl-to-gibbs")).isFalse();
    }
}
