package org.varflow.cli.demo;

import java.util.List;
import org.varflow.cli.plot.Colours;
import org.varflow.cli.plot.Plots;
import org.varflow.cli.plot.Trajectory;

/**
 * Hamiltonian against gradient flow of the same H(q, p) = q^2/2 + p^2/2 (seed 003): presets {@code hamiltonian}
 * (K = 0, J symplectic, leapfrog) and {@code gradient-flow-phase} (K = I, J = 0, Euler), both from (1, 0) with h = 0.1.
 *
 * <p>Hamilton's flow keeps H: leapfrog's energy error stays bounded, below h^2 H0 / 4 for the oscillator, and the
 * orbit closes (after t = 2 pi k it is back at q = 1 up to the phase error O(h^2 t)). The gradient flow dissipates H
 * at the rate |grad H|^2: H = H0 e^-2t exactly, (1 - h)^2k H0 for Euler.
 */
final class HamiltonianDemo implements Demo {
    @Override
    public String name() {
        return "hamiltonian-vs-gradient";
    }

    @Override
    public String title() {
        return "Hamiltonian vs gradient flow of the same energy: a closed orbit against a fall into the minimum";
    }

    @Override
    public String story() {
        return "The same space (phase space, H = q^2/2 + p^2/2) and energy under two structures: J (symplectic,"
                + " leapfrog) conserves H and circles forever; K = I (gradient flow) dissipates H and falls into the"
                + " minimum. The phase portrait shows both; the energy plot shows constant against e^-2t.";
    }

    @Override
    public void run(DemoContext c) {
        DemoContext.Run ham = c.run("hamiltonian", c.preset("hamiltonian"));
        DemoContext.Run grad = c.run("gradient-flow", c.preset("gradient-flow-phase"));
        double h = ham.outcome().assembled().spec().dt();
        Trajectory th = ham.trajectory();
        double[] eh = th.energy();
        double h0 = eh[0];
        double drift = 0;
        for (double e : eh) {
            drift = Math.max(drift, Math.abs(e - h0));
        }
        c.figure("Hamiltonian: max |H - H0| over " + (eh.length - 1) + " steps", drift, "<= h^2 H0 / 4 = "
                + DemoContext.fmt(h * h * h0 / 4) + " (bounded, no drift)", drift <= h * h * h0 / 4 * 1.0001);
        Trajectory tg = grad.trajectory();
        double[] eg = tg.energy();
        double[] t = tg.time();
        int k1 = indexOf(t, 1.0);
        double euler = h0 * Math.pow(1 - h, (double) (2 * Math.round(1.0 / h)));
        c.figure("gradient flow: H at t = 1", eg[k1], DemoContext.fmt(euler) + " ((1 - h)^2k H0; exact e^-2 H0 = "
                + DemoContext.fmt(h0 * Math.exp(-2)) + "), +-1e-12", Math.abs(eg[k1] - euler) <= 1e-12);
        c.figure("gradient flow: H decreasing at every step", HeatDemo.decreasing(trimZeros(eg)) ? "yes" : "no", "yes",
                HeatDemo.decreasing(trimZeros(eg)));
        List<String> cols = th.stateColumns();
        c.plot(Plots.phase("phase portrait: Hamiltonian (closed orbit) vs gradient flow (into the minimum)", List.of(
                new Plots.Path2("hamiltonian (leapfrog)", th.column(cols.get(0)), th.column(cols.get(1)),
                        Colours.method("hamiltonian")),
                new Plots.Path2("gradient flow (Euler)", tg.column(cols.get(0)), tg.column(cols.get(1)),
                        Colours.method("gradient-flow-phase"))), c.size()), "phase-portrait");
        // on a log scale: the conserved H is a flat line, the gradient flow's decay e^-2t a straight one (drawn
        // while it is above 1e-12 of H0; Euler's (1 - h)^2k is slightly steeper)
        int shown = 0;
        while (shown < t.length && eg[shown] > 1e-12 * h0) {
            shown++;
        }
        double[] ts = java.util.Arrays.copyOf(t, shown);
        double[] es = java.util.Arrays.copyOf(eg, shown);
        double[] exact = new double[shown];
        for (int i = 0; i < shown; i++) {
            exact[i] = h0 * Math.exp(-2 * ts[i]);
        }
        double end = ts[shown - 1];
        double[] th2 = th.time();
        int keep = 0;
        while (keep < th2.length && th2[keep] <= end) {
            keep++;
        }
        var chart = Plots.overTime("energy H(q, p) against time: conserved against dissipated", "H (log scale)",
                List.of(new Plots.Series("hamiltonian (leapfrog): H conserved", java.util.Arrays.copyOf(th2, keep),
                                java.util.Arrays.copyOf(eh, keep), Colours.method("hamiltonian"), Plots.Line.SOLID),
                        new Plots.Series("gradient flow (Euler): H0 (1 - h)^2k", ts, es,
                                Colours.method("gradient-flow-phase"), Plots.Line.SOLID),
                        new Plots.Series("H0 e^-2t (the exact gradient flow)", ts, exact, Colours.role("reference"),
                                Plots.Line.DASHED)), false, 0, c.size());
        chart.getStyler().setYAxisLogarithmic(true);
        c.plot(chart, "energy");
    }

    static int indexOf(double[] t, double target) {
        int best = 0;
        for (int i = 0; i < t.length; i++) {
            if (Math.abs(t[i] - target) < Math.abs(t[best] - target)) {
                best = i;
            }
        }
        return best;
    }

    /** The prefix before H underflows to 0 (decrease is strict only while H > 0). */
    static double[] trimZeros(double[] e) {
        int n = 0;
        while (n < e.length && e[n] > 0) {
            n++;
        }
        return java.util.Arrays.copyOf(e, n);
    }
}
