package org.varflow.measures.grid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.varflow.api.Flow;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.StepContext;
import org.varflow.api.Workers;
import org.varflow.api.parallel.WorkerPool;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.measures.MeasureRuns;

/**
 * The frozen-face stencil gives bitwise the densities of density-euler's general loop, sequentially and split over
 * two and three threads, on grids of one piece and of several (with steps of many substeps, not a multiple of the
 * block, so the last piece of a step is the shorter remainder); and it is taken only where the faces cannot change.
 */
class FrozenFaceSubstepsTest {

    private static FlowSpec fokkerPlanck(int cells, String entropy) {
        return MeasureRuns.spec(PartChoice.of("grid-1d").with("cells", cells).with("lower", -8).with("upper", 8)
                        .with("mean", "2").with("std", "0.5"), PartChoice.of("wasserstein"),
                PartChoice.of("test-quadratic"), PartChoice.of(entropy), PartChoice.of("density-euler")
                        .with("stability", "substep"), 1, 0.05);
    }

    private static DensityEulerFactory.DensityStepper stepper(AssembledFlow a, boolean frozen) {
        return stepper(a, frozen ? StencilKernels.best() : null);
    }

    private static DensityEulerFactory.DensityStepper stepper(AssembledFlow a, StencilKernels kernels) {
        Flow flow = a.flow();
        GridSpace g = (GridSpace) flow.space();
        return new DensityEulerFactory.DensityStepper(flow, (DensityMetric) flow.metric(), g.layout(), true, 0.9,
                kernels);
    }

