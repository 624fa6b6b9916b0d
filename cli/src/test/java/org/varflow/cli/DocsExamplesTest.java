package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command the README and docs/*.md show runs as written, in order, from a scratch directory, and exits as the
 * text says (0, unless the text shows a failure: the tutorial's divergence exits 3, its misspelt spec file 2).
 *
 * <p>How it runs them. Commands are read from indented code blocks and from fenced blocks without a language or
 * marked sh/bash/shell ({@code ```java} blocks are code, except the tutorial's plugin source, which is written to the
 * file the text before it names). Lines ending in a backslash continue. {@code varflow} and {@code ./varflow} run
 * in-process ({@link Main#execute}), with every path argument resolved against the scratch directory (the JVM's own
 * working directory cannot change: a {@code compare} or {@code demo NAME} without {@code --out}, which would write
 * {@code ./compare-NAME} or {@code ./demo-NAME}, gets an {@code --out} there); {@code > FILE} writes the output
 * there. Other shell lines ({@code mkdir},
 * {@code echo}, {@code printf}, {@code sed}, {@code javac}, {@code jar}) run in bash in the scratch directory. Files
 * are handled in a fixed order: the README, the tutorial (it builds the plugin that {@code --plugin-path plugins/}
 * uses), then the other pages.
 *
 * <p>What is changed, and why:
 * <ul>
 *   <li>sizes: {@code --particles N} above 2000 runs with 2000, {@code --time T} above 5 with 5 (the README's
 *       200 000 particles for t = 50 would take minutes; checkpointing and resuming are the same at any size);</li>
 *   <li>{@code --seeds N} above 2 runs with 2 (a sweep's grid is what the example shows, not its error bars);</li>
 *   <li>{@code --shard-particles K} above 2 runs with 2 shards (2000 particles hold at most 7 shards of 256);</li>
 *   <li>{@code varflow demo all} is not run: it runs every demo at full size, which {@link DemoFiguresTest} does
 *       once already (each other {@code demo NAME} shown is run);</li>
 *   <li>{@code --master spark://HOST:PORT} (a cluster the reader has) runs on Spark's local mode,
 *       {@code local[2]}: the same job without the cluster ({@code StandaloneClusterIT} starts a real one);</li>
 *   <li>{@code varflow serve ...} runs with {@code --help} added: its options are parsed as written, but no server
 *       is started to wait for a browser ({@code ServeCommandTest} starts one, the serve module's browser tests
 *       drive it);</li>
 *   <li>{@code mvn -B verify} is not run (this test is part of it), nor the zsh-only {@code autoload} line;
 *       {@code source <(varflow completion)} runs {@code varflow completion}, and
 *       {@code varflow completion > ~/...} writes into the scratch directory, not the home directory;</li>
 *   <li>fixtures the docs call "your own": {@code a.csv}, {@code b.csv} (60 seeded points each) and the weight files
 *       {@code wa.txt}, {@code wb.txt}; {@code docs/examples} is copied in; the api jar the tutorial compiles
 *       against is put where the tutorial says ({@code api/target/varflow-api-0.1.0-SNAPSHOT.jar}); and
 *       {@code plugins/} holds the tutorial's plugin jar.</li>
 * </ul>
 */
class DocsExamplesTest {
    /** Options whose value is a path. */
    private static final Set<String> PATH_OPTIONS = Set.of("--out", "--report", "--summary", "--spec",
            "--plugin-path", "--weights-a", "--weights-b");
    private static final Pattern FILE_LIKE = Pattern.compile(".*(/|\\.(ya?ml|json|csv|txt))$|.*/.*");
    private static final Pattern COMMAND = Pattern.compile("^(\\./varflow|varflow|mkdir|echo|javac|jar|sed|printf"
            + "|source|mvn|autoload)( |$).*");
    /** Commands the docs show failing, by what they contain, with their exit codes. */
    private static final Map<String, Integer> EXPECTED = Map.of(
            "--energy rosenbrock --dt 0.05 --steps 200", Main.NUMERICAL,
            "run --spec tut/typo.yaml", Main.USAGE);

