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
import org.varflow.core.Varflow;

/**
 * JMH benchmarks of the workloads (one invocation = one whole workload). Run with
 * {@code java -jar bench/target/benchmarks.jar -prof gc} to see allocation per operation as well.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class FlowBenchmarks {

    /** W1 at several sizes and thread counts. */
    @State(Scope.Benchmark)
    public static class Langevin {
        @Param({"100000"})
        int particles;
        @Param({"1", "2"})
        int threads;
        Varflow varflow;

        @Setup(Level.Trial)
        public void setUp() {
            varflow = Varflow.discover();
        }
    }

    @Benchmark
    public double w1Langevin(Langevin s) {
        return Workloads.langevin(s.varflow, s.particles, 10, 200, s.threads);
    }

    @Benchmark
    public double w2Sinkhorn() {
        return Workloads.sinkhorn(1000, 500, 0.01);
    }

    @Benchmark
    public double w3ExactOt() {
        return Workloads.exactOt(1000);
    }

    /** W6 (width 2000, 64 points, 1500 epochs). */
    @State(Scope.Benchmark)
    public static class MeanField {
        Varflow varflow;

        @Setup(Level.Trial)
        public void setUp() {
            varflow = Varflow.discover();
        }
    }

    @Benchmark
    public double w6MeanField(MeanField s) {
        return Workloads.meanField(s.varflow, 2000, 64, 1500);
    }
}
