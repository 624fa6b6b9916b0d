package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.varflow.api.Metric;
import org.varflow.api.PartKind;
import org.varflow.api.Space;
import org.varflow.testkit.CheckResult;
import org.varflow.testkit.MetricChecks;
import org.varflow.Varflow;

/** {@code varflow check}: every registered metric passes; deliberately broken metrics fail with exit code 4. */
class CheckCommandTest {
    /** Metrics with the classic mistakes, packed as a third-party plugin. */
    private static final String BROKEN = """
            package com.broken;

            import java.util.Collection;
            import java.util.List;
            import java.util.Set;
            import org.varflow.api.*;

            public final class BrokenPlugin implements Plugin {
                public String id() { return "broken"; }
                public Collection<MetricFactory> metrics() {
                    return List.of(factory("asymmetric", new Metric() {
                        public void raise(double[] x, double[] c, double[] out) {
                            for (int i = 0; i < x.length; i++) out[i] = c[i] + (i == 0 ? 0.5 * c[1] : 0);
                        }
                    }), factory("wrong-root", new Metric() {
                        public void raise(double[] x, double[] c, double[] out) {
                            for (int i = 0; i < x.length; i++) out[i] = 4 * c[i];
                        }
                        public void sqrtRaise(double[] x, double[] xi, double[] out) {
                            for (int i = 0; i < x.length; i++) out[i] = xi[i];
                        }
                        public boolean isConstant() { return true; }
                    }), factory("bad-retraction", new Metric() {
                        public void raise(double[] x, double[] c, double[] out) {
                            System.arraycopy(c, 0, out, 0, x.length);
                        }
                        public void retract(double[] x, double[] v, double[] out) {
                            for (int i = 0; i < x.length; i++) out[i] = x[i] + 2 * v[i];
                        }
                        public boolean isConstant() { return true; }
                    }));
                }

                static MetricFactory factory(String id, Metric m) {
                    return new MetricFactory() {
                        public String id() { return id; }
                        public String summary() { return "a broken metric: " + id; }
                        public Set<String> spaces() { return Set.of(Space.EUCLIDEAN); }
                        public Metric create(Parameters p, Space s) { return m; }
                    };
                }
            }
            """;

    @TempDir
    static Path work;
    static Path brokenDir;

    @BeforeAll
    static void buildBrokenPlugin() throws Exception {
        Path src = work.resolve("src/com/broken/BrokenPlugin.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, BROKEN);
        Path services = work.resolve("resources/META-INF/services/org.varflow.api.Plugin");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "com.broken.BrokenPlugin\n");
        brokenDir = work.resolve("plugins");
        PluginJars.build(work.resolve("src"), work.resolve("resources"), work, brokenDir.resolve("broken.jar"));
    }

