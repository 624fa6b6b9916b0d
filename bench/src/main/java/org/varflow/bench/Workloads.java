package org.varflow.bench;

import java.util.Locale;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;
import org.varflow.Varflow;
import org.varflow.api.parallel.WorkerPool;
import org.varflow.core.run.RunControl;
import org.varflow.ot.ExactOT;
import org.varflow.ot.Sinkhorn;

/**
 * The benchmark workloads, shared by the JMH benchmarks and the side-by-side harness ({@link Compare}). Each
 * builds its inputs deterministically from its size and returns a checksum so nothing is optimised away.
 */
public final class Workloads {
    private Workloads() {
    }

    /** W1: Langevin ensemble, double-well energy in d dimensions, Euler-Maruyama, observed at start and end only. */
    public static FlowSpec langevinSpec(Varflow varflow, int particles, int d, int steps) {
        return varflow.registry().preset("langevin").spec()
                .withPart(PartKind.ENERGY, "double-well")
                .withParam(PartKind.SPACE, "dimension", d)
                .withParam(PartKind.SPACE, "x0", "0.5")
                .withParticles(particles)
                .withSteps(steps)
                .withDt(0.01)
                .withEvery(steps)
                .withSeed(1);
    }

    /** The double well of W1 written as a formula: the energy {@code formula}, every other part the same. */
    public static final String DOUBLE_WELL_FORMULA = "sum(i, 1, d, (x[i]^2 - 1)^2/4)";

    /** W1 with the double well given as a formula instead of the built-in {@code double-well}. */
    public static FlowSpec langevinFormulaSpec(Varflow varflow, int particles, int d, int steps) {
        return langevinSpec(varflow, particles, d, steps).withPart(PartKind.ENERGY,
                org.varflow.api.PartChoice.of("formula").with("E", DOUBLE_WELL_FORMULA));
    }

    /** Runs W1 with the formula double well and returns the final mean energy. */
    public static double langevinFormula(Varflow varflow, int particles, int d, int steps, int threads) {
        var outcome = varflow.run(langevinFormulaSpec(varflow, particles, d, steps), new RunControl(threads), null);
        return outcome.summary().energy();
    }

    /** Runs W1 and returns the final mean energy. */
    public static double langevin(Varflow varflow, int particles, int d, int steps, int threads) {
        var outcome = varflow.run(langevinSpec(varflow, particles, d, steps), new RunControl(threads), null);
        return outcome.summary().energy();
    }

