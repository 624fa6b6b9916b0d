package org.varflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameter descriptors parse what users type and refuse the rest with the valid range. */
class ParametersTest {
    private static final List<Parameter> DECLARED = List.of(
            Parameter.real("beta", 1.0, 0.5, 10, "inverse temperature"),
            Parameter.positive("rate", 2.0, "a rate"),
            Parameter.integer("n", 4, 1, 100, "a count"),
            Parameter.bool("fast", false, "a switch"),
            Parameter.choice("law", List.of("gaussian", "uniform"), "a law"),
            Parameter.vector("x0", "1,2", "a start"),
            Parameter.text("data", null, "a file"),
            Parameter.matrix("A", "a matrix"));

    @Test
    void defaultsAreFilledAndTypesParsed() {
        Parameters p = Parameters.resolve("energy 'e'", DECLARED, Map.of("beta", "2.5", "n", 7, "fast", "true",
                "law", "uniform", "x0", List.of(3, "4.5"), "A", List.of(List.of(1, 0), List.of(0, 2))));
        assertThat(p.real("beta")).isEqualTo(2.5);
        assertThat(p.real("rate")).isEqualTo(2.0);
        assertThat(p.integer("n")).isEqualTo(7L);
        assertThat(p.bool("fast")).isTrue();
        assertThat(p.text("law")).isEqualTo("uniform");
        assertThat(p.vector("x0")).containsExactly(3, 4.5);
        assertThat(p.matrix("A")[1]).containsExactly(0, 2);
        assertThat(p.has("data")).isFalse();
        assertThat(p.asMap()).containsEntry("x0", List.of(3.0, 4.5)).containsKey("A");
        assertThat(Parameters.empty().asMap()).isEmpty();
    }

    @Test
    void vectorsFromArraysTextAndNumbers() {
        Parameter v = Parameter.vector("v", null, "v");
        assertThat((double[]) v.parse(new double[] {1, 2})).containsExactly(1, 2);
        assertThat((double[]) v.parse("1, 2 3")).containsExactly(1, 2, 3);
        assertThat((double[]) v.parse(5)).containsExactly(5);
        assertThatThrownBy(() -> v.parse(new double[] {Double.NaN})).hasMessageContaining("not valid");
        assertThatThrownBy(() -> v.parse("")).hasMessageContaining("an empty list");
    }

    @Test
    void badValuesNameTheParameterAndTheValidRange() {
        assertThatThrownBy(() -> Parameters.resolve("entropy 'b'", DECLARED, Map.of("beta", 0.1)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("entropy 'b'")
                .hasMessageContaining("beta").hasMessageContaining("in [0.5, 10]");
        assertThatThrownBy(() -> Parameters.resolve("x", DECLARED, Map.of("rate", 0)))
                .hasMessageContaining("> 0");
        assertThatThrownBy(() -> Parameters.resolve("x", DECLARED, Map.of("n", "4.5")))
                .hasMessageContaining("a whole number");
        assertThatThrownBy(() -> Parameters.resolve("x", DECLARED, Map.of("fast", "yes")))
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> Parameters.resolve("x", DECLARED, Map.of("law", "cauchy")))
                .hasMessageContaining("one of [gaussian, uniform]");
        assertThatThrownBy(() -> Parameters.resolve("x", DECLARED, Map.of("bta", 1)))
                .hasMessageContaining("has no parameter 'bta'").hasMessageContaining("did you mean 'beta'");
        assertThatThrownBy(() -> Parameters.resolve("x", List.of(), Map.of("k", 1)))
                .hasMessageContaining("it takes no parameters");
        assertThatThrownBy(() -> Parameters.resolve("x", DECLARED, Map.of("A", List.of(List.of(1), List.of(1, 2)))))
                .hasMessageContaining("rows of different lengths");
    }

    @Test
    void descriptorsThemselvesAreChecked() {
        assertThatThrownBy(() -> Parameter.real("b", 20, 0, 10, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Parameter.real("2b", 1, 0, 10, "x")).hasMessageContaining("must be a word");
        assertThat(Parameter.text("t", null, "m").optional()).isTrue();
        assertThat(Parameter.integer("n", 1, 1, 5, "m").validRange()).isEqualTo("a whole number in [1, 5]");
        assertThat(Parameter.format(2.0)).isEqualTo("2");
        assertThat(Parameter.format(0.25)).isEqualTo("0.25");
    }

    @Test
    void oneEntryStandsForAllAndAnyOtherLengthIsNamed() {
        assertThat(Parameters.broadcast("space 'sphere'", "x0", new double[] {2}, 3, "the space has dimension 3"))
                .containsExactly(2, 2, 2);
        double[] given = {1, 2, 3};
        double[] taken = Parameters.broadcast("space 'sphere'", "x0", given, 3, "the space has dimension 3");
        assertThat(taken).containsExactly(1, 2, 3).isNotSameAs(given);
        assertThatThrownBy(() -> Parameters.broadcast("space 'sphere'", "x0", new double[] {1, 2}, 3,
                "the space has dimension 3")).isInstanceOf(ConfigurationException.class)
                .hasMessage("space 'sphere': parameter 'x0' has 2 entries but the space has dimension 3; give 1 or 3"
                        + " entries");
    }
}
