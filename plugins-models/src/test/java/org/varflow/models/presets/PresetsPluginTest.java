package org.varflow.models.presets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.varflow.api.Plugin;
import org.varflow.api.Preset;

class PresetsPluginTest {

    @Test
    void serviceLoaderFindsThePlugin() {
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(PresetsPlugin.class);
        assertThat(new PresetsPlugin().id()).isEqualTo("varflow-presets");
    }

    /** The plugin provides every preset of the package, once, and nothing else. */
    @Test
    void providesEveryPresetOnce() {
        PresetsPlugin plugin = new PresetsPlugin();
        List<Preset> expected = new ArrayList<>();
        expected.addAll(MethodPresets.all());
        expected.addAll(GeometryPresets.all());
        expected.addAll(SamplingPresets.all());
        expected.addAll(MeasurePresets.all());
        expected.add(VariationalPresets.gaussianVi());
        expected.addAll(PathPresets.all());
        expected.addAll(MeanFieldPresets.all());
        expected.addAll(GenerativePresets.all());
        assertThat(plugin.presets()).extracting(Preset::id)
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(Preset::id).toList())
                .doesNotHaveDuplicates();
        assertThat(plugin.spaces()).isEmpty();
        assertThat(plugin.metrics()).isEmpty();
        assertThat(plugin.energies()).isEmpty();
        assertThat(plugin.schemes()).isEmpty();
        for (Preset p : plugin.presets()) {
            assertThat(p.id()).matches("[a-z][a-z0-9-]*");
            assertThat(p.summary()).as(p.id()).isNotBlank();
            assertThat(p.equation()).as(p.id()).isNotBlank();
            assertThat(p.spec().preset()).as(p.id()).isEqualTo(p.id());
        }
        Preset vi = VariationalPresets.gaussianVi();
        assertThat(vi.reducesTo()).hasSizeGreaterThan(200);
        assertThat(vi.references()).isNotEmpty();
    }
}
