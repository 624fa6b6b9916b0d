package org.varflow.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;
import org.varflow.cli.law.Gibbs;
import org.varflow.cli.plot.Colours;
import org.varflow.cli.plot.Histogram;
import org.varflow.cli.plot.Plots;
import org.varflow.ot.Wasserstein1D;

/**
 * Seed 004's {@code jko_particles}, done twice: by the JKO scheme itself (preset {@code jko}: each step the proximal
 * step argmin F(rho) + W2^2(rho, rho_k)/2h, exact in quantile coordinates on the line) and by what the seed's code
 * actually runs, an explicit step of particles pushed apart by the score of a kernel density estimate (preset
 * {@code particle-fokker-planck-kde}). 2000 particles from N(2, 0.3^2) in the double well V = (x^2 - 1)^2 at T = 1.
 *
 * <p>varflow's {@code double-well} is E = (x^2 - 1)^2 / 4, so both run at beta = 4 (the same Gibbs law
 * exp(-(x^2 - 1)^2)/Z) for 500 steps of 0.04, the seed's 500 steps of 0.01 with time measured in units of V rather
 * than E. The Gibbs law has mean 0 and variance 0.8327 (quadrature). JKO's particles sample it; the KDE flow's
 * particles sample it deconvolved by the kernel (their variance sits below it by about the kernel's sigma^2, their
 * cloud has sharp edges), while their kernel density estimate, the density the flow's score is computed from, lies on
 * the Gibbs law.
 */
final class JkoParticlesDemo implements Demo {
    static final double BETA = 4;
    static final int N = 2000;
    static final double GIBBS_VARIANCE = gibbsVariance();

    @Override
    public String name() {
        return "jko-particles";
    }

    @Override
    public String title() {
        return "seed 004's jko_particles: the JKO scheme, and the kernel-density particle flow the seed's code runs";
    }

    @Override
    public String story() {
        return "2000 particles start in the right well at N(2, 0.3^2) and relax to exp(-(x^2 - 1)^2)/Z. Preset 'jko'"
                + " takes proximal steps argmin F + W2^2/2h (the JKO scheme); preset 'particle-fokker-planck-kde' is"
                + " what the seed's 'jko_particles' code does: an explicit step with repulsion from a kernel density"
                + " score. JKO's histogram lies on the Gibbs density; the KDE flow's particles are the Gibbs law"
                + " deconvolved by the kernel (narrower, sharp-edged), and their kernel density estimate is what lies"
                + " on it. JKO's free energy falls to -T log Z; the KDE particles' stops above it, by T KL(particles |"
                + " Gibbs).";
    }

