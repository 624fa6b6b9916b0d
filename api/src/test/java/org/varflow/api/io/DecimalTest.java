package org.varflow.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalTest {
    @ParameterizedTest
    @ValueSource(strings = {"0", "-1.5", "+2", ".5", "5.", "2e-3", "1E+10", " 7 ", "1e400"})
    void plainDecimalsAreRead(String text) {
        assertThat(Decimal.parse(text)).isEqualTo(Double.parseDouble(text.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "0x1p3", "0x10", "1d", "2f", "1D", "NaN", "Infinity", "-Infinity", "1,5", "1e",
        "e5", ".", "--1", "1 2", "\u0661", "1_000"})
    void whatJavaWouldGuessIsRefused(String text) {
        assertThat(Decimal.isPlain(text.strip())).isFalse();
        assertThatThrownBy(() -> Decimal.parse(text)).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("not a plain decimal");
    }

    @Test
    void nothingIsNotANumber() {
        assertThat(Decimal.isPlain(null)).isFalse();
        assertThatThrownBy(() -> Decimal.parse(null)).isInstanceOf(NumberFormatException.class);
    }
}
