package org.varflow.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.varflow.api.ConfigurationException;
import org.varflow.api.io.InputFiles;
import org.varflow.core.registry.PartRegistry;
import org.varflow.core.testing.Flows;

/** Spec files: a key given twice is refused with both places; inputs are bounded by the bytes read. */
class SpecFilesInputTest {
    private static final PartRegistry REGISTRY = Flows.varflow().registry();
    private static final String SIX = "parts:\n  space: euclidean\n  metric: euclidean\n  energy: quadratic\n"
            + "  entropy: none\n  noise: none\n  scheme: euler\n";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "top level YAML|steps: 10\\ndt: 0.1\\n" + "PARTS" + "dt: 0.2\\n|'dt'|line 10, column 1|line 2, column 1",
        "part params YAML|steps: 10\\ndt: 0.1\\nparts:\\n  space: euclidean\\n  metric: euclidean\\n"
            + "  energy: {id: quadratic, params: {diag: [1], diag: [2]}}\\n  entropy: none\\n  noise: none\\n"
            + "  scheme: euler\\n|'parts.energy.params.diag'|line 6, column 47|line 6, column 36",
        "part kind YAML|steps: 10\\ndt: 0.1\\n" + "PARTS"
            + "  energy: quadratic\\n|'parts.energy'|line 10, column 3|line 6, column 3",
    })
    void aKeyGivenTwiceNamesBothPlaces(String what, String text, String key, String second, String first)
            throws Exception {
        String yaml = text.replace("\\n", "\n").replace("PARTS", SIX);
        if (what.startsWith("part kind")) {
            yaml = "steps: 10\ndt: 0.1\n" + SIX + "  energy: quadratic\n";
        }
        Path spec = dir.resolve("dup.yaml");
        Files.writeString(spec, yaml);
        assertThatThrownBy(() -> SpecFiles.read(spec, REGISTRY)).as(what).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("duplicate key " + key).hasMessageContaining(second)
                .hasMessageContaining("first given at " + first);
    }

    @Test
    void jsonDuplicatesToo() throws Exception {
        Path spec = dir.resolve("dup.json");
        Files.writeString(spec, "{\"steps\": 10,\n \"dt\": 0.1,\n \"steps\": 20}");
        assertThatThrownBy(() -> SpecFiles.read(spec, REGISTRY)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("line 3, column 2: duplicate key 'steps', first given at line 1, column 2");
    }

    @Test
    void theSameKeyInDifferentMappingsIsFine() throws Exception {
        Path spec = dir.resolve("ok.yaml");
        Files.writeString(spec, "steps: 10\ndt: 0.1\n" + SIX.replace("energy: quadratic",
                "energy: {id: quadratic, params: {diag: [1, 2]}}").replace("space: euclidean",
                "space: {id: euclidean, params: {dimension: 2}}"));
        assertThat(SpecFiles.read(spec, REGISTRY).steps()).isEqualTo(10L);
    }

    @Test
    void aDeviceIsStoppedAtTheSizeLimit() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        long start = System.nanoTime();
        assertThatThrownBy(() -> SpecFiles.read(zero, REGISTRY)).isInstanceOf(ConfigurationException.class)
                .hasMessage("spec file /dev/zero is larger than 1 MiB, the most read from such an input");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(5);
    }

    @Test
    void aPipeWithoutAWriterIsRefused() throws Exception {
        Path fifo = dir.resolve("spec.yaml");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo is not available");
        System.setProperty(InputFiles.TIMEOUT_PROPERTY, "200");
        try {
            assertThatThrownBy(() -> SpecFiles.read(fifo, REGISTRY)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("is a pipe or device that nothing writes to");
        } finally {
            System.clearProperty(InputFiles.TIMEOUT_PROPERTY);
        }
    }

    @Test
    void controlCharactersInKeysAreEscaped() throws Exception {
        Path spec = dir.resolve("esc.yaml");
        Files.writeString(spec, "steps: 10\n\"\\e[31mred\": 1\n");
        assertThatThrownBy(() -> SpecFiles.read(spec, REGISTRY)).satisfies(e ->
                assertThat(e.getMessage()).doesNotContain("\u001b").contains("\\u001b[31mred"));
    }
}
