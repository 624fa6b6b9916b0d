package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every preset (and a few swapped compositions), run at a small size, prints the same summary as the stored one
 * in {@code golden/}. The stored summaries were written by {@code varflow run} before the API and the modules
 * were reshaped, so any change of a number, a key or the order of keys fails here.
 *
 * <p>Two entries are left out of the comparison: {@code wallSeconds} (it is a measurement) and {@code provenance}
 * (it names the plugins that provide the parts and their versions, which depend on how the jars are packaged:
 * an in-process test sees class folders, not versioned jars).
 */
class GoldenSummaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> cases() throws IOException {
        return read("index.txt").lines().filter(l -> !l.isBlank()).map(line -> {
            int bar = line.indexOf('|');
            return Arguments.of(line.substring(0, bar), line.substring(bar + 1));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void summaryIsUnchanged(String name, String command) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("-q", "--threads", "2"));
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(normal(r.out())).isEqualTo(normal(read(name + ".json")));
    }

    private static String normal(String json) throws IOException {
        JsonNode tree = JSON.readTree(json);
        ((ObjectNode) tree).remove("wallSeconds");
        ((ObjectNode) tree).remove("provenance");
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = GoldenSummaryTest.class.getResourceAsStream("/golden/" + resource)) {
            assertThat(in).as("resource golden/" + resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
