package org.varflow.schemes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.varflow.api.Parameter;
import org.varflow.api.Plugin;
import org.varflow.api.SchemeFactory;
import org.varflow.api.SpaceKinds;
import org.varflow.api.StochasticSchemeFactory;

class SchemesPluginTest {

    @Test
    void serviceLoaderFindsThePlugin() {
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(SchemesPlugin.class);
        assertThat(new SchemesPlugin().id()).isEqualTo("varflow-schemes");
    }

    @Test
    void providesSchemesOnly() {
        SchemesPlugin plugin = new SchemesPlugin();
        assertThat(plugin.schemes()).extracting(SchemeFactory::id).containsExactlyInAnyOrder("mirror-step", "adam",
                "rmsprop", "leapfrog", "baoab", "mala", "minibatch");
        assertThat(plugin.schemes()).filteredOn(f -> f instanceof StochasticSchemeFactory)
                .extracting(SchemeFactory::id).containsExactlyInAnyOrder("baoab", "mala", "minibatch");
        assertThat(plugin.spaces()).isEmpty();
        assertThat(plugin.metrics()).isEmpty();
        assertThat(plugin.energies()).isEmpty();
        assertThat(plugin.entropies()).isEmpty();
        assertThat(plugin.noises()).isEmpty();
        assertThat(plugin.observers()).isEmpty();
        assertThat(plugin.presets()).isEmpty();
    }

    /** Every scheme says what it is and documents its parameters; the splitting schemes work on phase space. */
    @Test
    void everySchemeDescribesItself() {
        for (SchemeFactory f : new SchemesPlugin().schemes()) {
            assertThat(f.id()).matches("[a-z][a-z0-9-]*");
            assertThat(f.summary()).as(f.id()).isNotBlank();
            assertThat(f.formula()).as(f.id()).isNotBlank();
            for (Parameter p : f.parameters()) {
                assertThat(p.meaning()).as(f.id() + "." + p.name()).isNotBlank();
            }
            assertThat(f.requires()).as(f.id()).isNotNull(); // schemes are made from whole flows: see their tests
            if (f.id().equals("leapfrog") || f.id().equals("baoab")) {
                assertThat(f.spaces()).containsExactly(SpaceKinds.PHASE_SPACE);
            }
        }
    }
}
