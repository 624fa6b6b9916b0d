package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Throws generated and mutated command lines and spec files at the CLI (seeded, so every run sees the same 300 cases).
 * Each must end in success or in one clear message with a non-zero exit code: never an uncaught exception or stack
 * trace, never output on stdout after a failure, never a file left in the output directory. The rest of the
 * hostile-input suite does the same for CSV inputs ({@link HostileCsvTest}), checkpoints
 * ({@link HostileCheckpointTest}), output paths ({@link HostileOutputPathTest}) and plugins
 * ({@link PluginFailureTest}); every case of it is held to the checks of {@link HostileChecks}, which include that
 * nothing from input reaches the terminal unquoted.
 */
class HostileInputTest {
    private static final long SEED = 20261122L;
    private static final int COMMAND_CASES = 180;
    private static final int SPEC_CASES = 120;

    private static final String[] HOSTILE_VALUES = {"NaN", "Infinity", "-Infinity", "-1", "0", "1e400", "", "abc",
        "1,2,3", "x".repeat(5000), "-", "--", "\u0000", "9999999999999999999", "0x10", "1e-400", "2147483648",
        "-2147483649", "1000000001", "0.0", "1;2", "true", "[1,2]", "{}", "null", "\u00e9\u00e8", "1 2", "5e-324"};
    private static final String[] IDS = {"euclidean", "quadratic", "double-well", "rosenbrock", "none", "boltzmann",
        "thermal", "euler", "euler-maruyama", "minimizing-movement", "dormand-prince", "diagonal", "org.evil.Class",
        "../../etc/passwd", "QUADRATIC", "langevin", ""};
    private static final String[] OPTIONS = {"--space", "--metric", "--energy", "--entropy", "--noise", "--scheme",
        "--steps", "--time", "--dt", "--particles", "--seed", "--every", "--threads", "--set", "--spec", "--kind",
        "--timeout", "--vary", "--with", "--features", "--projections", "--bandwidth", "--plot-size"};
    private static final String[] SETTINGS = {"entropy.beta", "energy.diag", "energy.b", "energy.A", "energy.tilt",
        "energy.a", "space.dimension", "space.x0", "scheme.tolerance", "scheme.maxIterations", "metric.k", "noise.x",
        "bogus.beta", "energy.", ".beta", "energy.beta.x"};

    @TempDir
    static Path work;

    /** Two small 2-D samples for 'distance', written once where the mutated command lines can find them. */
    private static final String[] SAMPLES = samples();