    @TempDir
    Path scratch;

    /** One command, where it came from, and whether it runs in-process. */
    record Example(String file, int line, String text) {
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void everyDocumentedCommandRunsAsWritten() throws Exception {
        Path root = repositoryRoot();
        fixtures(root);
        List<String> files = new ArrayList<>(List.of("README.md", "docs/tutorial.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.map(p -> "docs/" + p.getFileName()).filter(n -> n.endsWith(".md")).sorted()
                    .filter(n -> !files.contains(n)).forEach(files::add);
        }
        int ran = 0;
        for (String file : files) {
            if (file.equals("docs/demos.md")) {
                // 'varflow --plugin-path plugins/ table': the plugin the tutorial built
                copyJars(scratch.resolve("tut/plugins"), scratch.resolve("plugins"));
            }
            for (Example e : examples(root.resolve(file), file)) {
                run(e);
                ran++;
            }
        }
        assertThat(ran).as("commands found in the docs").isGreaterThan(80);
    }

    /** Reads the commands of one markdown file (and writes the plugin source the tutorial asks to save). */
    List<Example> examples(Path md, String name) throws IOException {
        List<String> lines = Files.readAllLines(md);
        List<Example> out = new ArrayList<>();
        String fence = null;
        StringBuilder javaSource = null;
        String saveAs = null;
        String pending = null;
        int pendingLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("```")) {
                if (fence == null) {
                    fence = l.substring(3).trim();
                    if (fence.equals("java") && saveAs != null) {
                        javaSource = new StringBuilder();
                    }
                } else {
                    if (javaSource != null) {
                        Path target = scratch.resolve(saveAs);
                        Files.createDirectories(target.getParent());
                        Files.writeString(target, javaSource.toString());
                        javaSource = null;
                        saveAs = null;
                    }
                    fence = null;
                }
                continue;
            }
            if (javaSource != null) {
                javaSource.append(l).append('\n');
                continue;
            }
            Matcher save = Pattern.compile("Save it as\\s*`([^`]+\\.java)`").matcher((i > 0 ? lines.get(i - 1) : "")
                    + " " + l);
            if (fence == null && save.find()) {
                saveAs = save.group(1);
            }
            String code = null;
            if (fence != null) {
                if (Set.of("", "sh", "bash", "shell", "console").contains(fence)) {
                    code = l;
                }
            } else if (l.startsWith("    ")) {
                code = l.substring(4);
            }
            if (code == null) {
                continue;
            }
            if (pending != null) {
                pending = pending + " " + code.strip();
            } else if (COMMAND.matcher(code.strip()).matches()) {
                pending = code.strip();
                pendingLine = i + 1;
            } else {
                continue;
            }
            if (pending.endsWith("\\")) {
                pending = pending.substring(0, pending.length() - 1).strip();
            } else {
                out.add(new Example(name, pendingLine, pending));
                pending = null;
            }
        }
        return out;
    }

    void run(Example e) throws Exception {
        String where = e.file() + ":" + e.line() + ": " + e.text();
        List<String> words = words(e.text());
        if (words.isEmpty()) {
            return;
        }
        String first = words.get(0);
        switch (first) {
            case "mvn", "autoload" -> {
                return; // see the class comment
            }
            case "source" -> {
                CliRunner r = CliRunner.run("completion");
                assertThat(r.code()).as(where).isZero();
                return;
            }
            case "./varflow", "varflow" -> {
                runVarflow(words.subList(1, words.size()), e, where);
                return;
            }
            default -> {
                Process p = new ProcessBuilder("bash", "-c", e.text()).directory(scratch.toFile())
                        .redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(where).isTrue();
                assertThat(p.exitValue()).as(where + "\n" + output).isZero();
            }
        }
    }

