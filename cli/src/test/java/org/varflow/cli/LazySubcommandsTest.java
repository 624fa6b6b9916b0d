package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Command;

/**
 * Main registers only the subcommand a command line names (start-up): every subcommand must still be reachable by
 * name, listed in the usage, and trained in the class-data archive's run without failing.
 */
class LazySubcommandsTest {

    /** Every {@code @Command} class of the package (read from the sources), besides the root, is registered. */
    @Test
    void everyCommandClassOfThePackageIsRegistered() throws IOException {
        Path dir = Path.of("src/main/java/org/varflow/cli");
        Pattern name = Pattern.compile("@Command\\(name = \"([a-z-]+)\"");
        List<String> declared;
        try (Stream<Path> files = Files.list(dir)) {
            declared = files.filter(f -> f.toString().endsWith("Command.java")).map(f -> {
                try {
                    Matcher m = name.matcher(Files.readString(f));
                    return m.find() ? m.group(1) : null;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(n -> n != null && !n.equals("varflow")).toList();
        }
        assertThat(declared).contains("serve", "sweep", "exercise");
        assertThat(VarflowCommand.SUBCOMMANDS.keySet()).containsExactlyInAnyOrderElementsOf(declared);
        VarflowCommand.SUBCOMMANDS.forEach((n, type) ->
                assertThat(type.getAnnotation(Command.class).name()).isEqualTo(n));
    }

    static Stream<String> subcommands() {
        return VarflowCommand.SUBCOMMANDS.keySet().stream();
    }

    /** A line that names a subcommand builds it alone, and it parses and prints its own help. */
    @ParameterizedTest
    @MethodSource("subcommands")
    void eachSubcommandIsReachedByName(String subcommand) {
        CliRunner r = CliRunner.run(subcommand, "--help");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Usage: varflow " + subcommand);
    }

    @Test
    void theUsageListsEverySubcommand() {
        CliRunner r = CliRunner.run("--help");
        assertThat(r.code()).isZero();
        for (String s : VarflowCommand.SUBCOMMANDS.keySet()) {
            assertThat(r.out()).containsPattern("(?m)^  " + s + "\\b");
        }
    }

    @Test
    void aTypoStillGetsSuggestionsFromEverySubcommand() {
        CliRunner r = CliRunner.run("sweeep");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("sweep");
    }

    @Test
    void theNamedSubcommandIsFoundPastTheRootOptions() {
        assertThat(VarflowCommand.named(new String[] {"--plugin-path", "list", "serve", "--port", "0"}))
                .isEqualTo("serve");
        assertThat(VarflowCommand.named(new String[] {"--version"})).isNull();
    }

    /** The class-data archive's training run (the build runs it after the jar) succeeds command by command. */
    @Test
    void theTrainingCommandsRun() {
        for (String[] command : ClassDataTraining.COMMANDS) {
            CliRunner r = CliRunner.run(command);
            assertThat(r.code()).as(String.join(" ", command) + ": " + r.err()).isZero();
        }
    }
}
