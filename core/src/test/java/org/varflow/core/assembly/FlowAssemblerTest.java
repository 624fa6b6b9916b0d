package org.varflow.core.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.Varflow;
import org.varflow.core.run.RunControl;
import org.varflow.core.testing.Flows;

/** Everything that can be checked before a run is, with a message naming the clash and what would fit. */
class FlowAssemblerTest {
    private static final Varflow VARFLOW = Flows.varflow();
    private static final FlowSpec VALID = Flows.reference2d("euler", 10, 0.01);

    @Test
    void theValidSpecAssembles() {
        AssembledFlow flow = VARFLOW.assemble(VALID);

        assertThat(flow.part(PartKind.ENERGY).id()).isEqualTo("quadratic");
        assertThat(flow.part(PartKind.ENERGY).plugin()).isEqualTo("varflow-test-parts");
        assertThat(flow.part(PartKind.SCHEME).plugin()).isEqualTo("varflow-core");
        assertThat(flow.flow().dimension()).isEqualTo(2);
    }

    @Test
    void anUnknownIdSuggestsTheNearest() {
        assertThatThrownBy(() -> VARFLOW.assemble(VALID.withPart(PartKind.ENERGY, "quadratc")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown energy 'quadratc'")
                .hasMessageContaining("did you mean 'quadratic'");
        assertThatThrownBy(() -> VARFLOW.assemble(VALID.withPart(PartKind.SCHEME, "dormand-prinse")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown scheme 'dormand-prinse'")
                .hasMessageContaining("did you mean 'dormand-prince'");
    }

    @Test
    void aParameterOutOfRangeNamesThePartAndTheValue() {
        FlowSpec spec = VALID.withPart(PartKind.ENTROPY, PartChoice.of("boltzmann").with("beta", -1));

        assertThatThrownBy(() -> VARFLOW.assemble(spec))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("entropy 'boltzmann'")
                .hasMessageContaining("'beta' = -1")
                .hasMessageContaining("> 0");
    }

    @Test
    void anUnknownParameterSuggestsTheNearestName() {
        FlowSpec spec = VALID.withPart(PartKind.ENTROPY, PartChoice.of("boltzmann").with("betta", 2));

        assertThatThrownBy(() -> VARFLOW.assemble(spec))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("entropy 'boltzmann' has no parameter 'betta'")
                .hasMessageContaining("did you mean 'beta'");
    }

    @Test
    void thermalNoiseWithoutATemperatureIsRejectedBeforeRunning(@TempDir Path dir) throws IOException {
        FlowSpec spec = VALID.withPart(PartKind.NOISE, "thermal").withPart(PartKind.SCHEME, "euler-maruyama");
        Path csv = dir.resolve("never.csv");

        assertThatThrownBy(() -> VARFLOW.run(spec, new RunControl(1), csv))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("noise 'thermal'")
                .hasMessageContaining("entropy 'none'")
                .hasMessageContaining("noise 'none'");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty(); // nothing was started, not even the output
        }
    }

    @Test
    void aDeterministicSchemeWithNoiseNamesTheStochasticOnes() {
        FlowSpec spec = VALID.withPart(PartKind.ENTROPY, PartChoice.of("boltzmann").with("beta", 1))
                .withPart(PartKind.NOISE, "thermal");

        assertThatThrownBy(() -> VARFLOW.assemble(spec))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("scheme 'euler'")
                .hasMessageContaining("noise 'thermal'")
                .hasMessageContaining("euler-maruyama");
        // and the suggested fit does assemble
        assertThat(VARFLOW.assemble(spec.withPart(PartKind.SCHEME, "euler-maruyama"))).isNotNull();
    }

    @Test
    void aPartThatDoesNotSupportTheSpaceNamesTheClashAndWhatFits() {
        FlowSpec spec = VALID.withPart(PartKind.ENERGY, "sphere-only");

        assertThatThrownBy(() -> VARFLOW.assemble(spec))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("energy 'sphere-only' does not work on space 'euclidean'")
                .hasMessageContaining("[sphere]")
                .hasMessageContaining("quadratic")
                .hasMessageNotContaining("sphere-only]");
    }

    @Test
    void aStartingPointOfTheWrongLengthIsRejected() {
        FlowSpec spec = VALID.withParam(PartKind.SPACE, "x0", "1,2,3");

        assertThatThrownBy(() -> VARFLOW.assemble(spec))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("space 'euclidean'")
                .hasMessageContaining("'x0' has 3 entries")
                .hasMessageContaining("dimension 2");
    }
}
