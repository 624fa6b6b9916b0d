package org.varflow.models.paths;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Plugin;
import org.varflow.api.Preset;
import org.varflow.models.presets.PathPresets;

/** ServiceLoader finds the plugin; its energies and the path presets describe themselves fully. */
class PathsPluginTest {

    @Test
    void serviceLoaderFindsThePlugin() {
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(PathsPlugin.class);
    }

    @Test
    void everyEnergyAndPresetExplainsItself() {
        PathsPlugin plugin = new PathsPlugin();
        assertThat(plugin.energies()).extracting(EnergyFactory::id).containsExactlyInAnyOrder("action",
                "brachistochrone");
        assertThat(plugin.spaces()).isEmpty();
        assertThat(plugin.metrics()).isEmpty();
        assertThat(plugin.presets()).isEmpty();
        for (EnergyFactory f : plugin.energies()) {
            assertThat(f.id()).matches("[a-z][a-z0-9-]*");
            assertThat(f.summary()).as(f.id()).isNotBlank();
            assertThat(f.formula()).as(f.id()).isNotBlank();
            for (Parameter p : f.parameters()) {
                assertThat(p.meaning()).as(f.id() + "." + p.name()).isNotBlank();
            }
        }
        for (Preset p : PathPresets.all()) {
            assertThat(p.summary()).as(p.id()).isNotBlank();
            assertThat(p.equation()).as(p.id()).isNotBlank();
            assertThat(p.reducesTo()).as(p.id()).hasSizeGreaterThan(200);
            assertThat(p.references()).as(p.id()).isNotEmpty();
        }
        assertThat(PathPresets.all()).extracting(Preset::id).containsExactly("least-action", "brachistochrone");
    }
}
