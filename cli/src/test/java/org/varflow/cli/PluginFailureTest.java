package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A plugin part that fails is named — part, plugin, jar, step and time — with exit code 6 and no stack trace, however
 * it fails: it throws, recurses without end, calls System.exit (in a real process: it would end this one); a part
 * that never returns is ended by --timeout with exit code 7. Jars in --plugin-path that are not jars are named.
 */
class PluginFailureTest {
    private static final String SOURCE = """
            package com.acme;

            import java.util.*;
            import org.varflow.api.*;

            public final class BoomPlugin implements Plugin {
                public String id() { return "acme-boom"; }
                public String version() { return "1.0"; }
                public Collection<EnergyFactory> energies() { return List.of(new BoomFactory()); }

                public static final class BoomFactory implements EnergyFactory {
                    public String id() { return "boom"; }
                    public String summary() { return "fails after a few calls"; }
                    public List<Parameter> parameters() {
                        return List.of(Parameter.choice("mode", List.of("throw", "recurse", "exit", "hang"),
                                "how it fails"));
                    }
                    public Energy create(Parameters p, Space s) { return new Boom(p.text("mode")); }
                }

                static final class Boom implements Energy {
                    private final String mode;
                    private final java.util.concurrent.atomic.AtomicInteger calls =
                            new java.util.concurrent.atomic.AtomicInteger();
                    Boom(String mode) { this.mode = mode; }
                    public double value(double[] x) { return 0.5 * x[0] * x[0]; }
                    public void gradient(double[] x, double[] out) {
                        if (calls.incrementAndGet() > 20) {
                            switch (mode) {
                                case "recurse" -> out[0] = deeper(x[0]);
                                case "exit" -> System.exit(42);
                                case "hang" -> { while (true) { Thread.onSpinWait(); } }
                                default -> throw new RuntimeException("boom in gradient");
                            }
                        }
                        for (int i = 0; i < x.length; i++) { out[i] = x[i]; }
                    }
                    private double deeper(double v) { return deeper(v + 1) + 1; }
                }
            }
            """;

    @TempDir
    static Path work;
    static Path plugins;

    @BeforeAll
    static void buildThePlugin() throws Exception {
        Path src = work.resolve("src/com/acme/BoomPlugin.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path services = work.resolve("res/META-INF/services/org.varflow.api.Plugin");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "com.acme.BoomPlugin\n");
        plugins = work.resolve("plugins");
        PluginJars.build(work.resolve("src"), work.resolve("res"), work.resolve("build"), plugins.resolve("boom.jar"));
    }

    private static String[] run(String mode, String... more) {
        List<String> args = new ArrayList<>(List.of("--plugin-path", plugins.toString(), "run", "gradient-descent",
                "--energy", "boom", "--set", "energy.mode=" + mode, "--steps", "100", "--every", "10", "--threads",
                "1"));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"throw|java.lang.RuntimeException: boom in gradient",
        "recurse|StackOverflowError (it called itself without end)"})
    void aPartThatFailsIsNamedInOneMessage(String mode, String what, @TempDir Path dir) {
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run(run(mode, "--out", out.toString()));
        assertThat(r.code()).as(r.err()).isEqualTo(Main.PART_FAILED);
        assertThat(r.err()).startsWith("varflow: part failure: energy 'boom' (plugin acme-boom 1.0, ")
                .contains("boom.jar", "failed at step", "(t = ", "in BoomPlugin$Boom.", what, "not in your input")
                .doesNotContain("\tat ", "internal error").hasSizeLessThan(1500);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(Files.exists(out)).as("no output directory left").isFalse();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPartThatCallsSystemExitIsNamedAndTheProcessEndsAtOnce(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Result r = process(run("exit", "--out", out.toString()));
        assertThat(r.code()).as(r.output()).isEqualTo(Main.PART_FAILED);
        assertThat(r.output()).contains("varflow: part failure: energy 'boom' (plugin acme-boom 1.0,",
                "boom.jar", "called System.exit", "run gradient-descent was stopped and no outputs were written");
        assertThat(r.seconds()).as("no 30 s wait in the shutdown hook").isLessThan(20);
        assertThat(Files.exists(out) ? AtomicList.of(out) : List.of()).doesNotContain("summary.json",
                "trajectory.csv");
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aPartThatNeverReturnsIsEndedByTheTimeout(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Result r = process(run("hang", "--out", out.toString(), "--timeout", "2s"));
        assertThat(r.code()).as(r.output()).isEqualTo(Main.TIMED_OUT);
        assertThat(r.output()).contains("varflow: run gradient-descent took longer than --timeout 2 s",
                "a part did not return");
        assertThat(r.seconds()).isLessThan(40);
        assertThat(Files.exists(out)).as("the output directory it made is removed").isFalse();
    }

    @Test
    void aRunThatIsMerelyLongStopsAtItsTimeoutWithoutASummaryAndKeepsItsCheckpoint(@TempDir Path dir) {
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("run", "langevin", "--particles", "2000", "--steps", "100000000", "--every",
                "100", "--out", out.toString(), "--checkpoint-every", "100", "--timeout", "1.5s", "--threads", "1");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.TIMED_OUT);
        assertThat(r.err()).contains("took longer than --timeout 1.5 s", "checkpoint", "is kept",
                "'varflow resume ");
        assertThat(r.out()).isEmpty();
        assertThat(AtomicList.of(out)).contains("checkpoint.bin", ".varflow-run.json").doesNotContain("summary.json",
                "trajectory.csv");
    }

    @Test
    void jarsThatAreNotJarsAreNamedAndSkipped(@TempDir Path dir) throws Exception {
        Path mixed = dir.resolve("plugins");
        Files.createDirectories(mixed);
        Files.copy(plugins.resolve("boom.jar"), mixed.resolve("boom.jar"));
        byte[] junk = new byte[3000];
        new Random(3).nextBytes(junk);
        Files.write(mixed.resolve("junk.jar"), junk);
        byte[] real = Files.readAllBytes(plugins.resolve("boom.jar"));
        Files.write(mixed.resolve("truncated.jar"), java.util.Arrays.copyOf(real, real.length / 2));
        Files.writeString(mixed.resolve("empty.jar"), "");
        CliRunner r = CliRunner.run("--plugin-path", mixed.toString(), "run", "gradient-descent", "--energy", "boom",
                "--steps", "5");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("varflow: warning: --plugin-path: skipped junk.jar: not a jar",
                "skipped truncated.jar: not a jar, or a damaged one", "skipped empty.jar");
        Path onlyJunk = dir.resolve("junk-only");
        Files.createDirectories(onlyJunk);
        Files.write(onlyJunk.resolve("junk.jar"), junk);
        CliRunner alone = CliRunner.run("--plugin-path", onlyJunk.toString(), "run", "gradient-descent", "--energy",
                "boom", "--steps", "5");
        assertThat(alone.code()).isEqualTo(Main.USAGE);
        assertThat(alone.err()).contains("skipped junk.jar", "unknown energy 'boom'");
    }

    /** What a real process printed (stdout and stderr), its exit code and how long it took. */
    record Result(int code, String output, double seconds) {
    }

    static Result process(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("varflow-child", ".log");
        long start = System.nanoTime();
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the process did not end within 60 s: " + Files.readString(log));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        return new Result(child.exitValue(), output, seconds);
    }

    /** The names in a directory. */
    static final class AtomicList {
        static List<String> of(Path dir) {
            try (var s = Files.list(dir)) {
                return s.map(p -> p.getFileName().toString()).sorted().toList();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
