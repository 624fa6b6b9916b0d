package org.varflow.cli.demo;

import java.util.List;
import java.util.Map;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;
import org.varflow.cli.plot.Plots;

/**
 * Seed 004's {@code jko_particles}: 2000 particles from N(2, 0.3^2) in the double well V = (x^2 - 1)^2 at T = 1,
 * moved by -grad V - T grad log rho^ with a kernel density estimate rho^ (no random numbers).
 *
 * <p>varflow's {@code double-well} is E = (x^2 - 1)^2 / 4, so the demo runs it at beta = 4 (the same Gibbs law
 * exp(-(x^2 - 1)^2)/Z) for 500 steps of 0.04, which is the seed's 500 steps of 0.01 with time measured in units of
 * V rather than E. The Gibbs law has mean 0 and variance 0.8327 (quadrature); the particles sample it deconvolved by
 * the kernel, so their variance sits below it by about the kernel's sigma^2.
 */
final class JkoParticlesDemo implements Demo {
    static final double GIBBS_VARIANCE = gibbsVariance();

    @Override
    public String name() {
        return "jko-particles";
    }

    @Override
    public String title() {
        return "particles with entropic repulsion (KDE score) relaxing in a double well: seed 004's jko_particles";
    }

    @Override
    public String story() {
        return "Preset 'particle-fokker-planck-kde' with the double well: 2000 particles start in the right well at"
                + " N(2, 0.3^2); the drift pulls them down, the kernel-density score pushes them apart, and the cloud"
                + " spreads over both wells towards exp(-(x^2 - 1)^2)/Z. Look at the histogram against the Gibbs"
                + " density and the free energy falling.";
    }

    @Override
    public void run(DemoContext c) {
        FlowSpec spec = c.preset("particle-fokker-planck-kde")
                .withPart(PartKind.ENERGY, "double-well")
                .withParam(PartKind.ENTROPY, "beta", 4.0)
                .withParam(PartKind.SPACE, "n", 2000)
                .withParam(PartKind.SPACE, "std", "0.3")
                .withDt(0.04).withSteps(500);
        DemoContext.Run run = c.run("particles", spec);
        double[] x = run.states();
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length;
        double sigma2 = silverman2(var, x.length);
        c.note("start: mean 2, std 0.3 (all particles in the right well)");
        c.figure("mean at t = 20 (seed's t = 5)", mean, "0 (Gibbs, by symmetry), |mean| <= 0.1", Math.abs(mean) <= 0.1);
        c.figure("variance", var, DemoContext.fmt(GIBBS_VARIANCE) + " - kernel sigma^2 " + DemoContext.fmt(sigma2)
                + ", +-(sigma^2 + 0.02)", Math.abs(var - GIBBS_VARIANCE) <= sigma2 + 0.02);
        Map<?, ?> free = run.outcome().summary().observer("free-energy").entries();
        double f0 = ((Number) free.get("initial")).doubleValue();
        double f1 = ((Number) free.get("final")).doubleValue();
        c.figure("free energy (m-spacing estimate) start -> end", DemoContext.fmt(f0) + " -> " + DemoContext.fmt(f1),
                "falls", f1 < f0);
        c.plot(Plots.histogram("jko particles at t = 20: histogram and Gibbs density", "x", x,
                v -> (v * v - 1) * (v * v - 1) / 4, 4.0, c.size()), "jko-particles-histogram");
        double[] times = ((List<?>) free.get("times")).stream().mapToDouble(v -> ((Number) v).doubleValue())
                .toArray();
        double[] values = ((List<?>) free.get("values")).stream().mapToDouble(v -> ((Number) v).doubleValue())
                .toArray();
        c.plot(Plots.overTime("jko particles: free energy", "F (energy / N + T entropy estimate)", List.of(
                new Plots.Series("particles", times, values)), false, 0, c.size()), "jko-particles-free-energy");
    }

    /** Silverman's rule squared, (1.06 s N^-1/5)^2: the order of the kernel's variance. */
    static double silverman2(double var, int n) {
        double h = 1.06 * Math.sqrt(var) * Math.pow(n, -0.2);
        return h * h;
    }

    /** int x^2 e^{-(x^2-1)^2} / int e^{-(x^2-1)^2}, by the trapezoidal rule on [-4, 4] (tails below 1e-90). */
    static double gibbsVariance() {
        int n = 80_000;
        double a = -4;
        double h = 8.0 / n;
        double z = 0;
        double m2 = 0;
        for (int i = 0; i <= n; i++) {
            double x = a + i * h;
            double w = Math.exp(-(x * x - 1) * (x * x - 1)) * (i == 0 || i == n ? 0.5 : 1);
            z += w;
            m2 += x * x * w;
        }
        return m2 / z;
    }
}
