package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.varflow.cli.demo.Demo;
import org.varflow.cli.demo.Demos;

/**
 * Every demonstration runs and every figure agrees with its closed form (the tolerances are stated in the figures:
 * exact grid identities to 1e-6, discretisation errors to a few 1e-3, statistical ones to 4 standard errors of the
 * sample size used), and each writes its plots.
 */
class DemoCommandTest {
    static Stream<String> demos() {
        return Demos.all().stream().map(Demo::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demos")
    @Timeout(180)
    void everyDemoAgreesWithItsPredictions(String name, @TempDir Path dir) throws Exception {
        CliRunner r = CliRunner.run("demo", name, "--out", dir.toString(), "--plot-size", "400x300");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("demo " + name, "figures agree with their predictions").doesNotContain("FAIL");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".png"))).isNotEmpty()
                    .allSatisfy(p -> assertThat(Files.size(p)).isGreaterThan(1000));
        }
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