    @Override
    public void run(DemoContext c) {
        FlowSpec jkoSpec = setting(c.preset("jko"));
        FlowSpec kdeSpec = setting(c.preset("particle-fokker-planck-kde"));
        DemoContext.Run jko = c.run("jko", jkoSpec);
        DemoContext.Run kde = c.run("kde-particles", kdeSpec);
        Gibbs gibbs = Gibbs.onLine(JkoParticlesDemo::energy, 1 / BETA, 0, 1);
        double[][] law = gibbsPoints(gibbs);
        c.note("start: mean 2, std 0.3 (all particles in the right well); Gibbs law: mean 0, variance "
                + DemoContext.fmt(GIBBS_VARIANCE) + ", -T log Z = " + DemoContext.fmt(gibbs.freeEnergy()));

        double[] x = jko.states();
        double mean = mean(x);
        double var = variance(x, mean);
        double w2 = Wasserstein1D.distance(x, uniform(x.length), law[0], law[1], 2);
        c.figure("JKO: mean at t = 20 (seed's t = 5)", mean, "0 (Gibbs, by symmetry), |mean| <= 0.1",
                Math.abs(mean) <= 0.1);
        c.figure("  variance", var, DemoContext.fmt(GIBBS_VARIANCE) + " (Gibbs), +-0.02",
                Math.abs(var - GIBBS_VARIANCE) <= 0.02);
        c.figure("  W2 to the Gibbs law", w2, "<= 0.05 (JKO samples the law itself)", w2 <= 0.05);

        double[] y = kde.states();
        double kdeMean = mean(y);
        double kdeVar = variance(y, kdeMean);
        double sigma2 = silverman2(kdeVar, y.length);
        c.figure("KDE flow: mean", kdeMean, "0, |mean| <= 0.1", Math.abs(kdeMean) <= 0.1);
        c.figure("  variance", kdeVar, DemoContext.fmt(GIBBS_VARIANCE) + " - kernel sigma^2 " + DemoContext.fmt(sigma2)
                + ", +-(sigma^2 + 0.02)", Math.abs(kdeVar - GIBBS_VARIANCE) <= sigma2 + 0.02);
        double sigma = Math.sqrt(sigma2);
        double[] grid = new double[401];
        double[] estimate = new double[401];
        double[] target = new double[401];
        double worst = 0;
        for (int k = 0; k <= 400; k++) {
            grid[k] = -2.5 + 5.0 * k / 400;
            estimate[k] = kernelDensity(y, grid[k], sigma);
            target[k] = gibbs.density(energy(grid[k]));
            worst = Math.max(worst, Math.abs(estimate[k] - target[k]));
        }
        c.figure("  its kernel density estimate: max |rho^ - Gibbs|", worst, "<= 0.05 (the density the flow sees"
                + " is the Gibbs law)", worst <= 0.05);

        Map<?, ?> fJko = jko.outcome().summary().observer("free-energy").entries();
        Map<?, ?> fKde = kde.outcome().summary().observer("free-energy").entries();
        double fStar = gibbs.freeEnergy();
        double j0 = ((Number) fJko.get("initial")).doubleValue();
        double j1 = ((Number) fJko.get("final")).doubleValue();
        c.figure("JKO: free energy (m-spacing estimate) start -> end", DemoContext.fmt(j0) + " -> "
                + DemoContext.fmt(j1), "falls to -T log Z = " + DemoContext.fmt(fStar) + ", +-0.01",
                j1 < j0 && Math.abs(j1 - fStar) <= 0.01);
        double k0 = ((Number) fKde.get("initial")).doubleValue();
        double k1 = ((Number) fKde.get("final")).doubleValue();
        // F(rho) - F* = T KL(rho | Gibbs) >= 0: the KDE flow's particles are not the Gibbs law (their smoothed
        // density is), so their free energy stops above the minimum
        c.figure("KDE flow: free energy start -> end", DemoContext.fmt(k0) + " -> " + DemoContext.fmt(k1),
                "falls, and stays above -T log Z by T KL(particles | Gibbs) > 0.01", k1 < k0 && k1 > fStar + 0.01);
        var jkoChart = Plots.chart("JKO scheme: " + N + " particles at t = 20 and the Gibbs law", "x", "density",
                c.size());
        Histogram hj = Histogram.freedmanDiaconis(x);
        Plots.bars(jkoChart, "JKO particles, " + hj.rule(), hj, Colours.method("jko"));
        Plots.draw(jkoChart, new Plots.Series("Gibbs exp(-(x^2 - 1)^2)/Z", grid, target, Colours.role("target"),
                Plots.Line.DASHED));
        c.plot(jkoChart, "jko-particles-histogram");

        var kdeChart = Plots.chart("KDE particle flow (the seed's code) at t = 20", "x", "density", c.size());
        Histogram hk = Histogram.freedmanDiaconis(y);
        Plots.bars(kdeChart, "particles, " + hk.rule(), hk, Colours.role("initial"));
        Plots.draw(kdeChart, new Plots.Series("their kernel density estimate, sigma = " + DemoContext.fmt(sigma), grid,
                estimate, Colours.method("particle-fokker-planck-kde"), Plots.Line.SOLID));
        Plots.draw(kdeChart, new Plots.Series("Gibbs exp(-(x^2 - 1)^2)/Z", grid, target, Colours.role("target"),
                Plots.Line.DASHED));
        c.plot(kdeChart, "kde-particles-histogram");

        // F - F* = T KL(rho | Gibbs) on a log scale: JKO's falls towards 0, the KDE flow's levels off at the KL of
        // its deconvolved particles
        List<Plots.Series> free = new ArrayList<>();
        free.add(history("JKO", fJko, Colours.method("jko")));
        free.add(history("KDE flow", fKde, Colours.method("particle-fokker-planck-kde")));
        c.plot(Plots.overTime("free energy above its minimum: F - F* = T KL(rho | Gibbs), F* = -T log Z = "
                + DemoContext.fmt(fStar), "F - F* (log scale; entropy by m-spacing estimate)", free, true, fStar,
                c.size()), "jko-particles-free-energy");
    }

    private static FlowSpec setting(FlowSpec preset) {
        return preset.withPart(PartKind.ENERGY, "double-well")
                .withParam(PartKind.ENTROPY, "beta", BETA)
                .withParam(PartKind.SPACE, "n", N)
                .withParam(PartKind.SPACE, "mean", "2")
                .withParam(PartKind.SPACE, "std", "0.3")
                .withDt(0.04).withSteps(500);
    }

    private static Plots.Series history(String name, Map<?, ?> report, java.awt.Color colour) {
        double[] t = ((List<?>) report.get("times")).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        double[] v = ((List<?>) report.get("values")).stream().mapToDouble(u -> ((Number) u).doubleValue()).toArray();
        return new Plots.Series(name, t, v, colour, Plots.Line.SOLID);
    }

    static double energy(double x) {
        return (x * x - 1) * (x * x - 1) / 4;
    }

    /** The Gibbs law as 4001 weighted points on its window (for exact 1-D W2 against samples). */
    static double[][] gibbsPoints(Gibbs g) {
        int n = 4001;
        double a = g.lower()[0];
        double b = g.upper()[0];
        double[] x = new double[n];
        double[] w = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            x[i] = a + (b - a) * i / (n - 1);
            w[i] = g.density(energy(x[i]));
            total += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= total;
        }
        return new double[][] {x, w};
    }

    static double[] uniform(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        return w;
    }

    static double mean(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        return m / x.length;
    }

    static double variance(double[] x, double mean) {
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / x.length;
    }

    /** (1/N) sum_p N(x; x_p, sigma^2). */
    static double kernelDensity(double[] points, double x, double sigma) {
        double s = 0;
        for (double p : points) {
            double z = (x - p) / sigma;
            s += Math.exp(-0.5 * z * z);
        }
        return s / (points.length * sigma * Math.sqrt(2 * Math.PI));
    }

    /** Silverman's rule squared, ((4/3)^(1/5) s N^-1/5)^2: the kernel's variance, as the flow computes it. */
    static double silverman2(double var, int n) {
        double h = Math.pow(4.0 / 3, 0.2) * Math.sqrt(var * n / (n - 1.0)) * Math.pow(n, -0.2);
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
