package org.varflow.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;
import org.varflow.core.Varflow;
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

    /** Runs W1 and returns the final mean energy. */
    public static double langevin(Varflow varflow, int particles, int d, int steps, int threads) {
        var outcome = varflow.run(langevinSpec(varflow, particles, d, steps), new RunControl(threads), null);
        return (Double) outcome.summary().get("energy");
    }

    /** n points in 2-D, uniform in [0,1]^2 (x) and shifted Gaussian-ish cloud (y), deterministic in n and seed. */
    public static double[] cloud(int n, long seed, double shift) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] p = new double[2 * n];
        for (int i = 0; i < p.length; i++) {
            p[i] = rnd.nextDouble() + shift;
        }
        return p;
    }

    /** W2: log-domain Sinkhorn, n = m points in 2-D, squared Euclidean cost, a fixed number of iterations. */
    public static double sinkhorn(int n, int iterations, double epsilon) {
        double[] x = cloud(n, 1, 0.0);
        double[] y = cloud(n, 2, 0.25);
        return new Sinkhorn(epsilon).withTolerance(0).withMaxIterations(iterations).withoutScaling()
                .squaredEuclidean(x, y, 2).cost();
    }

    /** W3: exact OT, n = m points in 2-D, uniform weights, squared Euclidean cost. */
    public static double exactOt(int n) {
        double[] x = cloud(n, 1, 0.0);
        double[] y = cloud(n, 2, 0.25);
        double[] c = org.varflow.ot.Costs.squaredEuclidean(x, y, 2);
        double[] a = new double[n];
        double[] b = new double[n];
        java.util.Arrays.fill(a, 1.0 / n);
        java.util.Arrays.fill(b, 1.0 / n);
        return ExactOT.solve(a, b, c).cost();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
