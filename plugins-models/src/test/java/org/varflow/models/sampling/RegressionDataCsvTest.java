package org.varflow.models.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.varflow.api.ConfigurationException;
import org.varflow.models.data.Iris;

/**
 * Data sets are read by the one strict CSV reader: no first row is dropped as a "header" unless every cell is a name,
 * and every other row parses completely or the file is refused with its line and column.
 */
class RegressionDataCsvTest {
    @TempDir
    Path dir;

    static Stream<Arguments> guesses() {
        return Stream.of(
                Arguments.of("a typo in the first row", "1,2.x\n3,4\n5,6\n", "line 1, column 2: '2.x' is not a number"),
                Arguments.of("a leading comma", ",1,2\n3,4,5\n", "line 1, column 1: an empty cell"),
                Arguments.of("an empty cell", "1,2,3\n1,,2\n", "line 2, column 2: an empty cell"),
                Arguments.of("hexadecimal", "1,2\n0x1p3,4\n", "line 2, column 1: '0x1p3' is not a number"),
                Arguments.of("a suffixed double", "1,2\n1d,4\n", "line 2, column 1: '1d' is not a number"),
                Arguments.of("a float suffix", "1,2\n3,4f\n", "line 2, column 2: '4f' is not a number"),
                Arguments.of("NaN", "1,2\nNaN,4\n", "line 2, column 1: 'NaN' is not a number"),
                Arguments.of("a name among numbers", "x,1\n2,3\n", "mixes names and numbers"),
                Arguments.of("binary", "1,2\n\u0000\u0000\n", "line 2: a NUL character"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guesses")
    void refusesInsteadOfGuessing(String what, String text, String message) throws Exception {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RegressionData.readCsv(csv)).as(what).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("data.csv").hasMessageContaining(message);
    }

    @Test
    void aByteOrderMarkDoesNotMakeTheFirstRowAHeader() throws Exception {
        Path csv = dir.resolve("bom.csv");
        Files.write(csv, "\uFEFF1,2\n3,4\n5,7\n".getBytes(StandardCharsets.UTF_8));
        RegressionData data = RegressionData.readCsv(csv);
        assertThat(data.size()).as("no row dropped").isEqualTo(3);
        assertThat(data.responses()).containsExactly(2, 4, 7);
    }

    @Test
    void aDeviceIsRefusedAtOnce() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
        assertThatThrownBy(() -> RegressionData.readCsv(zero)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("a NUL character");
    }

    @Test
    void theShippedDataSetsReadWhole() {
        assertThat(RegressionData.defaultData().size()).isEqualTo(RegressionData.DEFAULT_SIZE);
        assertThat(Iris.rows()).hasSize(150);
        assertThat(Iris.rows().get(0).species()).isEqualTo("setosa");
        assertThat(Iris.rows().get(149).features()).containsExactly(5.9, 3.0, 5.1, 1.8);
    }
}
