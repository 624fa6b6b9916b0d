package org.varflow.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.PartFactory;
import org.varflow.api.Plugin;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;
import org.varflow.geometry.diagonal.DiagonalMetricFactory;

class GeometryPluginTest {

    @Test
    void serviceLoaderFindsThePlugin() {
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(GeometryPlugin.class);
    }

    @Test
    void providesTheGeometries() {
        GeometryPlugin p = new GeometryPlugin();
        assertThat(p.spaces()).extracting(SpaceFactory::id).containsExactlyInAnyOrder("sphere", "poincare-ball",
                "simplex", "positive-orthant", "statistical-model", "gaussian", "path");
        assertThat(p.metrics()).extracting(MetricFactory::id).containsExactlyInAnyOrder("diagonal", "sphere",
                "spd-field", "poincare", "fisher", "mirror", "fisher-rao-gaussian", "bures-wasserstein", "path-l2");
        assertThat(p.schemes()).isEmpty();
        assertThat(p.energies()).isEmpty();
        assertThat(p.presets()).isEmpty();
    }

    /** Every part says what it is, documents its parameters and builds with its defaults on a space it supports. */
    @Test
    void everyPartDescribesItselfAndBuildsWithItsDefaults() {
        GeometryPlugin p = new GeometryPlugin();
        List<PartFactory<?>> all = new ArrayList<>();
        all.addAll(p.spaces());
        all.addAll(p.metrics());
        all.addAll(p.schemes());
        List<Space> spaces = new ArrayList<>();
        for (SpaceFactory f : p.spaces()) {
            Space s = f.create(Parameters.resolve(f.id(), f.parameters(), Map.of()));
            spaces.add(s);
            assertThat(s.initialState()).hasSize(s.dimension());
        }
        spaces.add(new org.varflow.geometry.internal.Vectors.SimpleSpace(Space.EUCLIDEAN, 2, new double[] {1, 1}));
        for (PartFactory<?> f : all) {
            assertThat(f.id()).matches("[a-z][a-z0-9-]*");
            assertThat(f.summary()).as(f.id()).isNotBlank();
            assertThat(f.formula()).as(f.id()).isNotBlank();
            for (Parameter par : f.parameters()) {
                assertThat(par.meaning()).as(f.id() + "." + par.name()).isNotBlank();
            }
            if (f instanceof MetricFactory m && !m.id().equals("fisher")) {
                // at least one supported space works with the defaults (mirror's default potential needs a simplex
                // or orthant, not R^d; path-l2 needs the path space)
                int built = 0;
                for (Space space : spaces) {
                    if (!m.supports(space.kind())) {
                        continue;
                    }
                    try {
                        assertThat(m.create(Parameters.resolve(m.id(), m.parameters(), Map.of()), space))
                                .as(m.id()).isNotNull();
                        built++;
                    } catch (ConfigurationException e) {
                        assertThat(e.getMessage()).as(m.id()).contains(m.id());
                    }
                }
                assertThat(built).as(m.id() + " builds with its defaults on some space").isPositive();
            }
        }
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
