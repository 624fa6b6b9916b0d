package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What every hostile case must show, whatever it threw at the command. */
final class HostileChecks {
    /** The longest stderr a failure may print (a 5 MB bad line makes a one-line message). */
    static final int MAX_ERR = 6000;

    private HostileChecks() {
    }

    /**
     * Success, or one clear message and one of the {@code failures} exit codes: no stack trace, nothing on stdout,
     * nothing from input that a terminal would interpret (escape sequences, control characters), no huge message.
     */
    static void endsCleanly(CliRunner r, int... failures) {
        List<Integer> allowed = new java.util.ArrayList<>(List.of(0));
        for (int f : failures) {
            allowed.add(f);
        }
        assertThat(r.code()).as("exit code; stderr: %s", r.err()).isIn(allowed.toArray());
        assertThat(r.err()).as("no stack trace").doesNotContain("\tat ", "Exception in thread", "internal error");
        safeForTerminal(r.err());
        if (r.code() != 0) {
            List<String> lines = r.err().lines().filter(l -> !l.startsWith("varflow: warning:") && !isHint(l))
                    .toList();
            assertThat(lines).as("one clear message: %s", r.err()).hasSize(1);
            assertThat(lines.get(0)).startsWith("varflow:");
            assertThat(r.out()).as("nothing on stdout after a failure").isEmpty();
        }
    }

    /** The lines picocli adds under a usage error: where the help is, and the options a typo may have meant. */
    private static boolean isHint(String line) {
        return line.matches("See 'varflow[a-z -]*--help'\\.") || line.startsWith("Possible solutions: ");
    }

    /** No control character but the line feed, no C1 control (CSI), no bidi override; bounded length. */
    static void safeForTerminal(String text) {
        assertThat(text.length()).as("message length").isLessThan(MAX_ERR);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || c == 0x202e || c == 0x2028;
            assertThat(bad).as("character U+%04X at %d of %s", (int) c, i, text).isFalse();
        }
    }

    /** The names in a directory (empty when it does not exist). */
    static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
