package org.varflow.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.varflow.api.FlowSpec;
import org.varflow.cli.plot.Colours;
import org.varflow.cli.plot.Plots;

/**
 * 1-D Fokker-Planck relaxing to Gibbs (seed 004): preset {@code fokker-planck}, V = x^2/2, T = 1, from N(2, 1/4).
 *
 * <p>The law stays Gaussian (Ornstein-Uhlenbeck): mean 2 e^-t, variance 1 - (3/4) e^-2t; the free energy
 * F = int V rho + T int rho log rho decreases monotonically to F(Gibbs) = -log(2 pi)/2 and F - F(Gibbs) =
 * T KL(rho_t | Gibbs).
 */
final class FokkerPlanckDemo implements Demo {
    static final double[] TIMES = {0.5, 1, 2, 4};

    @Override
    public String name() {
        return "fokker-planck";
    }

    @Override
    public String title() {
        return "1-D Fokker-Planck relaxing to the Gibbs law with a monotone free energy";
    }

    @Override
    public String story() {
        return "Preset 'fokker-planck': a density on 200 cells of [-8, 8] from N(2, 1/4) in V = x^2/2 at T = 1,"
                + " by conservative finite volumes. The law stays Gaussian (Ornstein-Uhlenbeck): mean 2 e^-t,"
                + " variance 1 - 3/4 e^-2t. The free energy never increases and KL to exp(-V)/Z decays like e^-2t.";
    }

    @Override
    public void run(DemoContext c) {
        FlowSpec base = c.preset("fokker-planck");
        List<Plots.Series> snapshots = new ArrayList<>();
        Grid1d start = Grid1d.of(c.run("t0", base.withSteps(0)).outcome());
        snapshots.add(new Plots.Series("t = 0: N(2, 1/4)", start.xs(), start.rho().clone()));
        for (double t : TIMES) {
            Grid1d g = Grid1d.of(c.run(String.format(java.util.Locale.ROOT, "t%.1f", t), base.withTime(t))
                    .outcome());
            double mean = 2 * Math.exp(-t);
            double var = 1 - 0.75 * Math.exp(-2 * t);
            c.figure("mean at t = " + t, g.mean(), DemoContext.fmt(mean) + " (2 e^-t), +-2e-3",
                    Math.abs(g.mean() - mean) <= 2e-3);
            c.figure("  variance", g.variance(), DemoContext.fmt(var) + " (1 - 3/4 e^-2t), +-2e-3",
                    Math.abs(g.variance() - var) <= 2e-3);
            snapshots.add(new Plots.Series("t = " + Plots.fmt(t), g.xs(), g.rho().clone()));
        }
        DemoContext.Run full = c.run("full", base);
        Map<?, ?> free = full.outcome().summary().observer("free-energy").entries();
        Map<?, ?> kl = full.outcome().summary().observer("kl-to-gibbs").entries();
        double fGibbs = -0.5 * Math.log(2 * Math.PI);
        double fEnd = ((Number) free.get("final")).doubleValue();
        c.figure("free energy increases (over " + ((List<?>) free.get("values")).size() + " looks)",
                ((Number) free.get("increases")).doubleValue(), "0", ((Number) free.get("increases")).intValue() == 0);
        c.figure("free energy at t = " + full.outcome().result().time(), fEnd, DemoContext.fmt(fGibbs)
                + " (F(Gibbs) = -log(2 pi)/2), +-1e-3", Math.abs(fEnd - fGibbs) <= 1e-3);
        double klEnd = ((Number) kl.get("final")).doubleValue();
        c.figure("KL(rho | Gibbs) at the end", klEnd, "< 1e-4 (decays like e^-2t)", klEnd < 1e-4);

        Grid1d end = Grid1d.of(full.outcome());
        var chart = Plots.chart("Fokker-Planck: density snapshots and the Gibbs law", "x", "rho", c.size());
        for (int k = 0; k < snapshots.size(); k++) {
            Plots.Series s = snapshots.get(k);
            Plots.draw(chart, new Plots.Series(s.name(), s.x(), s.y(), k == 0 ? Colours.role("initial")
                    : Colours.sequential(k, snapshots.size()), Plots.Line.SOLID));
        }
        double[] xs = end.xs();
        // dashed over the t = 4 snapshot, which it hides otherwise
        Plots.draw(chart, new Plots.Series("Gibbs exp(-x^2/2)/Z", xs, java.util.Arrays.stream(xs)
                .map(x -> Grid1d.gaussian(x, 0, 1)).toArray(), Colours.role("target"), Plots.Line.DASHED));
        chart.getStyler().setXAxisMin(-4.0);
        chart.getStyler().setXAxisMax(4.0);
        c.plot(chart, "fokker-planck-snapshots");
        double[] times = ((List<?>) kl.get("times")).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        double[] kls = ((List<?>) kl.get("values")).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        double[] exact = new double[times.length];
        double[] rate = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            exact[i] = exactKl(times[i]);
            rate[i] = 2 * Math.exp(-2 * times[i]);
        }
        double klAt2 = kls[HamiltonianDemo.indexOf(times, 2.0)];
        double exactAt2 = exactKl(times[HamiltonianDemo.indexOf(times, 2.0)]);
        c.figure("KL at t = 2 against the Gaussian closed form", klAt2, DemoContext.fmt(exactAt2)
                + " (KL(N(m, s^2) | N(0, 1))), +-2 %", Math.abs(klAt2 - exactAt2) <= 0.02 * exactAt2);
        c.plot(Plots.decay("Fokker-Planck: KL to the Gibbs law", "KL(rho_t | Gibbs) (log scale)", List.of(
                new Plots.Series("finite volumes (every 3rd observation)", every(times, 3), every(kls, 3),
                        Colours.method("fokker-planck"), Plots.Line.MARKERS),
                new Plots.Series("exact KL(N(2e^-t, 1 - 3/4 e^-2t) | N(0, 1))", times, exact,
                        Colours.role("reference"), Plots.Line.DASHED),
                new Plots.Series("rate e^-2t (2 e^-2t, the late-time asymptote)", times, rate,
                        Colours.role("reference"), Plots.Line.DOTTED)), c.size()), "fokker-planck-kl");
    }

    static double[] every(double[] v, int k) {
        double[] out = new double[(v.length + k - 1) / k];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[i * k];
        }
        return out;
    }

    /**
     * KL(N(m, s^2) | N(0, 1)) = (s^2 + m^2 - 1 - log s^2)/2 for the Ornstein-Uhlenbeck law from N(2, 1/4):
     * m = 2 e^-t, s^2 = 1 - 3/4 e^-2t; it tends to 2 e^-2t.
     */
    static double exactKl(double t) {
        double m = 2 * Math.exp(-t);
        double s2 = 1 - 0.75 * Math.exp(-2 * t);
        return 0.5 * (s2 + m * m - 1 - Math.log(s2));
    }
}
