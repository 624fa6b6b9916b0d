package org.varflow.cli.demo;

import java.util.ArrayList;
import java.util.List;
import org.varflow.api.FlowSpec;
import org.varflow.cli.plot.Colours;
import org.varflow.cli.plot.Plots;

/**
 * The heat equation as the Wasserstein gradient flow of the entropy (seed 004): preset {@code heat} from N(0, 1).
 *
 * <p>Closed forms for rho_t = N(0, s^2), s^2 = 1 + 2t (T = 1): variance s^2; entropy integral rho log rho =
 * -log(2 pi e s^2)/2; Dirichlet energy (1/2) integral |rho'|^2 = 1/(8 sqrt(pi) s^3). The entropy falls (the flow is
 * its steepest descent in W2) and so does the Dirichlet energy (the same equation is its L2 gradient flow).
 */
final class HeatDemo implements Demo {
    static final double[] TIMES = {0, 0.2, 0.5, 1, 2};

    @Override
    public String name() {
        return "heat";
    }

    @Override
    public String title() {
        return "the heat equation as the entropy's gradient flow: spreading like N(0, 1 + 2t), monotone Dirichlet "
                + "energy";
    }

    @Override
    public String story() {
        return "Preset 'heat' (grid of 300 cells on [-15, 15], no energy, entropy boltzmann at T = 1, Wasserstein"
                + " metric) from N(0, 1). Watch the variance grow exactly like 1 + 2t, the entropy fall like"
                + " -log(2 pi e (1 + 2t))/2 and the Dirichlet energy (1/2) int |rho'|^2 fall like 1/(8 sqrt(pi)"
                + " (1 + 2t)^1.5): the same equation is the W2 flow of the entropy and the L2 flow of the Dirichlet"
                + " energy.";
    }

    @Override
    public void run(DemoContext c) {
        FlowSpec base = c.preset("heat");
        List<Plots.Series> snapshots = new ArrayList<>();
        double[] dirichlet = new double[TIMES.length];
        double[] entropy = new double[TIMES.length];
        for (int k = 0; k < TIMES.length; k++) {
            double t = TIMES[k];
            Grid1d g = Grid1d.of(c.run(String.format(java.util.Locale.ROOT, "t%.1f", t),
                    t == 0 ? base.withSteps(0) : base.withTime(t)).outcome());
            double s2 = 1 + 2 * t;
            c.figure("variance at t = " + t, g.variance(), DemoContext.fmt(s2) + " (1 + 2t), +-1e-6",
                    Math.abs(g.variance() - s2) <= 1e-6);
            entropy[k] = g.entropy();
            double exactH = -0.5 * Math.log(2 * Math.PI * Math.E * s2);
            c.figure("  entropy int rho log rho", entropy[k], DemoContext.fmt(exactH) + ", +-2e-3",
                    Math.abs(entropy[k] - exactH) <= 2e-3);
            dirichlet[k] = g.dirichlet();
            double exactD = 1 / (8 * Math.sqrt(Math.PI) * Math.pow(s2, 1.5));
            c.figure("  Dirichlet energy (1/2) int |rho'|^2", dirichlet[k], DemoContext.fmt(exactD) + ", +-1%",
                    Math.abs(dirichlet[k] - exactD) <= 0.01 * exactD);
            snapshots.add(new Plots.Series("t = " + Plots.fmt(t), g.xs(), g.rho().clone()));
        }
        c.figure("entropy decreasing over the snapshots", decreasing(entropy) ? "yes" : "no", "yes",
                decreasing(entropy));
        c.figure("Dirichlet energy decreasing", decreasing(dirichlet) ? "yes" : "no", "yes", decreasing(dirichlet));
        var chart = Plots.chart("heat equation: density snapshots", "x", "rho", c.size());
        for (int k = 0; k < snapshots.size(); k++) {
            Plots.Series s = snapshots.get(k);
            Plots.draw(chart, new Plots.Series(s.name(), s.x(), s.y(), k == 0 ? Colours.role("initial")
                    : Colours.sequential(k, snapshots.size()), Plots.Line.SOLID));
        }
        double last = TIMES[TIMES.length - 1];
        double[] xs = snapshots.get(0).x();
        Plots.draw(chart, new Plots.Series("N(0, 1 + 2t) at t = " + Plots.fmt(last) + " (exact)", xs,
                java.util.Arrays.stream(xs).map(x -> Grid1d.gaussian(x, 0, 1 + 2 * last)).toArray(),
                Colours.role("reference"), Plots.Line.DASHED));
        c.plot(chart, "heat-snapshots");
        double[] fine = new double[101];
        double[] exact = new double[101];
        for (int i = 0; i <= 100; i++) {
            fine[i] = last * i / 100;
            exact[i] = 1 / (8 * Math.sqrt(Math.PI) * Math.pow(1 + 2 * fine[i], 1.5));
        }
        c.plot(Plots.decay("heat equation: Dirichlet energy", "(1/2) int rho'^2 (log scale)", List.of(
                new Plots.Series("grid", TIMES, dirichlet, Colours.method("heat"), Plots.Line.MARKERS),
                new Plots.Series("1/(8 sqrt(pi) (1+2t)^1.5) (exact)", fine, exact, Colours.role("reference"),
                        Plots.Line.DASHED)), c.size()), "heat-dirichlet");
    }

    static boolean decreasing(double[] v) {
        for (int i = 1; i < v.length; i++) {
            if (!(v[i] < v[i - 1])) {
                return false;
            }
        }
        return true;
    }
}
