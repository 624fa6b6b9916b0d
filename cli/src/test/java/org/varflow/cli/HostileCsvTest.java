package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input suite for CSV inputs: samples of {@code distance} and data sets of {@code energy.data}, mutated
 * (seeded). A mutation that leaves the table's meaning intact (a header, comments, blank lines, CRLF, a byte-order
 * mark, spaces) must give exactly the clean file's answer; one that breaks a row (a typo, an empty cell, hex or
 * suffixed numbers, NaN, an overflow, a NUL, a 2 MB line, an escape sequence, bytes that are not UTF-8) must be
 * refused with exit code 2 and its line — never guessed around, as a dropped "header" or a skipped cell would be.
 */
class HostileCsvTest {
    private static final long SEED = 20261205L;
    private static final int CASES = 60;
    private static final String SAMPLE = "0,0\n1,0\n0,2\n2.5,-1\n";
    private static final String OTHER = "1,1\n-1,0.5\n2,2\n3,1\n";
    private static final String DATA = rows();

    @TempDir
    static Path work;

    private static String rows() {
        StringBuilder b = new StringBuilder();
        Random r = new Random(5);
        for (int i = 0; i < 12; i++) {
            double x = -1 + 3 * r.nextDouble();
            b.append(String.format(java.util.Locale.ROOT, "%.4f,%.4f%n", x, 0.5 - x + 0.3 * r.nextGaussian()));
        }
        return b.toString();
    }

    /** A change to the text of a table, and whether it keeps its meaning. */
    private record Mutation(String name, boolean benign, BiFunction<String, Random, String> apply) {
    }

    private static final List<Mutation> MUTATIONS = List.of(
            new Mutation("header", true, (t, r) -> "a,b\n" + t),
            new Mutation("comments and blank lines", true, (t, r) -> "# made by hand\n\n" + t.replace("\n", "\n\n")),
            new Mutation("CRLF", true, (t, r) -> t.replace("\n", "\r\n")),
            new Mutation("BOM and header", true, (t, r) -> "\uFEFFa,b\n" + t),
            new Mutation("spaces", true, (t, r) -> t.replace(",", " , ")),
            new Mutation("no final newline", true, (t, r) -> t.strip()),
            new Mutation("BOM before data", true, (t, r) -> "\uFEFF" + t),
            new Mutation("typo in the first row", false, (t, r) -> t.replaceFirst("^([-0-9.]+)", "$1x")),
            new Mutation("typo in a row", false, (t, r) -> replaceCell(t, r, c -> c + "o")),
            new Mutation("BOM and a typo", false, (t, r) -> "\uFEFF" + t.replaceFirst("^([-0-9.]+)", "$1.x")),
            new Mutation("leading comma", false, (t, r) -> "," + t),
            new Mutation("empty cell", false, (t, r) -> replaceCell(t, r, c -> "")),
            new Mutation("hex", false, (t, r) -> replaceCell(t, r, c -> "0x1p3")),
            new Mutation("suffix d", false, (t, r) -> replaceCell(t, r, c -> c + "d")),
            new Mutation("suffix f", false, (t, r) -> replaceCell(t, r, c -> c + "f")),
            new Mutation("NaN", false, (t, r) -> replaceCell(t, r, c -> "NaN")),
            new Mutation("infinity", false, (t, r) -> replaceCell(t, r, c -> "-Infinity")),
            new Mutation("overflow", false, (t, r) -> replaceCell(t, r, c -> "1e400")),
            new Mutation("semicolons", false, (t, r) -> t.replace(",", ";")),
            new Mutation("ragged row", false, (t, r) -> t + "1\n"),
            new Mutation("NUL", false, (t, r) -> t + "1,\u0000\n"),
            new Mutation("escape sequence", false, (t, r) -> replaceCell(t, r, c -> "\u001b[2J\u001b[31m" + c)),
            new Mutation("2 MB line", false, (t, r) -> t + "1," + "9".repeat(2_000_000) + "x\n"),
            new Mutation("names mixed with numbers", false, (t, r) -> "a,1\n" + t));

    private static String replaceCell(String text, Random r, java.util.function.UnaryOperator<String> change) {
        String[] lines = text.split("\n", -1);
        int row = r.nextInt(lines.length - 1);
        String[] cells = lines[row].split(",", -1);
        int col = r.nextInt(cells.length);
        cells[col] = change.apply(cells[col]);
        lines[row] = String.join(",", cells);
        return String.join("\n", lines);
    }

    /** Where a table goes: a sample of distance (w2, mmd, sliced-w2), or the data of a data energy. */
    private enum Target { W2, MMD, SLICED, DATA }

    static Stream<Arguments> cases() {
        Random rnd = new Random(SEED);
        List<Arguments> out = new ArrayList<>();
        for (int c = 0; c < CASES; c++) {
            Target target = Target.values()[rnd.nextInt(Target.values().length)];
            Mutation m = MUTATIONS.get(c < MUTATIONS.size() ? c : rnd.nextInt(MUTATIONS.size()));
            String clean = target == Target.DATA ? DATA : SAMPLE;
            out.add(Arguments.of(c, target, m.name(), m.benign(), clean, m.apply().apply(clean, new Random(c))));
        }
        return out.stream();
    }

    private static String[] command(Target target, Path file) {
        Path other = work.resolve("other.csv");
        return switch (target) {
            case W2 -> new String[] {"distance", "w2", file.toString(), other.toString(), "--json"};
            case MMD -> new String[] {"distance", "mmd", other.toString(), file.toString(), "--json", "--bandwidth",
                "1"};
            case SLICED -> new String[] {"distance", "sliced-w2", file.toString(), other.toString(), "--json"};
            case DATA -> new String[] {"run", "gradient-descent", "--energy", "linear-regression", "--set",
                "energy.data=" + file, "--steps", "5", "-q"};
        };
    }

    @ParameterizedTest(name = "csv {0}: {2} into {1}")
    @MethodSource("cases")
    void aTableIsReadExactlyOrRefusedWithItsLine(int index, Target target, String mutation, boolean benign,
                                                 String clean, String text) throws Exception {
        Files.writeString(work.resolve("other.csv"), OTHER);
        Path cleanFile = work.resolve("clean-" + index + ".csv");
        Files.writeString(cleanFile, clean);
        Path file = work.resolve("mutated-" + index + ".csv");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        CliRunner r = CliRunner.run(command(target, file));
        HostileChecks.endsCleanly(r, Main.USAGE);
        if (benign) {
            assertThat(r.code()).as("%s keeps the table's meaning; stderr %s", mutation, r.err()).isZero();
            CliRunner reference = CliRunner.run(command(target, cleanFile));
            assertThat(value(r)).as("the same answer as the clean file").isEqualTo(value(reference));
        } else {
            assertThat(r.code()).as("%s must be refused, not guessed around; stdout %s", mutation, r.out())
                    .isEqualTo(Main.USAGE);
            assertThat(r.err()).as("the place is named").containsPattern("line \\d+|not UTF-8|larger than");
        }
    }

    /** The number a command printed: the distance, or the run's initial energy (which reads every data row). */
    private static String value(CliRunner r) throws Exception {
        var json = new ObjectMapper().readTree(r.out());
        return json.has("value") ? json.get("value").asText() : json.get("energyInitial").asText();
    }
}
