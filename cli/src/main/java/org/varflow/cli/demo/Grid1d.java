package org.varflow.cli.demo;

import org.varflow.api.Parameters;
import org.varflow.api.PartKind;
import org.varflow.Varflow;

/**
 * A density on the cells of a 1-D grid as the demos read it back from a run: cell centres x_i = lower + (i + 1/2) dx,
 * integrals by the midpoint rule (the rule the grid schemes conserve mass in).
 */
record Grid1d(double lower, double dx, double[] rho) {

    static Grid1d of(Varflow.Outcome o) {
        Parameters p = o.assembled().part(PartKind.SPACE).parameters();
        double lower = p.real("lower");
        double[] rho = o.result().states();
        return new Grid1d(lower, (p.real("upper") - lower) / rho.length, rho);
    }

    double x(int i) {
        return lower + (i + 0.5) * dx;
    }

    double mass() {
        double s = 0;
        for (double r : rho) {
            s += r * dx;
        }
        return s;
    }

    double mean() {
        double s = 0;
        for (int i = 0; i < rho.length; i++) {
            s += x(i) * rho[i] * dx;
        }
        return s / mass();
    }

    double variance() {
        double m = mean();
        double s = 0;
        for (int i = 0; i < rho.length; i++) {
            s += (x(i) - m) * (x(i) - m) * rho[i] * dx;
        }
        return s / mass();
    }

    /** integral rho log rho (0 log 0 = 0). */
    double entropy() {
        double s = 0;
        for (double r : rho) {
            if (r > 0) {
                s += r * Math.log(r) * dx;
            }
        }
        return s;
    }

    /** The Dirichlet energy (1/2) integral |rho'|^2, by forward differences between cell centres. */
    double dirichlet() {
        double s = 0;
        for (int i = 0; i + 1 < rho.length; i++) {
            double g = (rho[i + 1] - rho[i]) / dx;
            s += g * g * dx;
        }
        return 0.5 * s;
    }

    /** max_i |rho_i - f(x_i)|. */
    double supDistance(java.util.function.DoubleUnaryOperator f) {
        double worst = 0;
        for (int i = 0; i < rho.length; i++) {
            worst = Math.max(worst, Math.abs(rho[i] - f.applyAsDouble(x(i))));
        }
        return worst;
    }

    double[] xs() {
        double[] x = new double[rho.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = x(i);
        }
        return x;
    }

    static double gaussian(double x, double mean, double var) {
        return Math.exp(-(x - mean) * (x - mean) / (2 * var)) / Math.sqrt(2 * Math.PI * var);
    }
}
