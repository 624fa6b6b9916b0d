package org.varflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import org.varflow.Varflow;

/**
 * The varflow half of {@code bench/compare.sh}: times each workload (best of several runs after warm-up) and
 * prints one line per measurement, {@code workload size threads seconds checksum} (the checksum to 17 digits, so that
 * the one- and two-thread lines of a workload show they agree bitwise), for the script to join with the NumPy, POT,
 * PyTorch and C numbers. Run it with {@code --add-modules jdk.incubator.vector} for the Vector API kernels.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.varflow.bench.Compare [quick]</pre>
 */
public final class Compare {
    /** Warm-up time per measurement, before its timed runs. */
    private static final long WARM_UP_NANOS = 2_000_000_000L;

    private Compare() {
    }

    public static void main(String[] args) {
        boolean quick = args.length > 0 && args[0].equals("quick");
        int repeats = quick ? 2 : 3;
        Varflow varflow = Varflow.discover();
        List<String> lines = new ArrayList<>();
        int[] sizes = quick ? new int[] {10_000, 100_000} : new int[] {10_000, 25_000, 50_000, 100_000};
        // W1 is measured first: compile its loop at full size before the small sizes are timed (one warm-up run
        // at 12 500 particles left the JIT still compiling, and the 1-thread time looked slower than 2 threads')
        for (int r = 0; r < 3; r++) {
            Workloads.langevin(varflow, 100_000, 10, 200, 1);
        }
        for (int threads : new int[] {1, 2}) {
            for (int n : sizes) {
                lines.add(time("W1", n, threads, repeats, () -> Workloads.langevin(varflow, n, 10, 200, threads)));
                // the same double well written as a formula, timed right after (FormulaVsBuiltIn alternates more)
                lines.add(time("W1-formula", n, threads, repeats,
                        () -> Workloads.langevinFormula(varflow, n, 10, 200, threads)));
            }
        }
        // one state on one and on two threads (the runner's workers; bitwise the same checksum): W2, W4, W5
        for (int threads : new int[] {1, 2}) {
            lines.add(time("W2", 1000, threads, repeats, () -> Workloads.sinkhorn(1000, 500, 0.01, threads)));
        }
        // the same iterations on the float kernel (Sinkhorn#withFloatKernel: the kernel stored in float, every
        // product and sum in double)
        for (int threads : new int[] {1, 2}) {
            lines.add(time("W2-float", 1000, threads, repeats,
                    () -> Workloads.sinkhornFloat(1000, 500, 0.01, threads)));
        }
        for (int threads : new int[] {1, 2}) {
            lines.add(time("W4", 1200, threads, repeats, () -> Workloads.grid(varflow, 1200, threads)));
        }
        // W5 with the fast Gauss transform (O(N) per step), at the NumPy sizes and beyond them for the exponent;
        // then W5-direct, the O(N^2) pairs NumPy also does, one timed run per size after the smallest has warmed
        // the JIT
        for (int n : quick ? new int[] {2000, 16000} : new int[] {500, 1000, 2000, 4000, 16000, 64000}) {
            lines.add(time("W5", n, 1, repeats, () -> Workloads.kde(varflow, n, "fast-gauss", 1)));
        }
        for (int n : new int[] {2000, 16000}) {
            lines.add(time("W5", n, 2, repeats, () -> Workloads.kde(varflow, n, "fast-gauss", 2)));
        }
        for (int n : quick ? new int[] {2000} : new int[] {500, 1000, 2000}) {
            lines.add(time("W5-direct", n, 1, 1, () -> Workloads.kde(varflow, n, "direct", 1)));
        }
        lines.add(time("W3", 1000, 1, repeats, () -> Workloads.exactOt(1000)));
        for (int width : quick ? new int[] {2000} : new int[] {200, 2000}) {
            lines.add(time("W6", width, 1, repeats, () -> Workloads.meanField(varflow, width, 64, 1500)));
        }
        lines.forEach(System.out::println);
    }

    @SuppressWarnings("ReturnValueIgnored") // the warm-up run's result is not needed, only its effect on the JIT
    private static String time(String workload, int size, int threads, int repeats, DoubleSupplier run) {
        if (!workload.equals("W5-direct") || size <= 500) {
            // warm-up (JIT) by time, as JMH does: a workload of 20 ms (W4) needs dozens of runs before C2 has
            // compiled its Vector API kernels (one warm-up run left W4 at 3x its steady time)
            long end = System.nanoTime() + WARM_UP_NANOS;
            do {
                run.getAsDouble();
            } while (System.nanoTime() < end);
        }
        double best = Double.POSITIVE_INFINITY;
        double checksum = 0;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            checksum = run.getAsDouble();
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        return String.format(Locale.ROOT, "%s %d %d %.4f %.17g", workload, size, threads, best, checksum);
    }

}
