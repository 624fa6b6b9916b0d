package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.api.Plugin;

/**
 * A plugin written by a third party: compiled here against the api jar alone (nothing else on its class path),
 * packed into its own jar with its service registration, and loaded with {@code --plugin-path}.
 */
class ThirdPartyPluginTest {
    private static final String PLUGIN = """
            package com.acme;

            import java.util.Collection;
            import java.util.List;
            import java.util.Set;
            import org.varflow.api.*;

            public final class AcmePlugin implements Plugin {
                public String id() { return "acme"; }
                public Collection<MetricFactory> metrics() { return List.of(new Scaled()); }
                public Collection<Preset> presets() {
                    FlowSpec spec = new FlowSpec("acme-descent", java.util.Map.of(
                            PartKind.SPACE, PartChoice.of("euclidean"), PartKind.METRIC, PartChoice.of("acme-scaled"),
                            PartKind.ENERGY, PartChoice.of("quadratic"), PartKind.ENTROPY, PartChoice.of("none"),
                            PartKind.NOISE, PartChoice.of("none"), PartKind.SCHEME, PartChoice.of("euler")),
                            100L, null, 0.05, 1L, 1, null);
                    return List.of(new Preset("acme-descent", "gradient descent in the scaled metric",
                            "x' = -c grad E(x)", "gradient descent with time rescaled by c", List.of(), spec));
                }

                /** K = c I: gradient descent with its time rescaled by c. */
                static final class Scaled implements MetricFactory {
                    public String id() { return "acme-scaled"; }
                    public String summary() { return "Euclidean metric scaled: K = c I"; }
                    public String formula() { return "K(x) = c I"; }
                    public Set<String> spaces() { return Set.of(Space.EUCLIDEAN); }
                    public List<Parameter> parameters() {
                        return List.of(Parameter.positive("c", 1, "the scale of K"));
                    }
                    public Metric create(Parameters p, Space space) {
                        double c = p.real("c");
                        double s = Math.sqrt(c);
                        return new Metric() {
                            public void raise(double[] x, double[] v, double[] out) {
                                for (int i = 0; i < v.length; i++) out[i] = c * v[i];
                            }
                            public void sqrtRaise(double[] x, double[] xi, double[] out) {
                                for (int i = 0; i < xi.length; i++) out[i] = s * xi[i];
                            }
                            public boolean isConstant() { return true; }
                        };
                    }
                }
            }
            """;

    private static final String BROKEN = """
            package com.broken;

            import java.util.Collection;
            import java.util.List;
            import org.varflow.api.*;

            public final class Throwing implements Plugin {
                public Throwing() { throw new IllegalStateException("licence server unreachable"); }
                public String id() { return "throwing"; }
            }
            """;
    private static final String DUPLICATE = """
            package com.broken;

            import java.util.Collection;
            import java.util.List;
            import org.varflow.api.*;

            public final class Duplicate implements Plugin {
                public String id() { return "copycat"; }
                public Collection<EnergyFactory> energies() {
                    return List.of(new EnergyFactory() {
                        public String id() { return "quadratic"; }
                        public String summary() { return "an impostor"; }
                        public Energy create(Parameters p, Space s) { throw new AssertionError("never used"); }
                    });
                }
            }
            """;

    @TempDir
    static Path work;
    static Path pluginDir;

    @BeforeAll
    static void buildPluginJar() throws Exception {
        Path src = work.resolve("src/com/acme/AcmePlugin.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, PLUGIN);
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        String apiOnly = Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "--release", "17", "-classpath", apiOnly, "-d", classes.toString(),
                src.toString());
        assertThat(rc).as("the fixture plugin compiles against varflow-api alone").isZero();
        pluginDir = work.resolve("plugins");
        Files.createDirectories(pluginDir);
        jar(pluginDir.resolve("acme-plugin.jar"), classes, "com.acme.AcmePlugin");
    }