    private void runVarflow(List<String> args, Example e, String where) throws Exception {
        if (args.size() >= 2 && args.get(0).equals("demo") && args.get(1).equals("all")) {
            return; // see the class comment
        }
        List<String> a = new ArrayList<>();
        Path redirect = null;
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i);
            if (w.equals(">")) {
                String target = args.get(++i);
                redirect = target.startsWith("~") ? scratch.resolve("home" + target.substring(1))
                        : scratch.resolve(target);
                continue;
            }
            String previous = i > 0 ? args.get(i - 1) : "";
            if (previous.equals("--master") && w.startsWith("spark://")) {
                w = "local[2]"; // see the class comment
            } else if (PATH_OPTIONS.contains(previous) || (!w.startsWith("-") && !w.contains("=")
                    && !previous.equals("--answer") && (FILE_LIKE.matcher(w).matches() || previous.equals("resume")))) {
                w = scratch.resolve(w).toString();
            } else if (previous.equals("--particles")) {
                w = Integer.toString(Math.min(Integer.parseInt(w), 2000));
            } else if (previous.equals("--seeds")) {
                w = Integer.toString(Math.min(Integer.parseInt(w), 2));
            } else if (previous.equals("--shard-particles")) {
                // 2 000 particles make at most 7 shards of one 256-particle block each
                w = Integer.toString(Math.min(Integer.parseInt(w), 2));
            } else if (previous.equals("--time")) {
                w = Double.toString(Math.min(Double.parseDouble(w), 5));
            }
            a.add(w);
        }
        if (!a.isEmpty() && a.get(0).equals("serve")) {
            a.add("--help"); // see the class comment
        }
        // compare and demo write ./compare-NAME and ./demo-NAME without --out: into the scratch directory instead
        if (!a.isEmpty() && (a.get(0).equals("compare") || (a.get(0).equals("demo") && a.size() > 1))
                && !a.contains("--out")) {
            a.add("--out");
            a.add(scratch.resolve(a.get(0) + "-default-" + e.line()).toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(a.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        int expected = EXPECTED.entrySet().stream().filter(x -> e.text().contains(x.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(0);
        assertThat(code).as(where + "\n" + err).isEqualTo(expected);
        if (redirect != null) {
            Files.createDirectories(redirect.getParent());
            Files.writeString(redirect, out.toString());
        }
    }

    /** Splits a command line as bash would: quotes group, an unquoted # starts a comment. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '#' && !inWord) {
                break;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(w.toString());
        }
        return out;
    }

    private void fixtures(Path root) throws Exception {
        copyTree(root.resolve("docs/examples"), scratch.resolve("docs/examples"));
        Random rnd = new Random(5);
        StringBuilder a = new StringBuilder("x,y\n");
        StringBuilder b = new StringBuilder("x,y\n");
        StringBuilder wa = new StringBuilder();
        StringBuilder wb = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            a.append(rnd.nextGaussian()).append(',').append(rnd.nextGaussian()).append('\n');
            b.append(1 + rnd.nextGaussian()).append(',').append(0.5 * rnd.nextGaussian()).append('\n');
            wa.append(1 + rnd.nextInt(3)).append('\n');
            wb.append(1 + rnd.nextInt(3)).append('\n');
        }
        Files.writeString(scratch.resolve("a.csv"), a);
        Files.writeString(scratch.resolve("b.csv"), b);
        Files.writeString(scratch.resolve("wa.txt"), wa);
        Files.writeString(scratch.resolve("wb.txt"), wb);
        Path api = Path.of(PluginJars.apiOnly());
        Path jar = scratch.resolve("api/target/varflow-api-0.1.0-SNAPSHOT.jar");
        Files.createDirectories(jar.getParent());
        if (Files.isDirectory(api)) {
            pack(api, jar);
        } else {
            Files.copy(api, jar);
        }
    }

    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))
                    && Files.isDirectory(p.resolve("cli"))) {
                return p;
            }
        }
        throw new AssertionError("the repository root (README.md, docs/, cli/) is not above " + here);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
    }

    private static void copyJars(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> jars = Files.list(from)) {
            for (Path j : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(j, to.resolve(j.getFileName().toString()));
            }
        }
    }

    private static void pack(Path classes, Path jar) throws IOException {
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
    }
}
