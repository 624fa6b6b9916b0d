package org.varflow.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Observer;
import org.varflow.api.Snapshot;
import org.varflow.Varflow;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.core.testing.Flows;

/** The runner's observation schedule and stop requests. */
class FlowRunnerTest {
    private static final Varflow VARFLOW = Flows.varflow();

    @Test
    void observersSeeStepZeroEveryKthStepAndTheEnd() {
        AssembledFlow flow = VARFLOW.assemble(Flows.reference2d("euler", 23, 0.01).withEvery(5));
        List<Long> seen = new ArrayList<>();
        List<Long> finished = new ArrayList<>();
        Observer o = new Observer() {
            @Override
            public void observe(Snapshot s) {
                seen.add(s.step());
                assertThat(s.time()).isCloseTo(s.step() * 0.01, within(1e-15));
            }

            @Override
            public void finish(Snapshot s) {
                finished.add(s.step());
            }
        };

        RunResult result = new FlowRunner().run(flow, List.of(o), new RunControl(1));

        assertThat(seen).containsExactly(0L, 5L, 10L, 15L, 20L, 23L);
        assertThat(finished).containsExactly(23L);
        assertThat(result.stepsTaken()).isEqualTo(23);
        assertThat(result.stopped()).isFalse();
    }

    @Test
    void aStopRequestEndsTheRunAtTheNextObservationAndKeepsWhatWasComputed() {
        AssembledFlow flow = VARFLOW.assemble(Flows.reference2d("euler", 1000, 0.01).withEvery(10));
        RunControl control = new RunControl(2);
        List<Long> finished = new ArrayList<>();
        Observer stopper = new Observer() {
            @Override
            public void observe(Snapshot s) {
                if (s.step() == 50) {
                    control.requestStop();
                }
            }

            @Override
            public void finish(Snapshot s) {
                finished.add(s.step());
            }
        };

        RunResult result = new FlowRunner().run(flow, List.of(stopper), control);

        assertThat(result.stopped()).isTrue();
        assertThat(result.stepsTaken()).isEqualTo(50);
        assertThat(result.time()).isCloseTo(0.5, within(1e-12));
        assertThat(finished).containsExactly(50L);
        // the state reached is the one 50 uninterrupted steps give
        double[] full = VARFLOW.run(Flows.reference2d("euler", 50, 0.01), new RunControl(1), null).result()
                .particle(0);
        assertThat(result.particle(0)).containsExactly(full);
    }

    @Test
    void threadsMustBePositive() {
        assertThatThrownBy(() -> new RunControl(0)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("threads = 0");
    }
}
