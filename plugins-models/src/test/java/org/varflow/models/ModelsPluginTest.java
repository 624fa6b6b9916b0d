package org.varflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.PartKind;
import org.varflow.api.Plugin;
import org.varflow.api.Space;

class ModelsPluginTest {

    @Test
    void serviceLoaderFindsThePlugin() {
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(ModelsPlugin.class);
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get).map(Plugin::id))
                .contains("varflow-models");
    }

    @Test
    void providesTheTestFunctions() {
        ModelsPlugin plugin = new ModelsPlugin();
        assertThat(plugin.energies()).extracting(EnergyFactory::id)
                .containsExactlyInAnyOrder("quadratic", "double-well", "rosenbrock");
        assertThat(plugin.presets()).isEmpty();
        assertThat(plugin.spaces()).isEmpty();
        assertThat(plugin.metrics()).isEmpty();
        assertThat(plugin.schemes()).isEmpty();
    }

    @Test
    void everyEnergyDescribesItself() {
        for (EnergyFactory f : new ModelsPlugin().energies()) {
            assertThat(f.id()).matches("[a-z][a-z0-9-]*");
            assertThat(f.kind()).isEqualTo(PartKind.ENERGY);
            assertThat(f.summary()).isNotBlank();
            assertThat(f.formula()).as(f.id()).startsWith("E(x) =");
            assertThat(f.spaces()).containsExactly(Space.EUCLIDEAN);
            assertThat(f.parameters()).as(f.id()).isNotEmpty();
            for (Parameter p : f.parameters()) {
                assertThat(p.meaning()).as(f.id() + "." + p.name()).isNotBlank();
            }
            // all defaults are valid: the part can be built with no parameters given
            Parameters defaults = Parameters.resolve("energy '" + f.id() + "'", f.parameters(), Map.of());
            assertThat(f.create(defaults, new TestSpace(3)).value(new double[] {0.5, -0.5, 2})).isFinite();
        }
    }
}
