package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every {@code ./varflow} line of the {@code sh} blocks of docs/compose.md, as a shell would split it, from the
 * repository's root: it must exit 0, or 2 (with one message on stderr and nothing on stdout) where the line says
 * {@code # exit 2}. {@code --plan} files go to a temporary folder.
 */
class DocumentedExamplesTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path PAGE = ROOT.resolve("docs/compose.md");
    private static final Pattern BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    static Path temp;

    static Stream<String> examples() throws IOException {
        List<String> lines = new ArrayList<>();
        Matcher m = BLOCK.matcher(Files.readString(PAGE));
        while (m.find()) {
            for (String line : m.group(1).split("\n")) {
                if (line.startsWith("./varflow ")) {
                    lines.add(line);
                }
            }
        }
        return lines.stream();
    }

    @Test
    void thePageHasExamplesForEveryPart() throws IOException {
        List<String> all = examples().toList();
        assertThat(all).hasSizeGreaterThan(30);
        for (String topic : List.of("energy formula", "energy.data=", "space.init=", "space.boundary=dirichlet",
                "space.boundary=periodic", "distance gaussian", "--plan", "--max-iterations", "explain formula")) {
            assertThat(all).as(topic).anyMatch(l -> l.contains(topic));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theExampleRuns(String line) {
        int hash = line.indexOf("    #");
        String command = hash < 0 ? line : line.substring(0, hash);
        int expected = hash >= 0 && line.substring(hash).contains("exit 2") ? 2 : 0;
        List<String> args = new ArrayList<>();
        for (String word : split(command.substring("./varflow ".length()))) {
            args.add(word.replace("docs/examples/", ROOT.resolve("docs/examples") + "/")
                    .replace("plan.csv", temp.resolve("plan.csv").toString()));
        }
        if (args.get(0).equals("run")) {
            args.add("-q");
        }
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(expected);
        if (expected != 0) {
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("varflow: ").doesNotContain("Exception");
        }
    }

    /** Splits like a POSIX shell for the quoting the page uses: words, "double" and 'single' quotes. */
    static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