    private static String[] samples() {
        try {
            Path dir = Files.createTempDirectory("varflow-hostile");
            dir.toFile().deleteOnExit();
            Path a = dir.resolve("a.csv");
            Path b = dir.resolve("b.csv");
            Files.writeString(a, "x,y\n0,0\n1,0\n0,2\n");
            Files.writeString(b, "1,1\n-1,0.5\n2,2\n3,1\n");
            a.toFile().deleteOnExit();
            b.toFile().deleteOnExit();
            return new String[] {a.toString(), b.toString()};
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<Arguments> commandLines() {
        Random rnd = new Random(SEED);
        List<Arguments> cases = new ArrayList<>();
        String[][] bases = {
            {"run", "langevin", "--particles", "40", "--steps", "30"},
            {"run", "gradient-descent", "--steps", "50"},
            {"run", "gradient-descent", "--scheme", "minimizing-movement", "--dt", "0.5", "--steps", "10"},
            {"run", "gradient-descent", "--energy", "rosenbrock", "--scheme", "dormand-prince", "--steps", "5"},
            {"run", "langevin", "--energy", "double-well", "--set", "energy.tilt=0.1", "--particles", "30",
                "--steps", "20"},
            {"list", "energy"},
            {"explain", "langevin"},
            {"table", "--format", "markdown"},
            {"distance", "w2", SAMPLES[0], SAMPLES[1]},
            {"distance", "sinkhorn", SAMPLES[0], SAMPLES[1], "--eps", "0.1"},
            {"distance", "mmd", SAMPLES[1], SAMPLES[0], "--json"},
            {"distance", "sliced-w2", SAMPLES[0], SAMPLES[1], "--projections", "20"},
            {"distance", "mmd", SAMPLES[0], SAMPLES[1], "--features", "50"},
            {"run", "gradient-descent", "--steps", "20", "--plot"},
            {"compare", "gradient-descent", "--vary", "dt=0.1,0.05", "--steps", "20"},
        };
        for (int c = 0; c < COMMAND_CASES; c++) {
            List<String> args = new ArrayList<>(List.of(bases[rnd.nextInt(bases.length)]));
            int mutations = 1 + rnd.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(args, rnd);
            }
            cases.add(Arguments.of(c, args));
        }
        return cases.stream();
    }

    private static void mutate(List<String> args, Random rnd) {
        switch (rnd.nextInt(7)) {
            case 0 -> { // replace a value by a hostile one
                int i = 1 + rnd.nextInt(Math.max(1, args.size() - 1));
                if (i < args.size()) {
                    args.set(i, pick(HOSTILE_VALUES, rnd));
                }
            }
            case 1 -> { // an option with a hostile value
                args.add(pick(OPTIONS, rnd));
                args.add(pick(HOSTILE_VALUES, rnd));
            }
            case 2 -> { // swap a part for some id, often incompatible or unknown
                args.add(pick(OPTIONS, rnd, 6));
                args.add(pick(IDS, rnd));
            }
            case 3 -> { // a parameter setting with a hostile value
                args.add("--set");
                args.add(pick(SETTINGS, rnd) + "=" + pick(HOSTILE_VALUES, rnd));
            }
            case 4 -> { // drop an argument
                if (args.size() > 1) {
                    args.remove(1 + rnd.nextInt(args.size() - 1));
                }
            }
            case 5 -> args.add("--" + "unknown".substring(0, 1 + rnd.nextInt(7)));
            default -> { // a dangling option
                args.add(pick(OPTIONS, rnd));
            }
        }
    }

    static Stream<Arguments> specFiles() {
        Random rnd = new Random(SEED + 1);
        List<Arguments> cases = new ArrayList<>();
        String[] valid = {
            "preset: langevin\nparticles: 20\nsteps: 10\n",
            "preset: gradient-descent\nparts:\n  energy: {id: quadratic, params: {diag: [1, 2]}}\nsteps: 20\n",
            "{\"preset\": \"langevin\", \"parts\": {\"entropy\": {\"id\": \"boltzmann\", \"params\": {\"beta\": 2}}},"
                + " \"particles\": 10, \"steps\": 5}",
            "parts:\n  space: euclidean\n  metric: euclidean\n  energy: rosenbrock\n  entropy: none\n  noise: none\n"
                + "  scheme: euler\nsteps: 10\ndt: 0.001\n",
        };
        String[] fragments = {"\n  - [", ": [[[[", "\u0000\u0001\u00ff", "dt: .nan\n", "steps: -5\n", "seed: 1.5\n",
            "particles: 1e12\n", "every: 0\n", "preset: [a, b]\n", "parts: 7\n", "parts:\n  energy: {params: {}}\n",
            "parts:\n  energy: {id: quadratic, params: {A: [[1, 2], [3]]}}\n", "time: 1\n",
            "parts:\n  space: {id: euclidean, params: {dimension: 99999999999}}\n", "extra: 1\n",
            "a: &a [\"x\",\"x\",\"x\"]\nb: &b [*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b]\nd: [*c,*c,*c,*c]\n",
            "parts:\n  energy: {id: quadratic, params: {diag: \"1,,2\"}}\n", "dt: 1e309\n", "{", "]]", "---\n---\n"};
        for (int c = 0; c < SPEC_CASES; c++) {
            String text = valid[rnd.nextInt(valid.length)];
            switch (rnd.nextInt(6)) {
                case 0 -> text = text + pick(fragments, rnd);
                case 1 -> text = text.substring(0, rnd.nextInt(text.length() + 1));
                case 2 -> text = "[".repeat(200 + rnd.nextInt(2000)) + text;
                case 3 -> {
                    byte[] junk = new byte[rnd.nextInt(300)];
                    rnd.nextBytes(junk);
                    text = new String(junk, StandardCharsets.ISO_8859_1);
                }
                case 4 -> text = text.replace(pick(new String[] {"10", "20", "5", "langevin", "euler", "quadratic"},
                        rnd), pick(HOSTILE_VALUES, rnd));
                default -> text = pick(fragments, rnd) + text;
            }
            String ext = rnd.nextBoolean() ? ".yaml" : ".json";
            cases.add(Arguments.of(c, text, ext));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "command line {0}: {1}")
    @MethodSource("commandLines")
    void commandLineEndsCleanly(int index, List<String> args) throws IOException {
        Path out = work.resolve("cmd-" + index);
        List<String> full = new ArrayList<>(args);
        if (full.get(0).equals("run") || full.get(0).equals("compare")) {
            full.add("--out");
            full.add(out.toString());
            full.add("--every");
            full.add("5");
        }
        check(CliRunner.run(full.toArray(new String[0])), out);
    }

    @ParameterizedTest(name = "spec file {0}")
    @MethodSource("specFiles")
    void specFileEndsCleanly(int index, String text, String ext) throws IOException {
        Path spec = work.resolve("spec-" + index + ext);
        Files.writeString(spec, text, StandardCharsets.ISO_8859_1);
        Path out = work.resolve("spec-out-" + index);
        check(CliRunner.run("run", "--spec", spec.toString(), "--out", out.toString()), out);
    }

    /**
     * Numbers that Java would read but nobody means (hexadecimal, type suffixes) are refused wherever a number is read
     * from text: options, parameter settings, spec files and compare's settings.
     */
    @ParameterizedTest(name = "guessed number {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0x1p-3", "1d", "0.5f", "0X.8P0"})
    void numbersThatJavaWouldGuessAreRefused(String number) throws IOException {
        Path spec = work.resolve("guessed.yaml");
        Files.writeString(spec, "preset: gradient-descent\nsteps: 5\ndt: \"" + number + "\"\n");
        String[][] commands = {
            {"run", "gradient-descent", "--steps", "5", "--dt", number},
            {"run", "gradient-descent", "--steps", "5", "--time", number},
            {"run", "gradient-descent", "--steps", "5", "--set", "energy.b=" + number + ",1"},
            {"run", "langevin", "--steps", "5", "--set", "entropy.beta=" + number},
            {"run", "--spec", spec.toString()},
            {"distance", "mmd", SAMPLES[0], SAMPLES[1], "--bandwidth", number},
            {"compare", "gradient-descent", "--steps", "5", "--vary", "dt=0.1," + number, "--out",
                work.resolve("guessed-compare").toString()},
        };
        for (String[] command : commands) {
            CliRunner r = CliRunner.run(command);
            HostileChecks.endsCleanly(r, Main.USAGE);
            assertThat(r.code()).as("%s: %s", String.join(" ", command), r.out()).isEqualTo(Main.USAGE);
            assertThat(r.err()).contains(number.substring(0, 2));
        }
    }

    private static void check(CliRunner r, Path out) throws IOException {
        HostileChecks.endsCleanly(r, Main.USAGE, Main.NUMERICAL);
        if (r.code() != 0 && Files.exists(out)) {
            try (Stream<Path> files = Files.list(out)) {
                assertThat(files.toList()).as("no partial output").isEmpty();
            }
        }
    }

    private static String pick(String[] values, Random rnd) {
        return values[rnd.nextInt(values.length)];
    }

    private static String pick(String[] values, Random rnd, int first) {
        return values[rnd.nextInt(first)];
    }
}
