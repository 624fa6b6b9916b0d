package org.varflow.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;

/** The one CSV reader: a header only when every cell is a name, every other row parsed completely or refused. */
class CsvTableTest {

    private static CsvTable parse(String text) throws IOException {
        return CsvTable.parse(new StringReader(text), "t.csv");
    }

    @Test
    void readsAHeaderAndRows() throws IOException {
        CsvTable t = parse("# a comment\nx, y\n1, 2\n\n-3.5,4e-2\n");
        assertThat(t.header()).containsExactly("x", "y");
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.values()).containsExactly(1, 2, -3.5, 0.04);
        assertThat(t.column(t.columnIndex("y"))).containsExactly(2, 0.04);
    }

    @Test
    void withoutAHeaderEveryRowIsData() throws IOException {
        CsvTable t = parse("1,2\n3,4\n");
        assertThat(t.hasHeader()).isFalse();
        assertThat(t.rows()).isEqualTo(2);
        assertThatThrownBy(() -> t.columnIndex("x")).hasMessageContaining("no header row");
    }

    @Test
    void aByteOrderMarkIsNotAHeader() throws IOException {
        CsvTable t = CsvTable.read(new ByteArrayInputStream("\uFEFF1,2\n3,4\n".getBytes(StandardCharsets.UTF_8)),
                "bom.csv", 1000);
        assertThat(t.hasHeader()).isFalse();
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.get(0, 0)).isEqualTo(1.0);
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> broken() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("a typo in the first row", "1,2.x\n3,4",
                        "line 1, column 2: '2.x' is not a number"),
                org.junit.jupiter.params.provider.Arguments.of("a leading comma", ",1,2\n3,4,5",
                        "line 1, column 1: an empty cell"),
                org.junit.jupiter.params.provider.Arguments.of("an empty cell", "1,2,3\n1,,2",
                        "line 2, column 2: an empty cell"),
                org.junit.jupiter.params.provider.Arguments.of("hexadecimal", "1,2\n0x1p3,4",
                        "line 2, column 1: '0x1p3' is not a number"),
                org.junit.jupiter.params.provider.Arguments.of("a suffixed double", "1,2\n1d,4",
                        "line 2, column 1: '1d' is not a number"),
                org.junit.jupiter.params.provider.Arguments.of("NaN", "1,2\nNaN,4",
                        "line 2, column 1: 'NaN' is not a number"),
                org.junit.jupiter.params.provider.Arguments.of("infinity in the first row", "Infinity,1",
                        "line 1, column 1: 'Infinity' is not a number"),
                org.junit.jupiter.params.provider.Arguments.of("an overflow", "1,2\n1e400,4", "'1e400' is too large"),
                org.junit.jupiter.params.provider.Arguments.of("names and numbers in the first row", "x,1\n2,3",
                        "mixes names and numbers"),
                org.junit.jupiter.params.provider.Arguments.of("a ragged row", "x,y\n1,2\n3",
                        "line 3: 1 cell, but the header has 2"),
                org.junit.jupiter.params.provider.Arguments.of("only a header", "x,y", "holds no rows of numbers"),
                org.junit.jupiter.params.provider.Arguments.of("semicolons", "1;2\n3;4", "'1;2' is not a number"));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("broken")
    void refusesWhatItCannotReadWithTheLineAndColumn(String what, String text, String message) {
        assertThatThrownBy(() -> parse(text)).as(what)
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("t.csv").hasMessageContaining(message);
    }

    @Test
    void stopsReadingAtTheByteLimit() {
        byte[] big = "1,2\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CsvTable.read(new ByteArrayInputStream(big), "big.csv", 100))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("big.csv is larger than");
    }

    @Test
    void refusesTextThatIsNotUtf8() {
        byte[] latin1 = {'1', ',', (byte) 0xe9, '\n'};
        assertThatThrownBy(() -> CsvTable.read(new ByteArrayInputStream(latin1), "l.csv", 100))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not UTF-8");
    }

    @Test
    void messagesQuoteAndShortenWhatCameFromInput() {
        String nasty = "\u001b[31m" + "x".repeat(5000);
        assertThatThrownBy(() -> parse("1,2\n1," + nasty + "\n")).satisfies(e -> {
            assertThat(e.getMessage()).doesNotContain("\u001b").contains("\\u001b[31m").hasSizeLessThan(200)
                    .contains("(5005 characters)");
        });
    }
}
