package org.varflow.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Metric;
import org.varflow.api.Parameters;
import org.varflow.api.Plugin;
import org.varflow.api.Space;
import org.varflow.geometry.diagonal.DiagonalMetricFactory;

class GeometryPluginTest {

    @Test
    void serviceLoaderFindsThePlugin() {
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(GeometryPlugin.class);
    }

    @Test
    void diagonalMetricRaisesAndItsRootSquaresToK() {
        DiagonalMetricFactory f = new DiagonalMetricFactory();
        Metric m = f.create(Parameters.resolve("metric", f.parameters(), Map.of("k", "2,0.5,3")), space(3));
        double[] x = new double[3];
        double[] out = new double[3];
        m.raise(x, new double[] {1, 1, 1}, out);
        assertThat(out).containsExactly(2, 0.5, 3);
        // S S^T = K, checked against the generic Cholesky default of the Metric SPI
        double[] xi = {0.3, -1.2, 2.0};
        double[] fast = new double[3];
        m.sqrtRaise(x, xi, fast);
        double[] generic = new double[3];
        new Metric() {
            @Override
            public void raise(double[] y, double[] v, double[] o) {
                m.raise(y, v, o);
            }
        }.sqrtRaise(x, xi, generic);
        for (int i = 0; i < 3; i++) {
            assertThat(fast[i]).isCloseTo(generic[i], within(1e-14));
        }
    }

    @Test
    void wrongLengthOrNonPositiveMobilityIsRefused() {
        DiagonalMetricFactory f = new DiagonalMetricFactory();
        assertThatThrownBy(() -> f.create(Parameters.resolve("metric", f.parameters(), Map.of("k", "1,2")), space(3)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("2 entries")
                .hasMessageContaining("dimension 3");
        assertThatThrownBy(() -> f.create(Parameters.resolve("metric", f.parameters(), Map.of("k", "1,0")), space(2)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("k_2 = 0");
    }

    private static Space space(int d) {
        return new Space() {
            @Override
            public String kind() {
                return EUCLIDEAN;
            }

            @Override
            public int dimension() {
                return d;
            }

            @Override
            public double[] initialState() {
                return new double[d];
            }
        };
    }
}
