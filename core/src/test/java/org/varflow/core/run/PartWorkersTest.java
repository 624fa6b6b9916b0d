package org.varflow.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.varflow.api.RandomStream;
import org.varflow.api.Scheme;
import org.varflow.api.SplitsWork;
import org.varflow.api.StepContext;
import org.varflow.api.Workers;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.core.observe.DissipationMeter;
import org.varflow.core.testing.Flows;

/** The runner hands its threads to parts that split work exactly when a run has one block and several threads. */
class PartWorkersTest {

    /** A stepper that halves the state chunk by chunk over the workers it was given, and records what it saw. */
    private static final class Halving implements Scheme.Stepper, SplitsWork {
        private Workers workers = Workers.sequential();
        final List<Integer> threadsSeen = new ArrayList<>();
        final java.util.Set<String> threadNames = ConcurrentHashMap.newKeySet();

        @Override
        public void useWorkers(Workers workers) {
            this.workers = workers;
        }

        @Override
        public void step(double[] x, double[] aux, StepContext step, RandomStream rng) {
            threadsSeen.add(workers.threads());
            workers.forEach(0, x.length, 8, (c, from, to) -> {
                threadNames.add(Thread.currentThread().getName());
                // long enough for the helper to claim chunks, even on a loaded machine
                long end = System.nanoTime() + 1_000_000;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                for (int i = from; i < to; i++) {
                    x[i] *= 0.5;
                }
            });
        }
    }

    private static AssembledFlow withStepper(AssembledFlow base, List<Halving> made) {
        Scheme scheme = flow -> {
            Halving h = new Halving();
            made.add(h);
            return h;
        };
        return new AssembledFlow(base.spec(), base.flow(), scheme, base.parts());
    }

    @Test
    void aSingleBlockGetsThePoolAndGivesItBackAfterTheRun() {
        List<Halving> made = new ArrayList<>();
        AssembledFlow a = withStepper(Flows.varflow().assemble(Flows.quadratic(16, "1", 20, 0.1)), made);
        RunResult two = new FlowRunner().run(a, List.of(), new RunControl(2));
        assertThat(made).hasSize(1);
        Halving h = made.get(0);
        assertThat(h.threadsSeen).hasSize(20).containsOnly(2);
        assertThat(h.threadNames).hasSizeGreaterThan(1);
        assertThat(h.workers).isSameAs(Workers.sequential());
        for (double v : two.states()) {
            assertThat(v).isEqualTo(Math.scalb(1.0, -20));
        }
    }

    @Test
    void theDissipationMeterPassesThePoolThroughToTheSchemesStepper() {
        // deterministic runs are metered (Varflow wraps their scheme): the wrapper must not hide the capability, or
        // a one-state run such as a grid's never gets its second thread
        List<Halving> made = new ArrayList<>();
        AssembledFlow base = withStepper(Flows.varflow().assemble(Flows.quadratic(16, "1", 20, 0.1)), made);
        AssembledFlow metered = new AssembledFlow(base.spec(), base.flow(), new DissipationMeter(base.scheme(), 5),
                base.parts());
        new FlowRunner().run(metered, List.of(), new RunControl(2));
        assertThat(made).hasSize(1);
        assertThat(made.get(0).threadsSeen).hasSize(20).containsOnly(2);
        assertThat(made.get(0).threadNames).hasSizeGreaterThan(1);
        assertThat(made.get(0).workers).isSameAs(Workers.sequential());
    }

    @Test
    void oneThreadOrSeveralBlocksKeepTheSequentialWorkers() {
        List<Halving> single = new ArrayList<>();
        new FlowRunner().run(withStepper(Flows.varflow().assemble(Flows.quadratic(4, "1", 5, 0.1)), single),
                List.of(), new RunControl(1));
        assertThat(single.get(0).threadsSeen).containsOnly(1);

        List<Halving> blocks = new ArrayList<>();
        new FlowRunner().run(withStepper(Flows.varflow().assemble(Flows.quadratic(4, "1", 5, 0.1)
                .withParticles(600)), blocks), List.of(), new RunControl(2));
        assertThat(blocks).hasSize(3);
        for (Halving h : blocks) {
            assertThat(h.threadsSeen).containsOnly(1);
        }
    }
}
