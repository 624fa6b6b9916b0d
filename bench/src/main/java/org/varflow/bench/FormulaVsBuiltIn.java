package org.varflow.bench;

import java.util.Arrays;
import java.util.Locale;
import org.varflow.Varflow;

/**
 * W1 side by side: the Langevin ensemble on the built-in {@code double-well} and on the same energy written as the
 * formula {@link Workloads#DOUBLE_WELL_FORMULA}, run alternately (built-in, formula, built-in, ...) so that the slow
 * spells of a shared machine fall on both, after warm-up runs of each. Prints every time, the best and the median of
 * each variant, and the speed ratio built-in time / formula time (1 = as fast; at least 0.5 is the target).
 *
 * <pre>java -cp bench/target/benchmarks.jar org.varflow.bench.FormulaVsBuiltIn [particles] [rounds] [threads]</pre>
 */
public final class FormulaVsBuiltIn {
    private FormulaVsBuiltIn() {
    }

    public static void main(String[] args) {
        int particles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Varflow varflow = Varflow.discover();
        for (int w = 0; w < 3; w++) {
            Workloads.langevin(varflow, particles, 10, 200, threads);
            Workloads.langevinFormula(varflow, particles, 10, 200, threads);
        }
        double[] builtIn = new double[rounds];
        double[] formula = new double[rounds];
        double e1 = 0;
        double e2 = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            e1 = Workloads.langevin(varflow, particles, 10, 200, threads);
            long t1 = System.nanoTime();
            e2 = Workloads.langevinFormula(varflow, particles, 10, 200, threads);
            long t2 = System.nanoTime();
            builtIn[r] = (t1 - t0) * 1e-9;
            formula[r] = (t2 - t1) * 1e-9;
            System.out.printf(Locale.ROOT, "round %d: built-in %.4f s, formula %.4f s%n", r + 1, builtIn[r],
                    formula[r]);
        }
        System.out.printf(Locale.ROOT, "final mean energy: built-in %.6f, formula %.6f%n", e1, e2);
        double[] b = builtIn.clone();
        double[] f = formula.clone();
        Arrays.sort(b);
        Arrays.sort(f);
        System.out.printf(Locale.ROOT, "W1 %d particles, d = 10, 200 steps, %d thread(s), %d alternating rounds:%n",
                particles, threads, rounds);
        System.out.printf(Locale.ROOT, "  best:   built-in %.4f s, formula %.4f s, ratio %.2f%n", b[0], f[0],
                b[0] / f[0]);
        System.out.printf(Locale.ROOT, "  median: built-in %.4f s, formula %.4f s, ratio %.2f%n", b[rounds / 2],
                f[rounds / 2], b[rounds / 2] / f[rounds / 2]);
    }
}
