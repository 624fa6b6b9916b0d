package org.varflow.generative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.varflow.api.EnergyFactory;
import org.varflow.api.ObserverFactory;
import org.varflow.api.Parameter;
import org.varflow.api.PartFactory;
import org.varflow.api.Plugin;
import org.varflow.api.SchemeFactory;
import org.varflow.api.SpaceFactory;

class GenerativePluginTest {

    @Test
    void serviceLoaderFindsThePlugin() {
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(GenerativePlugin.class);
        assertThat(new GenerativePlugin().id()).isEqualTo("varflow-generative");
    }

    @Test
    void providesTheDiffusionAndBridgeParts() {
        GenerativePlugin p = new GenerativePlugin();
        assertThat(p.spaces()).extracting(SpaceFactory::id).containsExactly("coupling");
        assertThat(p.energies()).extracting(EnergyFactory::id).containsExactlyInAnyOrder("diffusion-score",
                "entropic-ot");
        assertThat(p.schemes()).extracting(SchemeFactory::id).containsExactlyInAnyOrder("reverse-diffusion",
                "sinkhorn");
        assertThat(p.observers()).extracting(ObserverFactory::id).containsExactlyInAnyOrder("diffusion-w2",
                "entropic-ot");
        assertThat(p.metrics()).isEmpty();
        assertThat(p.presets()).isEmpty();
        java.util.List<PartFactory<?>> parts = new java.util.ArrayList<>();
        parts.addAll(p.spaces());
        parts.addAll(p.energies());
        parts.addAll(p.schemes());
        for (PartFactory<?> f : parts) {
            assertThat(f.summary()).as(f.id()).isNotBlank();
            for (Parameter q : f.parameters()) {
                assertThat(q.meaning()).as(f.id() + "." + q.name()).isNotBlank();
            }
        }
    }
}
