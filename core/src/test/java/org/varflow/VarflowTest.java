package org.varflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.varflow.api.PartKind;
import org.varflow.core.discovery.LoadedPlugin;

/** The facade's discovery on the normal classpath. */
class VarflowTest {

    @Test
    void discoverFindsCoreThroughTheServiceLoader() {
        Varflow varflow = Varflow.discover();

        assertThat(varflow.registry().discovery().plugins()).extracting(LoadedPlugin::id).contains("varflow-core");
        assertThat(varflow.registry().discovery().problems()).isEmpty();
        assertThat(varflow.registry().factories(PartKind.SPACE)).containsKey("euclidean");
        assertThat(varflow.registry().factories(PartKind.METRIC)).containsKey("euclidean");
        assertThat(varflow.registry().factories(PartKind.SCHEME))
                .containsKeys("euler", "euler-maruyama", "minimizing-movement", "dormand-prince");
    }
}
