package org.varflow.cli.demo;

import java.util.ArrayList;
import java.util.List;
import org.varflow.api.Energy;
import org.varflow.api.FlowSpec;
import org.varflow.cli.plot.Axes;
import org.varflow.cli.plot.Colours;
import org.varflow.cli.plot.Plots;

/**
 * The brachistochrone (seed 004, figure 1): descent times from A = (0, 0) to B = (pi, 2), y downward, g = 9.81.
 *
 * <p>The demo evaluates the preset's own energy (the exact descent time along the polygon through the nodes) on
 * candidate curves sampled at the nodes - the cycloid x = theta - sin theta, y = 1 - cos theta (r = 1, theta_B = pi),
 * the line, the parabola Y u (2 - u) and the cubic Y (1 - (1 - u)^3), u = x / X (the seed's y = Y u^2 and Y u^3 start
 * horizontally, where a bead at rest never moves: their times are infinite) - and runs the gradient flow from the
 * line to the numerical minimiser. Closed forms: cycloid pi / sqrt(g) = 1.00303 s, line sqrt((pi^2 + 4) / g)
 * = 1.18904 s.
 */
final class BrachistochroneDemo implements Demo {
    static final double X = Math.PI;
    static final double Y = 2;
    static final double G = 9.81;

    @Override
    public String name() {
        return "brachistochrone";
    }

    @Override
    public String title() {
        return "the brachistochrone: the cycloid beats the line, the parabola and the cubic, and the flow finds it";
    }

    @Override
    public String story() {
        return "Candidate curves from A = (0, 0) to B = (pi, 2) (y downward) ranked by the descent time"
                + " T[y] = int sqrt((1 + y'^2) / 2 g y) dx, computed by preset 'brachistochrone''s own energy on"
                + " 64 chords; then the L2 gradient flow of T from the straight line finds the minimiser, which"
                + " lands on the cycloid.";
    }

    @Override
    public void run(DemoContext c) {
        FlowSpec spec = c.preset("brachistochrone");
        Energy time = c.varflow().assemble(spec).flow().energy();
        int dim = c.varflow().assemble(spec).flow().dimension();
        int n = dim + 1; // intervals
        double cycloidExact = Math.PI / Math.sqrt(G);
        double lineExact = Math.sqrt((X * X + Y * Y) / G);
        List<String> names = List.of("cycloid", "cubic Y(1-(1-u)^3)", "parabola Y u(2-u)", "line");
        List<double[]> curves = new ArrayList<>();
        for (String name : names) {
            double[] y = new double[dim];
            for (int j = 1; j < n; j++) {
                double x = X * j / n;
                double u = x / X;
                y[j - 1] = switch (name) {
                    case "cycloid" -> 1 - Math.cos(thetaAt(x));
                    case "line" -> Y * u;
                    case "parabola Y u(2-u)" -> Y * u * (2 - u);
                    default -> Y * (1 - Math.pow(1 - u, 3));
                };
            }
            curves.add(y);
        }
        double[] times = new double[names.size()];
        for (int k = 0; k < names.size(); k++) {
            times[k] = time.value(curves.get(k));
        }
        c.figure("cycloid (64 chords)", times[0], DemoContext.fmt(cycloidExact) + " = pi/sqrt(g), +-0.5 %",
                Math.abs(times[0] / cycloidExact - 1) < 0.005);
        c.figure("line", times[3], DemoContext.fmt(lineExact) + " = sqrt((pi^2 + 4)/g), +-1e-9",
                Math.abs(times[3] - lineExact) < 1e-9);
        for (int k = 1; k < names.size(); k++) {
            c.figure(names.get(k) + " slower than the cycloid by", String.format(java.util.Locale.ROOT, "%.1f %%",
                    100 * (times[k] / times[0] - 1)), "> 0 (the cycloid is the minimiser)", times[k] > times[0]);
        }
        DemoContext.Run run = c.run("flow", spec);
        double found = run.outcome().summary().energy();
        c.figure("gradient flow from the line: minimiser's time", found, ">= the cycloid's, within 0.2 %",
                found >= cycloidExact && found / cycloidExact - 1 < 0.002);
        double[] xs = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            xs[j] = X * j / n;
        }
        // the curves in the plane, on equal scales (it is a shape); the cycloid dashed over the flow's nodes
        var chart = Plots.chart("brachistochrone: descent curves from (0, 0) to (pi, 2), y downward", "x", "-y",
                c.size());
        java.awt.Color[] others = {Colours.method("minimizing-movement"), Colours.method("mala"),
            Colours.method("dormand-prince")};
        for (int k = 1; k < names.size(); k++) {
            Plots.draw(chart, new Plots.Series(names.get(k) + String.format(java.util.Locale.ROOT, " (%.4f s)",
                    times[k]), xs, downward(curves.get(k)), others[k - 1], Plots.Line.SOLID));
        }
        Plots.draw(chart, new Plots.Series(String.format(java.util.Locale.ROOT, "flow's minimiser, nodes (%.4f s)",
                found), xs, downward(run.states()), Colours.method("brachistochrone"), Plots.Line.MARKERS));
        Plots.draw(chart, new Plots.Series(String.format(java.util.Locale.ROOT, "cycloid (%.4f s)", times[0]), xs,
                downward(curves.get(0)), Colours.role("reference"), Plots.Line.DASHED));
        Axes.equal(chart, new double[] {-0.15, X + 0.15, -Y - 0.15, 0.15});
        c.plot(chart, "brachistochrone-curves");
    }

    /** -y at the nodes with the fixed ends added, for drawing with y downward. */
    static double[] downward(double[] interior) {
        double[] out = new double[interior.length + 2];
        for (int j = 0; j < interior.length; j++) {
            out[j + 1] = -interior[j];
        }
        out[out.length - 1] = -Y;
        return out;
    }

    /** The cycloid's parameter at abscissa x: theta - sin theta = x, by bisection on [0, pi] (monotone). */
    static double thetaAt(double x) {
        double lo = 0;
        double hi = Math.PI;
        for (int i = 0; i < 100; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid - Math.sin(mid) < x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
