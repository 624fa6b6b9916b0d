package org.varflow.geometry.symplectic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameters;
import org.varflow.api.Plugin;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;

/** Phase space, its lift H = E(q) + |p|^2 / 2m, and the plugin's registration. */
class PhaseSpaceTest {

    @Test
    void serviceLoaderFindsThePluginAndItsParts() {
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(SymplecticPlugin.class);
        SymplecticPlugin plugin = new SymplecticPlugin();
        assertThat(plugin.id()).isEqualTo("varflow-symplectic");
        assertThat(plugin.spaces()).extracting(SpaceFactory::id).containsExactly("phase-space");
        assertThat(plugin.metrics()).extracting(MetricFactory::id)
                .containsExactlyInAnyOrder("symplectic", "underdamped", "phase-gradient");
        assertThat(plugin.schemes()).isEmpty();
        for (MetricFactory m : plugin.metrics()) {
            assertThat(m.spaces()).containsExactly(PhaseSpace.KIND);
            assertThat(m.formula()).isNotBlank();
        }
    }

    @Test
    void stateIsQThenPWithABaseOfPositions() {
        PhaseSpaceFactory f = new PhaseSpaceFactory();
        Space s = f.create(Parameters.resolve("space", f.parameters(),
                Map.of("dimension", 2, "q0", "1,-2", "p0", "0.5", "mass", 2)));
        assertThat(s.kind()).isEqualTo("phase-space");
        assertThat(s.dimension()).isEqualTo(4);
        assertThat(s.initialState()).containsExactly(1, -2, 0.5, 0.5);
        assertThat(s.coordinateName(0)).isEqualTo("q1");
        assertThat(s.coordinateName(1)).isEqualTo("q2");
        assertThat(s.coordinateName(2)).isEqualTo("p1");
        assertThat(s.coordinateName(3)).isEqualTo("p2");
        Space base = s.base();
        assertThat(base.kind()).isEqualTo(Space.EUCLIDEAN);
        assertThat(base.dimension()).isEqualTo(2);
        assertThat(base.initialState()).containsExactly(1, -2);
        assertThat(((PhaseSpace) s).mass()).isEqualTo(2.0);
        // defaults: one degree of freedom at q = 1, p = 0, m = 1
        Space unit = f.create(Parameters.resolve("space", f.parameters(), Map.of()));
        assertThat(unit.initialState()).containsExactly(1, 0);
    }

    @Test
    void badVectorLengthsAreRefusedByName() {
        PhaseSpaceFactory f = new PhaseSpaceFactory();
        assertThatThrownBy(() -> f.create(Parameters.resolve("space", f.parameters(),
                Map.of("dimension", 3, "q0", "1,2"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'q0' has 2 entries")
                .hasMessageContaining("3 degrees of freedom");
        assertThatThrownBy(() -> Parameters.resolve("space 'phase-space'", f.parameters(), Map.of("mass", 0)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'mass' = 0");
    }

    @Test
    void liftIsEPlusKineticEnergyWithItsGradientAndHessian() {
        PhaseSpace s = Mechanics.space(new double[] {0, 0}, new double[] {0, 0}, 2.0);
        Energy h = s.lift(Mechanics.anharmonic());
        double[] x = {0.3, -0.7, 1.1, -0.4};
        double kinetic = (1.1 * 1.1 + 0.4 * 0.4) / 4;
        assertThat(h.value(x)).isCloseTo(Mechanics.anharmonic().value(new double[] {0.3, -0.7}) + kinetic,
                within(1e-15));
        double[] g = new double[4];
        h.gradient(x, g);
        double[] g2 = new double[4];
        assertThat(h.valueAndGradient(x, g2)).isCloseTo(h.value(x), within(1e-15));
        assertThat(g2).containsExactly(g);
        // central differences, step 1e-6: error O(1e-12) + rounding O(1e-10)
        for (int i = 0; i < 4; i++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += 1e-6;
            xm[i] -= 1e-6;
            assertThat(g[i]).as("dH/dx_%d", i).isCloseTo((h.value(xp) - h.value(xm)) / 2e-6, within(1e-8));
        }
        assertThat(g[2]).isCloseTo(1.1 / 2, within(1e-15));
        double[] hess = new double[16];
        h.hessian(x, hess);
        assertThat(hess[2 * 4 + 2]).isCloseTo(0.5, within(1e-15));
        assertThat(hess[3 * 4 + 3]).isCloseTo(0.5, within(1e-15));
        assertThat(hess[0 * 4 + 2]).isZero();
        assertThat(hess[0]).isCloseTo(3 * 0.09 - 1, within(1e-6));
    }

    @Test
    void liftedGradientAllocatesNothing() {
        PhaseSpace s = Mechanics.space(new double[] {0, 0}, new double[] {0, 0}, 1.0);
        Energy h = s.lift(Mechanics.anharmonic());
        double[] x = {0.3, -0.7, 1.1, -0.4};
        double[] g = new double[4];
        long bytes = Mechanics.bytesAllocatedBy(() -> {
            for (int k = 0; k < 10_000; k++) {
                h.gradient(x, g);
                h.valueAndGradient(x, g);
                h.value(x);
            }
        });
        assertThat(bytes).isLessThan(16_384L);
    }
}