    @Test
    void discoveredAndUsedByRun() throws Exception {
        CliRunner list = CliRunner.run("--plugin-path", pluginDir.toString(), "list", "metric");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("acme-scaled", "euclidean");

        // gradient-descent on diag(1, 4), b = (1, 1) from (1, 1) with K = 2 I: the minimiser is (1, 0.25) and the
        // x2 gap 0.75 shrinks by 1 - h c 4 = 0.6 per Euler step (h = 0.05), to 0.75 * 0.6^100 ~ 5e-23.
        CliRunner run = CliRunner.run("--plugin-path", pluginDir.toString(), "run", "gradient-descent", "--metric",
                "acme-scaled", "--set", "metric.c=2", "--steps", "100");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(run.out());
        assertThat(s.get("parts").get("metric").get("id").asText()).isEqualTo("acme-scaled");
        assertThat(s.get("parts").get("metric").get("params").get("c").asDouble()).isEqualTo(2.0);
        assertThat(s.get("provenance").get("plugins").has("acme")).isTrue();
        assertThat(s.get("state").get("x").get(1).asDouble()).isCloseTo(0.25, within(1e-12));

        CliRunner explain = CliRunner.run("--plugin-path", pluginDir.toString(), "explain", "acme-scaled");
        assertThat(explain.out()).contains("K(x) = c I", "plugin: acme");
    }

    @Test
    void aPluginsPresetAppearsInTheDecompositionTable() {
        CliRunner table = CliRunner.run("--plugin-path", pluginDir.toString(), "table", "--format", "markdown");
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("| acme-descent | euclidean | acme-scaled | quadratic | none | none | euler |",
                "| langevin | euclidean | euclidean | quadratic | boltzmann | thermal | euler-maruyama |");
        CliRunner without = CliRunner.run("table");
        assertThat(without.out()).doesNotContain("acme-descent");
        // the five parts and the scheme, by the README's names, each header over the start of its column
        String header = without.out().lines().findFirst().orElseThrow();
        String langevin = without.out().lines().filter(l -> l.startsWith("langevin ")).findFirst().orElseThrow();
        assertThat(header).startsWith("method").contains("space", "metric", "energy", "entropy", "noise", "scheme");
        assertThat(langevin.indexOf("quadratic")).isEqualTo(header.indexOf("energy"));
        assertThat(langevin.indexOf("euler-maruyama")).isEqualTo(header.indexOf("scheme"));
    }

    @Test
    void brokenJarIsNamedAndEverythingElseWorks(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("empty");
        Files.createDirectories(classes);
        jar(dir.resolve("broken.jar"), classes, "com.missing.GonePlugin");
        Files.copy(pluginDir.resolve("acme-plugin.jar"), dir.resolve("acme-plugin.jar"));
        CliRunner list = CliRunner.run("--plugin-path", dir.toString(), "list");
        assertThat(list.code()).isZero();
        assertThat(list.err()).contains("warning", "com.missing.GonePlugin");
        assertThat(list.out()).contains("acme-scaled", "langevin", "quadratic");
    }

    @Test
    void throwingAndDuplicatingPluginsAreNamedAndTheRealPartsStillWork(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/com/broken");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Throwing.java"), BROKEN);
        Files.writeString(src.resolve("Duplicate.java"), DUPLICATE);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        String apiOnly = Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-classpath", apiOnly,
                "-d", classes.toString(), src.resolve("Throwing.java").toString(),
                src.resolve("Duplicate.java").toString());
        assertThat(rc).isZero();
        Path plugins = dir.resolve("plugins");
        Files.createDirectories(plugins);
        jar(plugins.resolve("broken.jar"), classes, "com.broken.Throwing\ncom.broken.Duplicate");
        CliRunner list = CliRunner.run("--plugin-path", plugins.toString(), "list", "energy");
        assertThat(list.code()).isZero();
        assertThat(list.err()).contains("com.broken.Throwing", "licence server unreachable", "copycat",
                "duplicate energy id 'quadratic'");
        CliRunner run = CliRunner.run("--plugin-path", plugins.toString(), "run", "gradient-descent");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"varflow-models\"").doesNotContain("copycat");
    }

    @Test
    void pluginPathMustBeADirectoryOfJars(@TempDir Path dir) {
        CliRunner r = CliRunner.run("--plugin-path", dir.resolve("nope").toString(), "list");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("not a directory");
        CliRunner empty = CliRunner.run("--plugin-path", dir.toString(), "list");
        assertThat(empty.code()).isEqualTo(Main.USAGE);
        assertThat(empty.err()).contains("no .jar files");
    }

    private static void jar(Path target, Path classes, String provider) throws IOException {
        try (OutputStream os = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(os);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(f));
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry("META-INF/services/org.varflow.api.Plugin"));
            jar.write((provider + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        assertThat(List.of(target.toFile().length())).allMatch(n -> n > 0);
    }
}
