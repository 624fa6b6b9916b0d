package org.varflow.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.varflow.api.Scheme;
import org.varflow.Varflow;
import org.varflow.core.random.BlockStreams;

/**
 * One scheme step of each workload's flow, assembled exactly as the workload assembles it: the hot path without
 * the runner around it. With {@code -prof gc} the {@code gc.alloc.rate.norm} column is the bytes a step allocates
 * (bench/compare.sh writes it to docs/PERFORMANCE.md):
 *
 * <pre>java -jar bench/target/benchmarks.jar StepBenchmarks -prof gc</pre>
 *
 * One benchmark, with the workload as its parameter ({@link Step}).
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
        long k;
        /** The step the stepper is told about, moved in place: nothing allocated per step. */
        final org.varflow.api.StepContext at = new org.varflow.api.StepContext() {
            @Override
            public long index() {
                return k;
            }

            @Override
            public double time() {
                return t;
            }

            @Override
            public double dt() {
                return h;
            }
        };

        void assemble(org.varflow.api.FlowSpec spec, int copies) {
            var assembled = Varflow.discover().assemble(spec);
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
                stepper.step(states[c], aux[c], at, rng);
            }
            k++;
            t += h;
            return states[0][0];
        }
    }

    /**
     * The workload's flow: {@code w1-langevin-block} a block of 1000 Langevin particles in the double well (d = 10),
     * {@code w4-grid} one explicit step of the 1200-cell grid Fokker-Planck at the stability limit (the workload
     * takes dt = 2 and substeps 25 000 times), {@code w5-kde} 2000 kde-score particles with the fast Gauss
     * transform, {@code w6-mean-field} one epoch of the width-2000 network on 64 points.
     */
    @State(Scope.Thread)
    public static class Step extends Stepping {
        @Param({"w1-langevin-block", "w4-grid", "w5-kde", "w6-mean-field"})
        String workload;

        @Setup(Level.Trial)
        public void setUp() {
            Varflow varflow = Varflow.discover();
            switch (workload) {
                case "w1-langevin-block" -> assemble(Workloads.langevinSpec(varflow, 1, 10, 1), 1000);
                case "w4-grid" -> assemble(Workloads.gridSpec(varflow, 1200).withDt(8e-5), 1);
                case "w5-kde" -> assemble(Workloads.kdeSpec(varflow, 2000, "fast-gauss"), 1);
                case "w6-mean-field" -> assemble(Workloads.meanFieldSpec(varflow, 2000, 64, 1), 1);
                default -> throw new IllegalArgumentException("unknown workload " + workload);
            }
        }
    }

    @Benchmark
    public double step(Step s) {
        return s.step();
    }
}
