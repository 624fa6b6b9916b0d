package org.varflow.measures.observe;

import org.varflow.api.Energy;
import org.varflow.api.Flow;
import org.varflow.api.measure.EnsembleLayout;
import org.varflow.api.measure.GridLayout;
import org.varflow.measures.grid.GridSpace;
import org.varflow.measures.particles.EnsembleSpace;

/**
 * Quantities of the measures of a run, shared by the diagnostics. A run of a measure space has one state per
 * particle; with several (independent copies of the measure) the diagnostics look at the first.
 */
final class Measures {
    private Measures() {
    }

    /** The grid of a grid flow, or null. */
    static GridLayout grid(Flow flow) {
        return flow.space() instanceof GridSpace g ? g.layout() : null;
    }

    /** Whether the flow is on a grid with closed walls (no flux: mass conserved, the Gibbs law its limit). */
    static boolean closedGrid(Flow flow) {
        return flow.space() instanceof GridSpace g && g.boundary().closed();
    }

    /** The layout of an ensemble flow, or null. */
    static EnsembleLayout ensemble(Flow flow) {
        return flow.space() instanceof EnsembleSpace e ? e.layout() : null;
    }

    /** integral U(rho) on a grid: U = rho log rho (0 log 0 = 0) or rho^m / (m - 1). */
    static double internalEnergy(GridLayout g, double[] rho, double exponent) {
        double s = 0;
        for (int i = 0; i < g.size(); i++) {
            double r = rho[i];
            if (r > 0) {
                s += exponent == 1.0 ? r * Math.log(r) : Math.pow(r, exponent) / (exponent - 1);
            }
        }
        return s * g.cellVolume();
    }

    /**
     * Writes the Gibbs density g_i = exp(-psi_i / T) / Z on the grid (normalised to mass one) into {@code out},
     * psi = dE/drho / |cell| at rho. Uses {@code gradient} as scratch.
     */
    static void gibbs(GridLayout g, Energy energy, double[] rho, double temperature, double[] gradient,
                      double[] out) {
        energy.gradient(rho, gradient);
        double inv = 1 / g.cellVolume();
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < g.size(); i++) {
            min = Math.min(min, gradient[i] * inv);
        }
        double z = 0;
        for (int i = 0; i < g.size(); i++) {
            out[i] = Math.exp(-(gradient[i] * inv - min) / temperature);
            z += out[i];
        }
        z *= g.cellVolume();
        for (int i = 0; i < g.size(); i++) {
            out[i] /= z;
        }
    }

    /** KL(rho | g) = sum rho log(rho / g) |cell| (cells with rho = 0 contribute 0; +infinity if g = 0 &lt; rho). */
    static double kl(GridLayout g, double[] rho, double[] target) {
        double s = 0;
        for (int i = 0; i < g.size(); i++) {
            if (rho[i] > 0) {
                if (!(target[i] > 0)) {
                    return Double.POSITIVE_INFINITY;
                }
                s += rho[i] * Math.log(rho[i] / target[i]);
            }
        }
        return s * g.cellVolume();
    }

    /** Mean (length d) and covariance (d x d) of a grid density, normalised by its mass. */
    static void moments(GridLayout g, double[] rho, double[] mean, double[] cov) {
        int d = g.axes();
        java.util.Arrays.fill(mean, 0.0);
        java.util.Arrays.fill(cov, 0.0);
        double mass = 0;
        for (int i = 0; i < g.size(); i++) {
            mass += rho[i];
            for (int a = 0; a < d; a++) {
                mean[a] += rho[i] * g.centre(i, a);
            }
        }
        for (int a = 0; a < d; a++) {
            mean[a] /= mass;
        }
        for (int i = 0; i < g.size(); i++) {
            for (int a = 0; a < d; a++) {
                double za = g.centre(i, a) - mean[a];
                for (int b = 0; b < d; b++) {
                    cov[a * d + b] += rho[i] * za * (g.centre(i, b) - mean[b]);
                }
            }
        }
        for (int k = 0; k < d * d; k++) {
            cov[k] /= mass;
        }
    }

    /** Mean and (1/N-normalised, the measure's own) covariance of an ensemble. */
    static void moments(EnsembleLayout e, double[] x, double[] mean, double[] cov) {
        int n = e.n();
        int d = e.d();
        java.util.Arrays.fill(mean, 0.0);
        java.util.Arrays.fill(cov, 0.0);
        for (int p = 0; p < n; p++) {
            for (int a = 0; a < d; a++) {
                mean[a] += x[p * d + a];
            }
        }
        for (int a = 0; a < d; a++) {
            mean[a] /= n;
        }
        for (int p = 0; p < n; p++) {
            for (int a = 0; a < d; a++) {
                double za = x[p * d + a] - mean[a];
                for (int b = 0; b < d; b++) {
                    cov[a * d + b] += za * (x[p * d + b] - mean[b]);
                }
            }
        }
        for (int k = 0; k < d * d; k++) {
            cov[k] /= n;
        }
    }

    /** A finite number, or null (JSON has no NaN or infinity). */
    static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static java.util.List<Double> vector(double[] v) {
        java.util.List<Double> out = new java.util.ArrayList<>();
        for (double x : v) {
            out.add(number(x));
        }
        return out;
    }

    static java.util.List<java.util.List<Double>> matrix(double[] m, int d) {
        java.util.List<java.util.List<Double>> out = new java.util.ArrayList<>();
        for (int i = 0; i < d; i++) {
            out.add(vector(java.util.Arrays.copyOfRange(m, i * d, (i + 1) * d)));
        }
        return out;
    }
}
