package org.varflow.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.varflow.api.PartKind;

/**
 * The streaming writer prints exactly what Jackson's data binding printed before it (run summaries, checkpoints'
 * recorded specs and the golden files depend on the text, not only on its meaning).
 */
class JsonTextTest {
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final ObjectMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void writesWhatDataBindingWrites() throws Exception {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("preset", "langevin");
        tree.put("steps", 1000L);
        tree.put("particles", 7);
        tree.put("dt", 0.01);
        tree.put("tiny", 4.9e-324);
        tree.put("huge", -1.7976931348623157e308);
        tree.put("nan", Double.NaN);
        tree.put("inf", Double.NEGATIVE_INFINITY);
        tree.put("float", 0.1f);
        tree.put("exact", new BigDecimal("1.50"));
        tree.put("none", null);
        tree.put("finite", true);
        tree.put("words", List.of("a \"quoted\" word", "tab\tand\u0001control", "unicode \u00e9\u4e2d\ud83d\ude00"));
        tree.put("kind", PartKind.ENERGY);
        tree.put("mean", new double[] {1.0, -0.0, 2.5e-17});
        tree.put("counts", new long[] {1, Long.MAX_VALUE});
        tree.put("ints", new int[] {});
        tree.put("empty", Map.of());
        tree.put("nested", Map.of("x", List.of(Map.of("y", List.of()))));
        tree.put("boxes", new Object[] {1.0, "z", null});
        tree.put("small", List.of((short) -3, (byte) 7, Integer.MIN_VALUE));
        assertThat(JsonText.compact(tree)).isEqualTo(COMPACT.writeValueAsString(tree));
        assertThat(JsonText.pretty(tree)).isEqualTo(PRETTY.writeValueAsString(tree));
    }

    @Test
    void writesRandomTreesAsDataBindingDoes() throws Exception {
        SplittableRandom random = new SplittableRandom(20261205L);
        for (int i = 0; i < 200; i++) {
            Object tree = randomTree(random, 4);
            assertThat(JsonText.compact(tree)).isEqualTo(COMPACT.writeValueAsString(tree));
            assertThat(JsonText.pretty(tree)).isEqualTo(PRETTY.writeValueAsString(tree));
        }
    }

    @Test
    void refusesWhatHasNoPlainForm() {
        assertThatThrownBy(() -> JsonText.compact(Map.of("d", Duration.ofSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.time.Duration");
    }

    private static Object randomTree(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth == 0 ? 4 : 6);
        switch (kind) {
            case 0:
                return Double.longBitsToDouble(random.nextLong());
            case 1:
                return random.nextLong();
            case 2:
                return random.nextBoolean() ? null : Boolean.valueOf(random.nextBoolean());
            case 3:
                StringBuilder word = new StringBuilder();
                for (int j = random.nextInt(6); j > 0; j--) {
                    word.append((char) random.nextInt(0x3000)); // control characters, quotes, accents, CJK
                }
                return word.toString();
            case 4:
                Map<String, Object> m = new LinkedHashMap<>();
                for (int j = random.nextInt(4); j > 0; j--) {
                    m.put("k" + random.nextInt(100), randomTree(random, depth - 1));
                }
                return m;
            default:
                List<Object> l = new ArrayList<>();
                for (int j = random.nextInt(4); j > 0; j--) {
                    l.add(randomTree(random, depth - 1));
                }
                return l;
        }
    }
}
