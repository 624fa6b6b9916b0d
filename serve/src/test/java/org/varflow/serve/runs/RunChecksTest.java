package org.varflow.serve.runs;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.varflow.Varflow;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;

class RunChecksTest {
    private static final Varflow VARFLOW = Varflow.create();

    private static FlowSpec preset(String id) {
        return VARFLOW.registry().preset(id).spec();
    }

    @Test
    void estimatesTheStateBeforeAllocatingIt() {
        FlowSpec huge = preset("particle-fokker-planck").withParam(PartKind.SPACE, "n", 1_000_000L)
                .withParam(PartKind.SPACE, "d", 10_000L);
        assertThatThrownBy(() -> RunChecks.beforeAssembly(huge, RunLimits.DEFAULTS, VARFLOW.registry()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("10000000000 values");
        FlowSpec grid = preset("fokker-planck").withParam(PartKind.SPACE, "cells", 4_000_000L);
        assertThatThrownBy(() -> RunChecks.beforeAssembly(grid, RunLimits.DEFAULTS, VARFLOW.registry()))
                .hasMessageContaining("--max-state");
        assertThatCode(() -> RunChecks.beforeAssembly(preset("fokker-planck"), RunLimits.DEFAULTS,
                VARFLOW.registry())).doesNotThrowAnyException();
    }

    @Test
    void theExactSizeIsCheckedAfterAssembly() {
        FlowSpec grid2 = preset("langevin").withParticles(20_000).withParam(PartKind.SPACE, "dimension", 21L)
                .withParam(PartKind.SPACE, "x0", 0.0);
        assertThatThrownBy(() -> RunChecks.afterAssembly(VARFLOW.assemble(grid2), RunLimits.DEFAULTS))
                .hasMessageContaining("420000 values");
    }

    @Test
    void aRunObservesOftenEnoughToBeDrawnAndStopped() {
        FlowSpec rare = preset("gradient-descent").withSteps(1000).withEvery(51);
        assertThatThrownBy(() -> RunChecks.beforeAssembly(rare, RunLimits.DEFAULTS, VARFLOW.registry()))
                .hasMessageContaining("give every <= 50");
        assertThatCode(() -> RunChecks.beforeAssembly(rare.withEvery(50), RunLimits.DEFAULTS, VARFLOW.registry()))
                .doesNotThrowAnyException();
        assertThatCode(() -> RunChecks.beforeAssembly(rare.withSteps(3).withEvery(1), RunLimits.DEFAULTS,
                VARFLOW.registry())).doesNotThrowAnyException();
    }
}
