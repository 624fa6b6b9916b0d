package org.varflow.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.varflow.Varflow;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.NumericalException;
import org.varflow.core.testing.Flows;

class ParticleSliceTest {
    private static final Varflow VARFLOW = Flows.varflow();

    @Test
    void theSlicesOfASplitReproduceTheWholeRunParticleByParticle() {
        // 1000 particles = 4 blocks (the last of 232); three slices of 1, 1 and 2 blocks, each on its own.
        FlowSpec spec = Flows.langevin(2, "1,-1", 2.0, 1000, 80, 0.01, 11L).withEvery(7);
        double[] whole = VARFLOW.run(spec, new RunControl(2), null).result().states();
        List<ParticleSlice> slices = ParticleSlice.split(1000, 3);
        assertThat(slices).containsExactly(new ParticleSlice(0, 256), new ParticleSlice(256, 512),
                new ParticleSlice(512, 1000));
        for (ParticleSlice s : slices) {
            RunResult part = VARFLOW.run(spec, new RunControl(1).slice(s), null).result();
            assertThat(part.particles()).isEqualTo(s.size());
            assertThat(part.states()).as("slice %s", s).isEqualTo(Arrays.copyOfRange(whole, 2 * s.from(),
                    2 * s.to()));
        }
    }

    @Test
    void aSliceSummaryDescribesItsOwnParticles() {
        FlowSpec spec = Flows.langevin(1, "1", 1.0, 512, 50, 0.01, 3L);
        RunResult second = VARFLOW.run(spec, new RunControl(1).slice(new ParticleSlice(256, 512)), null).result();
        var summary = VARFLOW.run(spec, new RunControl(1).slice(new ParticleSlice(256, 512)), null).summary();
        double mean = Arrays.stream(second.states()).sum() / 256;
        assertThat(summary.state().mean()[0]).isEqualTo(mean, org.assertj.core.api.Assertions.within(1e-14));
        assertThat(summary.particles()).as("the spec is the whole run's").isEqualTo(512);
    }

    @Test
    void splitsAreEvenOverWholeBlocksAndCoverEveryParticle() {
        List<ParticleSlice> s = ParticleSlice.split(256 * 10 + 3, 4); // 11 blocks into 4: 2, 3, 3, 3
        assertThat(s).extracting(ParticleSlice::size).containsExactly(512, 768, 768, 512 + 3);
        assertThat(s.get(0).from()).isZero();
        assertThat(s.get(3).to()).isEqualTo(256 * 10 + 3);
        for (int k = 1; k < s.size(); k++) {
            assertThat(s.get(k).from()).isEqualTo(s.get(k - 1).to());
        }
        assertThat(ParticleSlice.split(7, 1)).containsExactly(new ParticleSlice(0, 7));
    }

    @Test
    void slicesThatDoNotFitTheBlocksAreRefused() {
        assertThatThrownBy(() -> ParticleSlice.split(1000, 5)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("expected 1 to 4 shards");
        assertThatThrownBy(() -> new ParticleSlice(100, 300)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("multiple of 256");
        FlowSpec spec = Flows.langevin(1, "1", 1.0, 600, 5, 0.01, 3L);
        assertThatThrownBy(() -> VARFLOW.run(spec, new RunControl(1).slice(new ParticleSlice(256, 500)), null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("does not fit a run of 600");
        assertThatThrownBy(() -> VARFLOW.run(spec, new RunControl(1).slice(new ParticleSlice(512, 768)), null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("does not fit");
    }

    @Test
    void aDivergenceInASliceNamesTheParticleByItsIndexInTheWholeRun() {
        // dt = 3 on x' = -x: |1 - 3| = 2 per step, every particle overflows after a few hundred steps.
        FlowSpec spec = Flows.langevin(1, "1", 1.0, 600, 2000, 3.0, 3L);
        assertThatThrownBy(() -> VARFLOW.run(spec, new RunControl(1).slice(new ParticleSlice(256, 600)), null))
                .isInstanceOf(NumericalException.class).satisfies(e -> {
                    Matcher m = Pattern.compile("for particle (\\d+)").matcher(e.getMessage());
                    assertThat(m.find()).isTrue();
                    assertThat(Integer.parseInt(m.group(1))).isBetween(256, 599);
                });
    }
}
