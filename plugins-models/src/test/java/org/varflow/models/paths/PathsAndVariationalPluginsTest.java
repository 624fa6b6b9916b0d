package org.varflow.models.paths;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.varflow.api.Parameter;
import org.varflow.api.PartFactory;
import org.varflow.api.Plugin;
import org.varflow.api.Preset;
import org.varflow.models.presets.PathPresets;
import org.varflow.models.presets.VariationalPresets;
import org.varflow.models.vi.VariationalPlugin;

/** ServiceLoader finds both plugins; every part and preset describes itself fully. */
class PathsAndVariationalPluginsTest {

    @Test
    void serviceLoaderFindsThePlugins() {
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(PathsPlugin.class, VariationalPlugin.class);
    }

    @Test
    void everyPartAndPresetExplainsItself() {
        for (Plugin plugin : List.<Plugin>of(new PathsPlugin(), new VariationalPlugin())) {
            List<PartFactory<?>> parts = new java.util.ArrayList<>();
            parts.addAll(plugin.spaces());
            parts.addAll(plugin.metrics());
            parts.addAll(plugin.energies());
            for (PartFactory<?> f : parts) {
                assertThat(f.id()).matches("[a-z][a-z0-9-]*");
                assertThat(f.summary()).as(f.id()).isNotBlank();
                assertThat(f.formula()).as(f.id()).isNotBlank();
                for (Parameter p : f.parameters()) {
                    assertThat(p.meaning()).as(f.id() + "." + p.name()).isNotBlank();
                }
            }
            assertThat(plugin.presets()).isEmpty();
        }
        List<Preset> presets = new java.util.ArrayList<>(PathPresets.all());
        presets.add(VariationalPresets.gaussianVi());
        for (Preset p : presets) {
            assertThat(p.summary()).as(p.id()).isNotBlank();
            assertThat(p.equation()).as(p.id()).isNotBlank();
            assertThat(p.reducesTo()).as(p.id()).hasSizeGreaterThan(200);
            assertThat(p.references()).as(p.id()).isNotEmpty();
        }
        assertThat(PathPresets.all()).extracting(Preset::id).containsExactly("least-action", "brachistochrone");
    }
}