    /**
     * n points in 2-D from the Kronecker sequence frac((i + 1) alpha) with alpha = (sqrt 2, sqrt 3) for the source
     * and (sqrt 5, sqrt 7) shifted by 0.25 for the target: the same points in bench/numpy_workloads.py.
     */
    public static double[] cloud(int n, boolean target) {
        double a1 = target ? Math.sqrt(5) : Math.sqrt(2);
        double a2 = target ? Math.sqrt(7) : Math.sqrt(3);
        double shift = target ? 0.25 : 0.0;
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double u = (i + 1) * a1;
            double w = (i + 1) * a2;
            p[2 * i] = u - Math.floor(u) + shift;
            p[2 * i + 1] = w - Math.floor(w) + shift;
        }
        return p;
    }

    /** W2: log-domain Sinkhorn, n = m points in 2-D, squared Euclidean cost, a fixed number of iterations. */
    public static double sinkhorn(int n, int iterations, double epsilon) {
        return sinkhorn(n, iterations, epsilon, 1);
    }

    /** W2 with its sweeps split over {@code threads} (bitwise the same cost for any count). */
    public static double sinkhorn(int n, int iterations, double epsilon, int threads) {
        double[] x = cloud(n, false);
        double[] y = cloud(n, true);
        try (WorkerPool pool = new WorkerPool(threads)) {
            return new Sinkhorn(epsilon).withTolerance(0).withMaxIterations(iterations).withoutScaling()
                    .withWorkers(pool).squaredEuclidean(x, y, 2).cost();
        }
    }

    /**
     * W2 on the float kernel ({@link Sinkhorn#withFloatKernel()}): the same problem and iterations as
     * {@link #sinkhorn(int, int, double, int)}, the scaling sweeps over a kernel stored in float.
     */
    public static double sinkhornFloat(int n, int iterations, double epsilon, int threads) {
        double[] x = cloud(n, false);
        double[] y = cloud(n, true);
        try (WorkerPool pool = new WorkerPool(threads)) {
            return new Sinkhorn(epsilon).withTolerance(0).withMaxIterations(iterations).withoutScaling()
                    .withFloatKernel().withWorkers(pool).squaredEuclidean(x, y, 2).cost();
        }
    }

    /** W3: exact OT, n = m points in 2-D, uniform weights, squared Euclidean cost. */
    public static double exactOt(int n) {
        double[] x = cloud(n, false);
        double[] y = cloud(n, true);
        double[] c = org.varflow.ot.Costs.squaredEuclidean(x, y, 2);
        double[] a = new double[n];
        double[] b = new double[n];
        java.util.Arrays.fill(a, 1.0 / n);
        java.util.Arrays.fill(b, 1.0 / n);
        return ExactOT.solve(a, b, c).cost();
    }

    /**
     * W6: the seed's mean-field network, the {@code mean-field-network} preset at another size: {@code width}
     * neurons (a, w, b) ~ N(0, I), {@code points} equally spaced points of sin(pi x) + 0.5 sin(3 pi x) on [-1, 1],
     * {@code epochs} full-batch Euler steps h = 0.2 of the Wasserstein gradient flow, observed at start and end only.
     */
    public static FlowSpec meanFieldSpec(Varflow varflow, int width, int points, int epochs) {
        return varflow.registry().preset("mean-field-network").spec()
                .withParam(PartKind.SPACE, "n", width)
                .withParam(PartKind.ENERGY, "points", points)
                .withSteps(epochs)
                .withEvery(epochs);
    }

    /** Runs W6 and returns the final training loss R = E / m (the same number as bench/numpy_workloads.py's). */
    public static double meanField(Varflow varflow, int width, int points, int epochs) {
        var outcome = varflow.run(meanFieldSpec(varflow, width, points, epochs), new RunControl(1), null);
        return outcome.summary().energy() / width;
    }

    /**
     * W4: 1-D Fokker-Planck on a grid, the {@code fokker-planck} preset (V = x^2/2, T = 1, from N(2, 1/4) on [-8, 8])
     * with {@code cells} cells to t = 2, every step at 0.9 x the explicit stability limit (density-euler's
     * {@code stability=substep}: about 25 000 Scharfetter-Gummel steps at 1200 cells).
     */
    public static FlowSpec gridSpec(Varflow varflow, int cells) {
        return varflow.registry().preset("fokker-planck").spec()
                .withParam(PartKind.SPACE, "cells", cells)
                .withParam(PartKind.SCHEME, "stability", "substep")
                .withDt(2.0)
                .withTime(2.0)
                .withEvery(1);
    }

    /** Runs W4 and returns the final free energy. */
    public static double grid(Varflow varflow, int cells) {
        return grid(varflow, cells, 1);
    }

    /** Runs W4 with {@code threads} workers (the grid is one state: its substeps split) and returns the free energy. */
    public static double grid(Varflow varflow, int cells, int threads) {
        var outcome = varflow.run(gridSpec(varflow, cells), new RunControl(threads), null);
        return outcome.summary().observer("free-energy").number("final").orElse(Double.NaN);
    }

    /**
     * W5: seed 004's {@code jko_particles}, N particles from N(2, 0.3^2) in the double well V = (x^2 - 1)^2 at T = 1
     * moved by -grad V + KDE score with the fixed bandwidth 0.5 N^-1/5, 500 steps of 0.01 - in varflow's units the
     * {@code particle-fokker-planck-kde} preset with E = V/4 at beta = 4 and h = 0.04 (the same update). The kernel
     * sums are kde-score's {@code summation}: {@code direct} (the O(N^2) pairs, NumPy's algorithm) or
     * {@code fast-gauss} (the 1-D fast Gauss transform at its default tolerance, 1e-14 per pair weight).
     */
    public static FlowSpec kdeSpec(Varflow varflow, int n, String summation) {
        return varflow.registry().preset("particle-fokker-planck-kde").spec()
                .withPart(PartKind.ENERGY, "double-well")
                .withParam(PartKind.ENTROPY, "beta", 4.0)
                .withParam(PartKind.SPACE, "n", n)
                .withParam(PartKind.SPACE, "std", "0.3")
                .withParam(PartKind.SPACE, "placement", "random")
                .withParam(PartKind.NOISE, "bandwidth", "fixed")
                .withParam(PartKind.NOISE, "length", 0.5 * Math.pow(n, -0.2))
                .withParam(PartKind.NOISE, "summation", summation)
                .withDt(0.04)
                .withSteps(500)
                .withEvery(500);
    }

    /** Runs W5 with {@code threads} workers and returns the final mean position. */
    public static double kde(Varflow varflow, int n, String summation, int threads) {
        var outcome = varflow.run(kdeSpec(varflow, n, summation), new RunControl(threads), null);
        double[] x = outcome.result().states();
        double m = 0;
        for (double v : x) {
            m += v;
        }
        return m / x.length;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