    private static double[] run(AssembledFlow a, DensityEulerFactory.DensityStepper s, Workers w, int steps) {
        s.useWorkers(w);
        double[] rho = a.flow().space().initialState();
        for (int k = 0; k < steps; k++) {
            s.step(rho, new double[0], StepContext.of(k, 0.05 * k, 0.05), null);
        }
        return rho;
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 200, 1200, 5000})
    void frozenFacesGiveBitwiseTheGeneralLoopOnAnyThreadCount(int cells) {
        AssembledFlow a = MeasureRuns.VARFLOW.assemble(fokkerPlanck(cells, "boltzmann"));
        double[] general = run(a, stepper(a, false), Workers.sequential(), 3);
        DensityEulerFactory.DensityStepper sequential = stepper(a, true);
        assertThat(sequential.freezesFaces()).isTrue();
        assertThat(run(a, sequential, Workers.sequential(), 3)).isEqualTo(general);
        try (WorkerPool two = new WorkerPool(2); WorkerPool three = new WorkerPool(3)) {
            assertThat(run(a, stepper(a, true), two, 3)).isEqualTo(general);
            assertThat(run(a, stepper(a, true), three, 3)).isEqualTo(general);
        }
        assertThat(general).isNotEqualTo(a.flow().space().initialState());
    }

    @Test
    void aStepOfHundredsOfSubstepsOnAGridOfSeveralPieces() {
        AssembledFlow a = MeasureRuns.VARFLOW.assemble(fokkerPlanck(3000, "boltzmann"));
        // one step of 0.05 at dx = 16/3000 takes about 0.05 / (0.9 dx^2 / 2) = 3900 substeps
        DensityEulerFactory.DensityStepper general = stepper(a, false);
        double[] expected = run(a, general, Workers.sequential(), 1);
        java.util.Map<String, Double> counts = new java.util.TreeMap<>();
        general.addStatistics(counts);
        assertThat(counts.get("substeps")).isGreaterThan(20.0 * FrozenFaceSubsteps.BLOCK);
        try (WorkerPool two = new WorkerPool(2)) {
            DensityEulerFactory.DensityStepper split = stepper(a, true);
            assertThat(run(a, split, two, 1)).isEqualTo(expected);
            java.util.Map<String, Double> splitCounts = new java.util.TreeMap<>();
            split.addStatistics(splitCounts);
            assertThat(splitCounts).isEqualTo(counts);
        }
    }

    @Test
    void facesAreFrozenOnlyForAPotentialWithTheBoltzmannExponentOnOneAxis() {
        assertThat(stepper(MeasureRuns.VARFLOW.assemble(fokkerPlanck(50, "boltzmann")), true).freezesFaces())
                .isTrue();
        // a Tsallis entropy, an interaction energy, two axes: the faces may change
        FlowSpec tsallis = fokkerPlanck(50, "tsallis");
        FlowSpec interaction = fokkerPlanck(50, "boltzmann").withPart(org.varflow.api.PartKind.ENERGY,
                "interaction");
        for (FlowSpec spec : new FlowSpec[] {tsallis, interaction}) {
            assertThat(stepper(MeasureRuns.VARFLOW.assemble(spec), true).freezesFaces()).as("%s", spec).isFalse();
        }
        FlowSpec plane = MeasureRuns.spec(PartChoice.of("grid-2d").with("cells", 20), PartChoice.of("wasserstein"),
                PartChoice.of("test-quadratic"), PartChoice.of("boltzmann"), PartChoice.of("density-euler")
                        .with("stability", "substep"), 1, 0.05);
        AssembledFlow p = MeasureRuns.VARFLOW.assemble(plane);
        assertThat(new DensityEulerFactory.DensityStepper(p.flow(), (DensityMetric) p.flow().metric(),
                ((GridSpace) p.flow().space()).layout(), true, 0.9, StencilKernels.best()).freezesFaces()).isFalse();
    }

    /** A temperature schedule changes T at every substep: the stencil hands back at once, same numbers. */
    @Test
    void aTemperatureScheduleFallsBackToTheGeneralLoopWithTheSameNumbers() {
        AssembledFlow a = MeasureRuns.VARFLOW.assemble(fokkerPlanck(300, "annealed"));
        double[] general = run(a, stepper(a, false), Workers.sequential(), 2);
        try (WorkerPool two = new WorkerPool(2)) {
            assertThat(run(a, stepper(a, true), two, 2)).isEqualTo(general);
        }
    }

    /** This module's tests run with the Vector API: its kernels are the ones picked, and agree with the scalar ones. */
    @Test
    void vectorKernelsAreBitwiseTheScalarOnesIncludingClampsNegativeZerosAndNaN() {
        assertThat(StencilKernels.best()).isInstanceOf(VectorStencilKernels.class);
        assertThat(StencilKernels.Selection.select(false, true)).isSameAs(StencilKernels.SCALAR);
        assertThat(StencilKernels.Selection.select(true, false)).isSameAs(StencilKernels.SCALAR);
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        StencilKernels vector = new VectorStencilKernels();
        for (int len : new int[] {1, 2, 3, 9, 17, 64, 1000}) {
            double[] fw = r.doubles(len + 5, 0, 1e4).toArray();
            double[] bw = r.doubles(len + 5, 0, 1e4).toArray();
            double[] x = r.doubles(len, 0, 1).toArray();
            if (len > 5) {
                x[2] = -0.0;
                x[len - 3] = 1e-300;  // pushed below zero: clamped
                x[len / 2] = Double.NaN;
            }
            double[] a = x.clone();
            double[] b = x.clone();
            double[] fa = new double[len];
            double[] fb = new double[len];
            for (int s = 0; s < 3; s++) {
                StencilKernels.SCALAR.fluxes(a, len, fw, bw, 5, fa);
                vector.fluxes(b, len, fw, bw, 5, fb);
                assertThat(fb).isEqualTo(fa);
                StencilKernels.SCALAR.cells(a, len, fa, 3e-5);
                vector.cells(b, len, fb, 3e-5);
                for (int i = 0; i < len; i++) {
                    assertThat(Double.doubleToRawLongBits(b[i])).as("len %d cell %d", len, i)
                            .isEqualTo(Double.doubleToRawLongBits(a[i]));
                }
            }
        }
    }

    /** The frozen stencil on the scalar kernels gives the general loop's densities too, on one and two threads. */
    @Test
    void theScalarKernelsGiveTheGeneralLoopsDensities() {
        AssembledFlow a = MeasureRuns.VARFLOW.assemble(fokkerPlanck(1200, "boltzmann"));
        double[] general = run(a, stepper(a, false), Workers.sequential(), 2);
        assertThat(run(a, stepper(a, StencilKernels.SCALAR), Workers.sequential(), 2)).isEqualTo(general);
        try (WorkerPool two = new WorkerPool(2)) {
            assertThat(run(a, stepper(a, StencilKernels.SCALAR), two, 2)).isEqualTo(general);
        }
    }
}
