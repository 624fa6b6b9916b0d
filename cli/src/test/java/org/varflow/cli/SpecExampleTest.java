package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;
import org.varflow.Varflow;
import org.varflow.core.spec.SpecFiles;

/**
 * {@code varflow spec --example PRESET} round trip, for every registered preset and both formats: the printed spec
 * names the preset's full run (length, dt, seed, particles) and every part with every parameter explicit, and
 * running it gives the same summary as running the preset directly. To keep the suite fast the two runs compared
 * are both cut to {@value #STEPS} steps with the same {@code --steps} option; the full length is checked on the spec.
 */
class SpecExampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Varflow VARFLOW = Varflow.discover();
    private static final int STEPS = 60;

    @TempDir
    Path dir;

    static Stream<String> presets() {
        return VARFLOW.registry().presets().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void presetToSpecToRunGivesTheSameSummary(String preset) throws Exception {
        FlowSpec original = VARFLOW.registry().preset(preset).spec();
        String steps = Long.toString(Math.min(STEPS, original.stepCount()));
        CliRunner direct = CliRunner.run("run", preset, "--steps", steps);
        assertThat(direct.code()).as(direct.err()).isZero();
        JsonNode expected = withoutWallTime(direct.out());
        for (String format : new String[] {"yaml", "json"}) {
            CliRunner example = CliRunner.run("spec", "--example", preset, "--format", format);
            assertThat(example.code()).as(example.err()).isZero();
            Path file = dir.resolve(preset + "." + format);
            Files.writeString(file, example.out());

            FlowSpec read = SpecFiles.read(file, VARFLOW.registry());
            assertThat(read.preset()).isEqualTo(preset);
            assertThat(read.stepCount()).isEqualTo(original.stepCount());
            assertThat(read.steps()).isEqualTo(original.steps());
            assertThat(read.time()).isEqualTo(original.time());
            assertThat(read.dt()).isEqualTo(original.dt());
            assertThat(read.seed()).isEqualTo(original.seed());
            assertThat(read.particles()).isEqualTo(original.particles());
            assertThat(read.every()).isEqualTo(original.every());
            var resolved = VARFLOW.assemble(original);
            for (PartKind kind : PartKind.values()) {
                assertThat(read.part(kind).id()).isEqualTo(original.part(kind).id());
                // every parameter is explicit: the file alone fixes each value, defaults included
                assertThat(read.part(kind).params().keySet()).as(kind.label())
                        .isEqualTo(resolved.part(kind).parameters().asMap().keySet());
            }

            CliRunner fromSpec = CliRunner.run("run", "--spec", file.toString(), "--steps", steps);
            assertThat(fromSpec.code()).as(fromSpec.err()).isZero();
            assertThat(withoutWallTime(fromSpec.out())).as(format).isEqualTo(expected);
        }
    }

    @Test
    void theExampleIsTheSpecBlockOfTheSummary() throws Exception {
        CliRunner example = CliRunner.run("spec", "--example", "gradient-descent", "--format", "json");
        CliRunner run = CliRunner.run("run", "gradient-descent");
        assertThat(JSON.readTree(example.out())).isEqualTo(JSON.readTree(run.out()).get("spec"));
    }

    @Test
    void yamlIsCommentedAndUnknownPresetsSuggest() {
        CliRunner example = CliRunner.run("spec", "--example", "langevin");
        assertThat(example.out()).startsWith("# varflow spec: preset 'langevin'").contains("parts:", "params:",
                "particles: ");
        CliRunner bad = CliRunner.run("spec", "--example", "langevn");
        assertThat(bad.code()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).contains("unknown preset 'langevn'", "'langevin'");
        CliRunner missing = CliRunner.run("spec");
        assertThat(missing.code()).isEqualTo(Main.USAGE);
        assertThat(missing.err()).contains("--example");
    }

    private static JsonNode withoutWallTime(String summary) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(summary);
        node.remove("wallSeconds");
        return node;
    }
}
