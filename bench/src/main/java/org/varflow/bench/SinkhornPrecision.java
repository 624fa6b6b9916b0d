package org.varflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * W2 with the double kernel ({@link Workloads#sinkhorn(int, int, double, int)}) against the float kernel
 * ({@link Workloads#sinkhornFloat(int, int, double, int)}): n = 1000 points in 2-D, 500 iterations, eps = 0.01, on one
 * and on two threads. Each pair is run alternately (double, float, double, ...) after warm-up runs so that the slow
 * spells of a shared machine fall on both; prints every time, the best of each, the speed ratio, the two transport
 * costs with their relative difference, and the load average before and after (Linux).
 *
 * <pre>java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar org.varflow.bench.SinkhornPrecision
 *     [rounds]</pre>
 */
public final class SinkhornPrecision {
    private static final int N = 1000;
    private static final int ITERATIONS = 500;
    private static final double EPSILON = 0.01;

    private SinkhornPrecision() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.println("load average before: " + loadAverage());
        for (int threads : new int[] {1, 2}) {
            for (int w = 0; w < 3; w++) {
                Workloads.sinkhorn(N, ITERATIONS, EPSILON, threads);
                Workloads.sinkhornFloat(N, ITERATIONS, EPSILON, threads);
            }
            double bestDouble = Double.POSITIVE_INFINITY;
            double bestFloat = Double.POSITIVE_INFINITY;
            double costDouble = 0;
            double costFloat = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                costDouble = Workloads.sinkhorn(N, ITERATIONS, EPSILON, threads);
                long t1 = System.nanoTime();
                costFloat = Workloads.sinkhornFloat(N, ITERATIONS, EPSILON, threads);
                long t2 = System.nanoTime();
                bestDouble = Math.min(bestDouble, (t1 - t0) * 1e-9);
                bestFloat = Math.min(bestFloat, (t2 - t1) * 1e-9);
                System.out.printf(Locale.ROOT, "  %d thread(s) round %d: double %.4f s, float %.4f s%n", threads,
                        r + 1, (t1 - t0) * 1e-9, (t2 - t1) * 1e-9);
            }
            System.out.printf(Locale.ROOT, "W2 %d x %d, eps %.2g, %d iterations, %d thread(s), best of %d:"
                    + " double %.4f s, float %.4f s, ratio %.2f%n", N, N, EPSILON, ITERATIONS, threads, rounds,
                    bestDouble, bestFloat, bestDouble / bestFloat);
            System.out.printf(Locale.ROOT, "  cost: double %.15f, float %.15f, relative difference %.2e%n",
                    costDouble, costFloat, Math.abs(costFloat - costDouble) / costDouble);
        }
        System.out.println("load average after: " + loadAverage());
    }

    private static String loadAverage() {
        Path p = Path.of("/proc/loadavg");
        try {
            return Files.exists(p) ? Files.readString(p).trim() : "n/a";
        } catch (IOException e) {
            return "n/a (" + e.getMessage() + ")";
        }
    }
}
