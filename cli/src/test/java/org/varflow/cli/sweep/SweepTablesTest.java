package org.varflow.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A varied key's column is numeric only when every value is a plain decimal: values that Java's own reader would
 * take as numbers ({@code 1d}, {@code 0x1p3}, {@code NaN}), such as the names of files given to a text parameter,
 * stay text in the tables and the plots.
 */
class SweepTablesTest {
    @Test
    void aKeyIsNumericOnlyWhenEveryValueIsAPlainDecimal() {
        assertThat(SweepTables.numeric(plan("0.5", "1", "2e-3", "-.5"), 0)).isTrue();
        for (String lenient : List.of("1d", "2f", "0x1p3", "NaN", "Infinity")) {
            assertThat(SweepTables.numeric(plan("1", lenient), 0)).as(lenient).isFalse();
        }
    }

    private static SweepPlan plan(String... values) {
        List<SweepPlan.Cell> cells = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            cells.add(new SweepPlan.Cell(i, "k=" + values[i], List.of(values[i]), null, 1));
        }
        return new SweepPlan(List.of("k"), cells, List.of(), List.of(), 1);
    }
}
