package org.varflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/java-api.md and docs/part-authors.md show only compiled code: every Java block on the pages is preceded by a
 * marker
 * {@code <!-- snippet: File.java#tag -->} and is, line for line (indentation aside), the region between
 * {@code // tag::tag[]} and {@code // end::tag[]} of that file in this module, which the build compiles and
 * {@link ExamplesTest} runs.
 */
class DocsSnippetsTest {
    private static final Path PAGE = Path.of("../../docs/java-api.md");
    private static final Path PART_AUTHORS = Path.of("../../docs/part-authors.md");
    private static final Pattern BLOCK = Pattern.compile("(?:<!-- snippet: ([\\w./-]+)#([\\w-]+) -->\\s*\\n)?"
            + "```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyJavaBlockOnThePageIsCompiledCode() throws IOException {
        assertThat(compiledBlocks(PAGE)).as("snippets on the page").isGreaterThanOrEqualTo(6);
    }

    /** One worked example per part kind, each with its contract, plus the run and the Checks API. */
    @Test
    void everyJavaBlockOfThePartAuthorsPageIsCompiledCode() throws IOException {
        assertThat(compiledBlocks(PART_AUTHORS)).as("snippets on the page").isGreaterThanOrEqualTo(14);
    }

    private static int compiledBlocks(Path path) throws IOException {
        String page = Files.readString(path, StandardCharsets.UTF_8);
        Matcher m = BLOCK.matcher(page);
        int blocks = 0;
        while (m.find()) {
            blocks++;
            assertThat(m.group(1)).as("java block %d has no snippet marker:%n%s", blocks, m.group(3)).isNotNull();
            List<String> shown = normal(m.group(3));
            List<String> compiled = normal(region(m.group(1), m.group(2)));
            assertThat(shown).as("%s#%s", m.group(1), m.group(2)).isEqualTo(compiled);
        }
        return blocks;
    }

    private static String region(String file, String tag) throws IOException {
        Path source = Files.exists(Path.of("src/main/java/org/varflow/examples", file))
                ? Path.of("src/main/java/org/varflow/examples", file)
                : Path.of("src/test/java/org/varflow/examples", file);
        String text = Files.readString(source, StandardCharsets.UTF_8);
        String begin = "// tag::" + tag + "[]";
        String end = "// end::" + tag + "[]";
        int a = text.indexOf(begin);
        int b = text.indexOf(end);
        assertThat(a).as("%s has %s", file, begin).isGreaterThanOrEqualTo(0);
        assertThat(b).as("%s has %s", file, end).isGreaterThan(a);
        return text.substring(text.indexOf('\n', a) + 1, text.lastIndexOf('\n', b) + 1);
    }

    /** Lines without their common indentation and without blank lines at either end. */
    private static List<String> normal(String block) {
        List<String> lines = new ArrayList<>(List.of(block.split("\n", -1)));
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.isBlank() ? "" : l.substring(indent).stripTrailing());
        }
        return out;
    }
}
