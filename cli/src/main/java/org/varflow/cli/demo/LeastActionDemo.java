package org.varflow.cli.demo;

import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;
import org.varflow.cli.plot.Colours;
import org.varflow.cli.plot.Plots;

/**
 * Newton's law from least action (seed 004): preset {@code least-action}, the L2 gradient flow of the discretised
 * action S[q] = int q'^2/2 - q^2/2 dt (harmonic, m = omega = 1) over paths from q(0) = 0 to q(1.5) = 1.
 *
 * <p>Closed forms: the stationary path is q(t) = sin(t) / sin(1.5) (Euler-Lagrange: q'' = -q, Newton's law for the
 * spring), its action S = [(A^2 + B^2) cos T - 2AB] / (2 sin T) = cos(1.5) / (2 sin(1.5)). The midpoint rule is
 * second order: halving dt divides the path error by 4.
 */
final class LeastActionDemo implements Demo {
    static final double T = 1.5;

    @Override
    public String name() {
        return "least-action";
    }

    @Override
    public String title() {
        return "Newton from least action: the gradient flow of the action finds q'' = -V'(q)";
    }

    @Override
    public String story() {
        return "Preset 'least-action': a path q(t) on [0, 1.5] with q(0) = 0, q(1.5) = 1 starts as a straight line and"
                + " flows downhill in the action S[q] = int q'^2/2 - q^2/2 dt (a spring, m = omega = 1). It stops on"
                + " the path Newton's law picks, q = sin t / sin 1.5, with the analytic action; the error is the"
                + " midpoint rule's O(dt^2), so doubling the nodes divides it by 4.";
    }

    @Override
    public void run(DemoContext c) {
        FlowSpec base = c.preset("least-action");
        double[] errors = new double[3];
        int[] nodes = {32, 64, 128};
        double[] path = null;
        double exactAction = Math.cos(T) / (2 * Math.sin(T));
        for (int k = 0; k < 3; k++) {
            DemoContext.Run run = c.run("n" + nodes[k], base.withParam(PartKind.SPACE, "nodes", nodes[k]));
            double[] q = run.states();
            double dt = T / nodes[k];
            double err = 0;
            for (int j = 1; j < nodes[k]; j++) {
                err = Math.max(err, Math.abs(q[j - 1] - Math.sin(j * dt) / Math.sin(T)));
            }
            errors[k] = err;
            double action = run.outcome().summary().energy();
            double initial = run.outcome().summary().energyInitial();
            c.figure(nodes[k] + " intervals: max |q - sin t / sin 1.5|", err, "O(dt^2)", err < 2 * dt * dt);
            c.figure("  action: straight line -> converged", DemoContext.fmt(initial) + " -> "
                    + DemoContext.fmt(action),
                    DemoContext.fmt(exactAction) + " (analytic), +-dt^2", Math.abs(action - exactAction) < dt * dt);
            if (k == 1) {
                path = q;
                // Newton at the nodes: m (q_{j+1} - 2 q_j + q_{j-1}) / dt^2 + V'(q_j) = O(dt^2)
                double residual = 0;
                for (int j = 1; j < nodes[k]; j++) {
                    double prev = j == 1 ? 0 : q[j - 2];
                    double next = j == nodes[k] - 1 ? 1 : q[j];
                    residual = Math.max(residual, Math.abs((next - 2 * q[j - 1] + prev) / (dt * dt) + q[j - 1]));
                }
                c.figure("  Newton's residual max |q'' + q| at the nodes", residual, "O(dt^2) = "
                        + DemoContext.fmt(dt * dt), residual < dt * dt);
            }
        }
        double r1 = errors[0] / errors[1];
        double r2 = errors[1] / errors[2];
        c.figure("error ratios when dt halves", DemoContext.fmt(r1) + ", " + DemoContext.fmt(r2),
                "4 (second order), +-0.2", Math.abs(r1 - 4) < 0.2 && Math.abs(r2 - 4) < 0.2);
        int n = nodes[1];
        double[] t = new double[n + 1];
        double[] q = new double[n + 1];
        double[] exact = new double[n + 1];
        double[] line = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            t[j] = j * T / n;
            q[j] = j == 0 ? 0 : j == n ? 1 : path[j - 1];
            exact[j] = Math.sin(t[j]) / Math.sin(T);
            line[j] = t[j] / T;
        }
        // the converged flow lies on Newton's path: nodes as markers, the closed form dashed over them
        var chart = Plots.chart("least action: the flow's path and Newton's (" + n + " intervals)", "t", "q(t)",
                c.size());
        Plots.draw(chart, new Plots.Series("start: the straight line", t, line, Colours.role("initial"),
                Plots.Line.SOLID));
        Plots.draw(chart, new Plots.Series("converged flow (nodes)", t, q, Colours.method("least-action"),
                Plots.Line.MARKERS));
        Plots.draw(chart, new Plots.Series("sin t / sin 1.5 (Newton's law q'' = -q)", t, exact,
                Colours.role("reference"), Plots.Line.DASHED));
        c.plot(chart, "least-action-path");
    }
}
