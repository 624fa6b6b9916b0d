package org.varflow.noise.entropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Entropy;
import org.varflow.api.Parameters;
import org.varflow.noise.TestSpace;

/** The cooling schedules beta(t) of entropy 'annealed'. */
class AnnealedEntropyTest {

    @Test
    void schedulesFollowTheirFormulas() {
        Entropy geometric = create(Map.of("beta", 2, "schedule", "geometric", "rate", 0.5));
        assertThat(geometric.beta()).isEqualTo(2.0);
        assertThat(geometric.isNone()).isFalse();
        for (double t : new double[] {0, 0.3, 4, 17}) {
            assertThat(geometric.temperatureAt(t)).isCloseTo(1 / (2 * Math.exp(0.5 * t)), within(1e-15));
        }
        // per step of h the temperature is multiplied by exp(-rate h): geometric cooling
        assertThat(geometric.temperatureAt(1.1) / geometric.temperatureAt(1.0)).isCloseTo(Math.exp(-0.05),
                within(1e-12));

        Entropy log = create(Map.of("beta", 3, "schedule", "logarithmic", "rate", 2));
        assertThat(log.temperatureAt(0)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(log.temperatureAt(10)).isCloseTo(1 / (3 * Math.log(Math.E + 20)), within(1e-15));

        Entropy constant = create(Map.of("beta", 4, "schedule", "constant"));
        assertThat(constant.temperatureAt(0)).isEqualTo(0.25);
        assertThat(constant.temperatureAt(1e6)).isEqualTo(0.25);
    }

    @Test
    void capsBetaAndNeverOverflowsToNaN() {
        Entropy capped = create(Map.of("beta", 1, "rate", 1, "betaMax", 50));
        assertThat(capped.temperatureAt(Math.log(50) - 1e-9)).isGreaterThan(1.0 / 50);
        assertThat(capped.temperatureAt(Math.log(50) + 1e-9)).isEqualTo(1.0 / 50);
        assertThat(capped.temperatureAt(1e300)).isEqualTo(1.0 / 50);
        Entropy uncapped = create(Map.of("beta", 1, "rate", 1));
        assertThat(uncapped.temperatureAt(1e4)).isZero(); // beta overflows to +infinity: T = 0, frozen
        assertThat(uncapped.temperatureAt(-5)).isEqualTo(1.0); // before t = 0: beta0
    }

    @Test
    void refusesACapBelowTheStart() {
        assertThatThrownBy(() -> create(Map.of("beta", 5, "betaMax", 2))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("betaMax = 2 is below beta = 5");
        assertThatThrownBy(() -> create(Map.of("schedule", "linear"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("one of [geometric, logarithmic, constant]");
    }

    private static Entropy create(Map<String, Object> raw) {
        AnnealedEntropyFactory f = new AnnealedEntropyFactory();
        return f.create(Parameters.resolve("entropy 'annealed'", f.parameters(), raw), new TestSpace(1));
    }
}
