package org.varflow.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.varflow.api.EntropyFactory;
import org.varflow.api.NoiseFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.PartFactory;
import org.varflow.api.PartKind;
import org.varflow.api.Plugin;

class NoisePluginTest {

    @Test
    void serviceLoaderFindsThePlugin() {
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(NoisePlugin.class);
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get).map(Plugin::id))
                .contains("varflow-noise");
    }

    @Test
    void providesTheEntropiesAndNoises() {
        NoisePlugin plugin = new NoisePlugin();
        assertThat(plugin.entropies()).extracting(EntropyFactory::id)
                .containsExactlyInAnyOrder("none", "boltzmann", "annealed", "tsallis");
        assertThat(plugin.noises()).extracting(NoiseFactory::id).containsExactlyInAnyOrder("none", "thermal");
        assertThat(plugin.entropies()).extracting(PartFactory::kind).containsOnly(PartKind.ENTROPY);
        assertThat(plugin.noises()).extracting(PartFactory::kind).containsOnly(PartKind.NOISE);
        assertThat(plugin.schemes()).isEmpty();
        assertThat(plugin.energies()).isEmpty();
        assertThat(plugin.presets()).isEmpty();
    }

    @Test
    void everyPartDescribesItselfAndBuildsWithItsDefaults() {
        NoisePlugin plugin = new NoisePlugin();
        Stream.concat(plugin.entropies().stream(), plugin.noises().stream()).forEach(f -> {
            assertThat(f.id()).matches("[a-z][a-z0-9-]*");
            assertThat(f.summary()).isNotBlank();
            assertThat(f.formula()).as(f.id()).isNotBlank();
            assertThat(f.spaces()).as("works on any space").isEmpty();
            for (Parameter p : f.parameters()) {
                assertThat(p.meaning()).isNotBlank();
            }
        });
        for (EntropyFactory f : plugin.entropies()) {
            assertThat(f.create(Parameters.resolve("entropy '" + f.id() + "'", f.parameters(), Map.of()),
                    new TestSpace(2))).isNotNull();
        }
        for (NoiseFactory f : plugin.noises()) {
            assertThat(f.create(Parameters.resolve("noise '" + f.id() + "'", f.parameters(), Map.of()),
                    new TestSpace(2))).isNotNull();
        }
    }
}
