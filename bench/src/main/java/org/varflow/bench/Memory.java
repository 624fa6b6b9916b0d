package org.varflow.bench;

import java.util.Locale;
import org.varflow.Varflow;
import org.varflow.api.FlowSpec;
import org.varflow.core.run.RunControl;

/**
 * W1 at a given ensemble size, for the memory figures of {@code bench/compare.sh}: runs the Langevin ensemble
 * (d = 10) for a few steps with the preset's observers (moments, energy, free energy) and prints
 * {@code W1-memory N steps threads seconds checksum heapUsedMiB}, or exits with status 5 when the heap cannot hold
 * it. The peak resident set is measured from outside ({@code /usr/bin/time -f %M}).
 *
 * <pre>java -Xmx2g -cp bench/target/benchmarks.jar org.varflow.bench.Memory 10000000 20</pre>
 */
public final class Memory {
    private Memory() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Varflow varflow = Varflow.discover();
        FlowSpec spec = Workloads.langevinSpec(varflow, n, 10, steps);
        try {
            long t0 = System.nanoTime();
            var outcome = varflow.run(spec, new RunControl(threads), null);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            Runtime rt = Runtime.getRuntime();
            long used = rt.totalMemory() - rt.freeMemory();
            System.out.printf(Locale.ROOT, "W1-memory %d %d %d %.3f %.6g %d%n", n, steps, threads, seconds,
                    outcome.summary().energy(), used >> 20);
        } catch (OutOfMemoryError e) {
            System.out.printf(Locale.ROOT, "W1-memory %d %d %d out-of-memory%n", n, steps, threads);
            System.exit(5);
        }
    }
}
