package org.varflow.noise.entropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Entropy;
import org.varflow.api.EntropyFactory;
import org.varflow.api.Parameters;
import org.varflow.noise.TestSpace;

class EntropyTest {

    @Test
    void noneIsZeroTemperature() {
        Entropy none = create(new NoEntropyFactory(), Map.of());
        assertThat(none.beta()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(none.isNone()).isTrue();
        assertThat(none.temperatureAt(0)).isZero();
        assertThat(none.temperatureAt(7.5)).isZero();
        assertThat(new NoEntropyFactory().parameters()).isEmpty();
    }

    @Test
    void boltzmannTemperatureIsOneOverBeta() {
        Entropy unit = create(new BoltzmannEntropyFactory(), Map.of());
        assertThat(unit.beta()).isEqualTo(1.0);
        assertThat(unit.temperatureAt(3)).isEqualTo(1.0);
        assertThat(unit.isNone()).isFalse();

        Entropy cold = create(new BoltzmannEntropyFactory(), Map.of("beta", "4"));
        assertThat(cold.beta()).isEqualTo(4.0);
        assertThat(cold.temperatureAt(0)).isEqualTo(0.25);
        assertThat(cold.temperatureAt(100)).isEqualTo(0.25);
    }

    @Test
    void boltzmannRefusesANonPositiveBeta() {
        assertThatThrownBy(() -> create(new BoltzmannEntropyFactory(), Map.of("beta", 0)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("entropy 'boltzmann'")
                .hasMessageContaining("'beta' = 0")
                .hasMessageContaining("> 0");
        assertThatThrownBy(() -> create(new BoltzmannEntropyFactory(), Map.of("beta", "-2")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'beta' = -2");
        assertThatThrownBy(() -> create(new BoltzmannEntropyFactory(), Map.of("temperature", 2)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("has no parameter 'temperature'");
    }

    private static Entropy create(EntropyFactory factory, Map<String, Object> raw) {
        return factory.create(Parameters.resolve("entropy '" + factory.id() + "'", factory.parameters(), raw),
                new TestSpace(1));
    }
}