    static Stream<String> registeredMetrics() {
        return Varflow.discover().registry().factories(PartKind.METRIC).keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredMetrics")
    @Timeout(120)
    void everyRegisteredMetricPasses(String id) {
        // measure metrics live on spaces of thousands of coordinates by default: check them on small ones; the
        // median bandwidth of 'stein' moves with the cloud, which div K (SVGD's convention) does not differentiate
        List<String> args = new java.util.ArrayList<>(List.of("check", id));
        if (id.equals("stein")) {
            args.addAll(List.of("--space", "ensemble", "--set", "space.n=30", "--set", "space.d=2", "--set",
                    "bandwidth=fixed"));
        } else if (id.equals("wasserstein")) {
            args.addAll(List.of("--space", "ensemble", "--set", "space.n=40", "--set", "space.d=3"));
        }
        CliRunner r = CliRunner.run(args.toArray(new String[0]));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("PASS", "passed").doesNotContain("FAIL");
    }

    @Test
    void largeSpacesAreSkippedWithAHintAndGridsCheckedWhenSmall() {
        CliRunner big = CliRunner.run("check", "stein");
        assertThat(big.code()).isEqualTo(2);
        assertThat(big.err()).contains("dimension 1000 is above 300", "--space ensemble --set space.NAME=VALUE");
        CliRunner grid = CliRunner.run("check", "wasserstein", "--space", "grid-2d", "--set", "space.cells=6");
        assertThat(grid.code()).as(grid.out() + grid.err()).isZero();
        assertThat(grid.out()).contains("dimension 36", "SKIP", "refuses noise");
        CliRunner median = CliRunner.run("check", "stein", "--space", "ensemble", "--set", "space.n=30");
        assertThat(median.code()).as("median bandwidth: div K holds l fixed").isEqualTo(CheckCommand.CHECK_FAILED);
        assertThat(median.out()).containsPattern("div K = finite differences of K\\s+FAIL");
        CliRunner orphan = CliRunner.run("check", "stein", "--set", "space.n=30");
        assertThat(orphan.code()).isEqualTo(2);
        assertThat(orphan.err()).contains("needs the space named with --space");
    }

    @ParameterizedTest
    @ValueSource(strings = {"potential=neg-entropy", "potential=burg", "potential=p-norm", "potential=p-norm p=1.1"})
    void everyMirrorPotentialPasses(String settings) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "mirror"));
        for (String s : settings.split(" ")) {
            args.add("--set");
            args.add(s);
        }
        CliRunner r = CliRunner.run(args.toArray(new String[0]));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
    }

    @Test
    void fisherPassesWithEachModel() {
        for (String energy : List.of("logistic-regression", "categorical-fit")) {
            CliRunner r = CliRunner.run("check", "fisher", "--energy", energy);
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("energy '" + energy + "'");
        }
        CliRunner gaussian = CliRunner.run("check", "fisher", "--energy", "gaussian-fit", "--space",
                "statistical-model", "--points", "4");
        // the gaussian fit needs dimension 2 or 5 and a positive variance: the default statistical-model
        // (d = 2, x0 = 0)
        // has Sigma = 0 - 0 = 0, outside the model, so its Fisher is undefined there: a failed check, not a crash
        assertThat(gaussian.code()).isIn(0, CheckCommand.CHECK_FAILED);
        assertThat(gaussian.err()).isEmpty();
    }

    @Test
    void sphereTableNamesEveryCheck() {
        CliRunner r = CliRunner.run("check", "sphere", "--set", "retraction=exp");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("K(x) symmetric", "positive definite on the tangent space", "rank 2",
                "S S^T = K", "div K", "order 2.0", "states stay on the space", "allocate nothing",
                "retraction=exp");
    }

    @Test
    void brokenMetricsFailWithExitCodeFour() {
        CliRunner asym = CliRunner.run("--plugin-path", brokenDir.toString(), "check", "asymmetric");
        assertThat(asym.code()).isEqualTo(CheckCommand.CHECK_FAILED);
        assertThat(asym.out()).containsPattern("K\\(x\\) symmetric\\s+FAIL").contains("FAILED");
        CliRunner root = CliRunner.run("--plugin-path", brokenDir.toString(), "check", "wrong-root");
        assertThat(root.code()).isEqualTo(CheckCommand.CHECK_FAILED);
        assertThat(root.out()).containsPattern("S S\\^T = K\\s+FAIL").containsPattern("K\\(x\\) symmetric\\s+PASS");
        CliRunner retract = CliRunner.run("--plugin-path", brokenDir.toString(), "check", "bad-retraction");
        assertThat(retract.code()).isEqualTo(CheckCommand.CHECK_FAILED);
        assertThat(retract.out()).containsPattern("retraction first order.*FAIL\\s+order 1\\.00");
    }

    @Test
    void badInputIsAUsageError() {
        CliRunner unknown = CliRunner.run("check", "spherre");
        assertThat(unknown.code()).isEqualTo(Main.USAGE);
        assertThat(unknown.err()).contains("unknown metric 'spherre'", "sphere");
        CliRunner energy = CliRunner.run("check", "quadratic");
        assertThat(energy.code()).isEqualTo(Main.USAGE);
        assertThat(energy.err()).contains("energy");
        CliRunner param = CliRunner.run("check", "sphere", "--set", "retraction=spiral");
        assertThat(param.code()).isEqualTo(Main.USAGE);
        assertThat(param.err()).contains("normalize", "exp");
        CliRunner space = CliRunner.run("check", "sphere", "--space", "simplex");
        assertThat(space.code()).isEqualTo(Main.USAGE);
        CliRunner help = CliRunner.run("check", "--help");
        assertThat(help.out()).contains("Exit codes", "4 a check failed");
    }

    /** The kit itself: each broken metric fails exactly the check it breaks, and nothing throws. */
    @Test
    void checksReportFailuresInsteadOfThrowing() {
        Space r3 = new Space() {
            @Override
            public String kind() {
                return EUCLIDEAN;
            }

            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public double[] initialState() {
                return new double[] {0.5, -1, 2};
            }
        };
        Metric indefinite = (x, c, out) -> {
            out[0] = c[0];
            out[1] = -c[1];
            out[2] = c[2];
        };
        Metric noDivergence = (x, c, out) -> {
            for (int i = 0; i < 3; i++) {
                out[i] = (1 + x[0] * x[0]) * c[i];
            }
        };
        Metric throwing = (x, c, out) -> {
            throw new IllegalStateException("boom");
        };
        Map<String, CheckResult.Status> a = statuses(MetricChecks.run(indefinite, r3, 5, 1));
        assertThat(a.get("K(x) positive definite on the tangent space")).isEqualTo(CheckResult.Status.FAIL);
        Map<String, CheckResult.Status> b = statuses(MetricChecks.run(noDivergence, r3, 5, 1));
        assertThat(b.get("div K = finite differences of K")).isEqualTo(CheckResult.Status.FAIL);
        assertThat(b.get("K(x) symmetric")).isEqualTo(CheckResult.Status.PASS);
        Map<String, CheckResult.Status> c = statuses(MetricChecks.run(throwing, r3, 5, 1));
        assertThat(c.values()).contains(CheckResult.Status.FAIL);
    }

    private static Map<String, CheckResult.Status> statuses(List<CheckResult> results) {
        Map<String, CheckResult.Status> m = new java.util.HashMap<>();
        results.forEach(r -> m.put(r.name(), r.status()));
        return m;
    }
}
