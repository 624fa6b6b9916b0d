package org.varflow.measures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.varflow.api.Energy;
import org.varflow.api.Flow;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.RandomStream;
import org.varflow.api.Scheme;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.testkit.Allocations;

/**
 * The per-step work of the measure parts allocates nothing after warm-up: steppers of density-euler (finite volumes,
 * Fisher-Rao, substeps) and jko, the kde-score and stein-repulsion increments, the lifted and interaction energies.
 */
class HotPathAllocationTest {
    private static final RandomStream NO_RNG = null;

    private static long stepBytes(FlowSpec spec, int steps, double h) {
        return stepBytes(spec, steps, h, org.varflow.api.Workers.sequential());
    }

    /** As above, with {@code workers} handed to the parts and the stepper that split their work. */
    private static long stepBytes(FlowSpec spec, int steps, double h, org.varflow.api.Workers workers) {
        AssembledFlow a = MeasureRuns.VARFLOW.assemble(spec);
        Flow flow = a.flow();
        Scheme.Stepper stepper = a.scheme().stepper(flow);
        for (Object part : new Object[] {flow.space(), flow.metric(), flow.energy(), flow.noise(), stepper}) {
            if (part instanceof org.varflow.api.SplitsWork s) {
                s.useWorkers(workers);
            }
        }
        double[] x = flow.space().initialState();
        double[] aux = new double[a.scheme().auxiliaryDimension(flow)];
        org.varflow.testkit.StepCursor cursor = new org.varflow.testkit.StepCursor(h);
        return Allocations.bytesAllocatedBy(() -> {
            for (int k = 0; k < steps; k++) {
                stepper.step(x, aux, cursor.moveTo(k), NO_RNG);
            }
        });
    }

    private static FlowSpec grid(String metric, PartChoice energy, PartChoice entropy, PartChoice scheme) {
        return MeasureRuns.spec(PartChoice.of("grid-1d").with("cells", 60).with("std", "1"), PartChoice.of(metric),
                energy, entropy, scheme, 1, 0.001);
    }

    @Test
    void densityStepsAllocateNothing() {
        assertThat(stepBytes(grid("wasserstein", PartChoice.of("test-quadratic"), PartChoice.of("boltzmann"),
                PartChoice.of("density-euler")), 50, 0.001)).isLessThan(64);
        assertThat(stepBytes(grid("fisher-rao-density", PartChoice.of("test-quadratic"), PartChoice.of("boltzmann"),
                PartChoice.of("density-euler")), 50, 0.001)).isLessThan(64);
        assertThat(stepBytes(grid("wasserstein-fisher-rao", PartChoice.of("interaction"),
                PartChoice.of("tsallis"), PartChoice.of("density-euler").with("stability", "substep")), 20, 0.05))
                .isLessThan(64);
    }

    @Test
    void particleStepsAllocateNothing() {
        FlowSpec kde = MeasureRuns.spec(PartChoice.of("ensemble").with("n", 200), PartChoice.of("wasserstein"),
                PartChoice.of("test-quadratic"), PartChoice.of("boltzmann"), PartChoice.of("euler-maruyama"), 1, 0.01)
                .withPart(PartKind.NOISE, "kde-score");
        assertThat(stepBytes(kde, 20, 0.01)).isLessThan(64);
        // the fast Gauss transform with its box loops on two threads: the caller's thread allocates nothing either
        FlowSpec fast = MeasureRuns.spec(PartChoice.of("ensemble").with("n", 2000).with("std", "0.3"),
                PartChoice.of("wasserstein"), PartChoice.of("test-quadratic"), PartChoice.of("boltzmann"),
                PartChoice.of("euler-maruyama"), 1, 0.01)
                .withPart(PartKind.NOISE, PartChoice.of("kde-score").with("summation", "fast-gauss"));
        try (org.varflow.api.parallel.WorkerPool pool = new org.varflow.api.parallel.WorkerPool(2)) {
            assertThat(stepBytes(fast, 20, 0.01, pool)).isLessThan(64);
        }
        FlowSpec svgd = MeasureRuns.spec(PartChoice.of("ensemble").with("n", 100).with("d", 2),
                PartChoice.of("stein"), PartChoice.of("interaction").with("kernel", "gaussian"),
                PartChoice.of("boltzmann"), PartChoice.of("euler-maruyama"), 1, 0.01)
                .withPart(PartKind.NOISE, "stein-repulsion");
        assertThat(stepBytes(svgd, 10, 0.01)).isLessThan(64);
        FlowSpec jko = MeasureRuns.spec(PartChoice.of("ensemble").with("n", 100).with("placement", "quantiles"),
                PartChoice.of("wasserstein"), PartChoice.of("test-double-well"), PartChoice.of("boltzmann"),
                PartChoice.of("jko"), 1, 0.05);
        assertThat(stepBytes(jko, 10, 0.05)).isLessThan(64);
        AssembledFlow pairs = MeasureRuns.VARFLOW.assemble(MeasureRuns.spec(PartChoice.of("ensemble").with("n", 100)
                        .with("d", 2), PartChoice.of("wasserstein"), PartChoice.of("interaction")
                        .with("kernel", "power"), PartChoice.of("boltzmann"), PartChoice.of("density-euler"), 1, 0.05)
                .withPart(PartKind.SCHEME, "euler"));
        Energy e = pairs.flow().energy();
        double[] x = pairs.flow().space().initialState();
        double[] g = new double[x.length];
        assertThat(Allocations.bytesAllocatedBy(() -> {
            e.valueAndGradient(x, g);
            e.value(x);
        })).isLessThan(64);
    }
}
