package org.varflow.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.varflow.api.FlowSpec;
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
        for (double t : TIMES) {
            Grid1d g = Grid1d.of(c.run(String.format(java.util.Locale.ROOT, "t%.1f", t), base.withTime(t))
                    .outcome());
            double mean = 2 * Math.exp(-t);
            double var = 1 - 0.75 * Math.exp(-2 * t);
            c.figure("mean at t = " + t, g.mean(), DemoContext.fmt(mean) + " (2 e^-t), +-2e-3",
                    Math.abs(g.mean() - mean) <= 2e-3);
            c.figure("  variance", g.variance(), DemoContext.fmt(var) + " (1 - 3/4 e^-2t), +-2e-3",
                    Math.abs(g.variance() - var) <= 2e-3);
            snapshots.add(new Plots.Series("t = " + t, g.xs(), g.rho().clone()));
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
        for (Plots.Series s : snapshots) {
            chart.addSeries(s.name(), s.x(), s.y()).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }
        double[] xs = end.xs();
        chart.addSeries("Gibbs exp(-x^2/2)/Z", xs, java.util.Arrays.stream(xs).map(x -> Grid1d.gaussian(x, 0, 1))
                .toArray()).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        c.plot(chart, "fokker-planck-snapshots");
        double[] times = ((List<?>) kl.get("times")).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        double[] kls = ((List<?>) kl.get("values")).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        c.plot(Plots.decay("Fokker-Planck: KL to the Gibbs law", "KL(rho_t | Gibbs)", List.of(new Plots.Series(
                "finite volumes", times, kls)), c.size()), "fokker-planck-kl");
    }
}
