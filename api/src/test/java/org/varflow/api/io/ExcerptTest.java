package org.varflow.api.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Input text in messages: escaped, quoted, shortened; whole messages made safe for a terminal. */
class ExcerptTest {
    @ParameterizedTest
    @ValueSource(strings = {"\u001b[2J\u001b[31mred", "bell\u0007", "csi\u009b31m", "rtl\u202eevil", "nul\u0000",
        "line\u2028sep", "cr\rlf"})
    void escapesEveryControlAndFormatCharacter(String input) {
        for (String shown : new String[] {Excerpt.quote(input), Excerpt.message("id " + input), Excerpt.path(input)}) {
            assertThat(shown.chars().filter(c -> (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || c == 0x202e
                    || c == 0x2028)).as(shown).isEmpty();
        }
    }

    @Test
    void keepsPairedSurrogatesAndShortens() {
        assertThat(Excerpt.quote("emoji \uD83D\uDE00")).isEqualTo("'emoji \uD83D\uDE00'");
        assertThat(Excerpt.quote("lone \uDE00")).isEqualTo("'lone \\ude00'");
        String huge = "y".repeat(5_000_000);
        assertThat(Excerpt.quote(huge)).hasSizeLessThan(80).endsWith("(5000000 characters)");
        assertThat(Excerpt.message("bad: " + huge)).hasSizeLessThan(Excerpt.MAX_MESSAGE + 60)
                .endsWith("(message shortened from 5000005 characters)");
        assertThat(Excerpt.path("/tmp/plain name.csv")).isEqualTo("/tmp/plain name.csv");
        assertThat(Excerpt.path("/tmp/\u001b[1m.csv")).isEqualTo("'/tmp/\\u001b[1m.csv'");
        assertThat(Excerpt.message("two\nlines")).isEqualTo("two\nlines");
    }
}
