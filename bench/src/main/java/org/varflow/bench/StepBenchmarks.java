package org.varflow.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.varflow.api.Scheme;
import org.varflow.core.Varflow;
import org.varflow.core.random.BlockStreams;

/**
 * One scheme step of each workload's flow, assembled exactly as the workload assembles it: the hot path without
 * the runner around it. With {@code -prof gc} the {@code gc.alloc.rate.norm} column is the bytes a step allocates
 * (bench/compare.sh writes it to docs/PERFORMANCE.md):
 *
 * <pre>java -jar bench/target/benchmarks.jar StepBenchmarks -prof gc</pre>
 *
 * The W1 step moves one block of 1000 particles (d = 10), as the runner's block loop does; W4 is one
 * Scharfetter-Gummel step of 1200 cells; W5 one kde-score step of 2000 particles with the fast Gauss transform;
 * W6 one full-batch epoch of the width-2000 network.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class StepBenchmarks {

    /** A stepper, one or more states and their auxiliary arrays, and a random stream. */
    public abstract static class Stepping {
        Scheme.Stepper stepper;
        double[][] states;
        double[][] aux;
        BlockStreams.BlockStream rng;
        double h;
        double t;

        void assemble(org.varflow.api.FlowSpec spec, int copies) {
            Varflow varflow = Varflow.discover();
            var assembled = varflow.assemble(spec);
            var flow = assembled.flow();
            stepper = assembled.scheme().stepper(flow);
            states = new double[copies][];
            aux = new double[copies][];
            for (int c = 0; c < copies; c++) {
                states[c] = flow.space().initialState();
                aux[c] = new double[assembled.scheme().auxiliaryDimension(flow)];
            }
            rng = BlockStreams.forBlock(1, 0);
            h = spec.dt();
        }

        double step() {
            for (int c = 0; c < states.length; c++) {
                stepper.step(states[c], aux[c], t, h, rng);
            }
            t += h;
            return states[0][0];
        }
    }

    /** W1: a block of 1000 Langevin particles in the double well, d = 10. */
    @State(Scope.Thread)
    public static class Langevin extends Stepping {
        @Setup(Level.Trial)
        public void setUp() {
            Varflow varflow = Varflow.discover();
            assemble(Workloads.langevinSpec(varflow, 1, 10, 1), 1000);
        }
    }

    /** W4: the 1200-cell grid Fokker-Planck step at the stability limit. */
    @State(Scope.Thread)
    public static class Grid extends Stepping {
        @Setup(Level.Trial)
        public void setUp() {
            // one explicit step at the stability limit (the workload takes dt = 2 and substeps 25 000 times)
            assemble(Workloads.gridSpec(Varflow.discover(), 1200).withDt(8e-5), 1);
        }
    }

    /** W5: 2000 kde-score particles, fast Gauss transform. */
    @State(Scope.Thread)
    public static class Kde extends Stepping {
        @Setup(Level.Trial)
        public void setUp() {
            assemble(Workloads.kdeSpec(Varflow.discover(), 2000, "fast-gauss"), 1);
        }
    }

    /** W6: the width-2000 mean-field network, 64 points. */
    @State(Scope.Thread)
    public static class MeanField extends Stepping {
        @Setup(Level.Trial)
        public void setUp() {
            assemble(Workloads.meanFieldSpec(Varflow.discover(), 2000, 64, 1), 1);
        }
    }

    @Benchmark
    public double w1LangevinBlock(Langevin s) {
        return s.step();
    }

    @Benchmark
    public double w4GridStep(Grid s) {
        return s.step();
    }

    @Benchmark
    public double w5KdeStep(Kde s) {
        return s.step();
    }

    @Benchmark
    public double w6MeanFieldEpoch(MeanField s) {
        return s.step();
    }
}
