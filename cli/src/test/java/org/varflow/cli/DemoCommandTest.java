package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.cli.demo.Demo;
import org.varflow.cli.demo.Demos;

/**
 * The {@code demo} command: it runs a demonstration, prints its figures with verdicts and writes its pictures (each
 * demo's figures and pictures are checked, one run each, by {@link DemoFiguresTest}); without a name it lists them.
 */
class DemoCommandTest {
    static Stream<String> demos() {
        return Demos.all().stream().map(Demo::name);
    }

    @Test
    @Timeout(120)
    void aDemoRunsFromTheCommandLine(@TempDir Path dir) throws Exception {
        CliRunner r = CliRunner.run("demo", "heat", "--out", dir.toString(), "--plot-size", "400x300");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("demo heat", "figures agree with their predictions").doesNotContain("FAIL");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".png"))).isNotEmpty()
                    .allSatisfy(p -> assertThat(Files.size(p)).isGreaterThan(1000));
        }
        assertThat(dir.resolve("heat-snapshots.json")).exists();
    }

    @Test
    void withoutANameItListsTheDemosAndAWrongNameIsNamed() {
        CliRunner list = CliRunner.run("demo");
        assertThat(list.code()).isZero();
        demos().forEach(n -> assertThat(list.out()).contains(n));
        CliRunner wrong = CliRunner.run("demo", "haet");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("unknown demo 'haet'", "heat");
    }

    @Test
    void tableRejectsAnUnknownFormat() {
        CliRunner r = CliRunner.run("table", "--format", "xml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--format xml", "text, markdown, csv");
    }
}
