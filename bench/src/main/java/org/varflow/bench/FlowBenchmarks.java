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
import org.varflow.Varflow;

/**
 * JMH benchmarks of the workloads (one invocation = one whole workload), each at its issue-8 default size and at
 * any other through JMH's {@code -p}, for example
 * {@code java -jar bench/target/benchmarks.jar FlowBenchmarks.w5Kde -p kdeParticles=1000,4000,16000}. Add
 * {@code -prof gc} to see the allocation per operation as well; {@link StepBenchmarks} has it per step.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class FlowBenchmarks {

    /** The registry, discovered once per trial. */
    @State(Scope.Benchmark)
    public static class Registry {
        Varflow varflow;

        @Setup(Level.Trial)
        public void setUp() {
            varflow = Varflow.discover();
        }
    }

    /** W1 size and thread count: {@code -p particles=12500,100000 -p threads=1,2}. */
    @State(Scope.Benchmark)
    public static class LangevinSize {
        @Param({"100000"})
        int particles;
        @Param({"1", "2"})
        int threads;
    }

    /** W2 and W3 size n = m: {@code -p points=500,1000,2000}. */
    @State(Scope.Benchmark)
    public static class OtSize {
        @Param({"1000"})
        int points;
    }

    /** W4 cells: {@code -p cells=600,1200,2400}. */
    @State(Scope.Benchmark)
    public static class GridSize {
        @Param({"1200"})
        int cells;
    }

    /** W5 ensemble size and summation: {@code -p kdeParticles=2000,16000 -p summation=fast-gauss,direct}. */
    @State(Scope.Benchmark)
    public static class KdeSize {
        @Param({"2000"})
        int kdeParticles;
        @Param({"fast-gauss"})
        String summation;
    }

    /** W6 width: {@code -p width=200,2000,20000}. */
    @State(Scope.Benchmark)
    public static class Width {
        @Param({"2000"})
        int width;
    }

    @Benchmark
    public double w1Langevin(Registry r, LangevinSize s) {
        return Workloads.langevin(r.varflow, s.particles, 10, 200, s.threads);
    }

    /** W1 with the double well written as the formula {@link Workloads#DOUBLE_WELL_FORMULA}. */
    @Benchmark
    public double w1LangevinFormula(Registry r, LangevinSize s) {
        return Workloads.langevinFormula(r.varflow, s.particles, 10, 200, s.threads);
    }

    @Benchmark
    public double w2Sinkhorn(OtSize s) {
        return Workloads.sinkhorn(s.points, 500, 0.01);
    }

    @Benchmark
    public double w3ExactOt(OtSize s) {
        return Workloads.exactOt(s.points);
    }

    @Benchmark
    public double w4Grid(Registry r, GridSize s) {
        return Workloads.grid(r.varflow, s.cells);
    }

    @Benchmark
    public double w5Kde(Registry r, KdeSize s) {
        return Workloads.kde(r.varflow, s.kdeParticles, s.summation, 1);
    }

    @Benchmark
    public double w6MeanField(Registry r, Width s) {
        return Workloads.meanField(r.varflow, s.width, 64, 1500);
    }
}
