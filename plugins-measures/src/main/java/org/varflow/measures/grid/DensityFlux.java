package org.varflow.measures.grid;

import org.varflow.api.measure.GridLayout;

/**
 * The discrete gradient flows of F(rho) = E(rho) + T integral U(rho) on a grid, as rates d rho/dt with their explicit
 * stability limits.
 *
 * <p><b>Wasserstein</b> (d rho/dt = div(rho grad(psi + T U'(rho)))), conservative finite volumes with zero flux
 * through the boundary; J is the flux from cell i to its neighbour j across their face, d rho_i/dt = -sum J / dx:
 * <ul>
 *   <li>Boltzmann (m = 1), T &gt; 0: Scharfetter-Gummel, J = (T/dx) [B(z) rho_i - B(-z) rho_j], z = (psi_j - psi_i)/T,
 *       B(z) = z / (e^z - 1). Exact for the discrete Gibbs state rho_i ~ exp(-psi_i / T) (J = 0 there), positive and
 *       monotone when h max_i (T/dx^2) sum_faces B(+-z) &lt;= 1;</li>
 *   <li>T = 0: the upwind limit J = (1/dx) [(psi_i - psi_j)^+ rho_i - (psi_j - psi_i)^+ rho_j];</li>
 *   <li>Tsallis (m &gt; 1): J = (T/dx)(rho_i^m - rho_j^m) + the upwind drift above: the pressure rho^m differenced
 *       centrally (second order), positive when h &lt;= 1 / max_i outflow rate and linearly stable when
 *       h &lt;= 1 / (2 T m max rho^(m-1) sum_a 1/dx_a^2).</li>
 * </ul>
 * Mass is conserved exactly up to rounding (every flux leaves one cell and enters another), with closed or periodic
 * walls; Dirichlet walls ({@link GridBoundary}) exchange flux with fixed wall values across half a cell.
 *
 * <p><b>Fisher-Rao</b> (birth-death, replicator): d rho_i/dt = -rho_i (phi_i - <phi>), phi = psi + T U'(rho),
 * <phi> = sum rho phi / sum rho over the cells with rho &gt; 0. Mass is conserved exactly, empty cells stay empty (no
 * mass is moved), positivity holds when h max_i (phi_i - <phi>) &lt;= 1.
 */
final class DensityFlux {
    private DensityFlux() {
    }

    /** B(z) = z / (e^z - 1), with B(0) = 1, accurate near 0 and for large |z|. */
    static double bernoulli(double z) {
        double a = Math.abs(z);
        if (a < 1e-4) {
            return 1 - z / 2 + z * z / 12;
        }
        if (z > 700) {
            return z * Math.exp(-z);
        }
        return z / Math.expm1(z);
    }

    /** T B(dpsi / T), continuous as T -> 0 (then (-dpsi)^+). */
    static double scaledBernoulli(double dpsi, double temperature) {
        if (temperature == 0) {
            return Math.max(-dpsi, 0);
        }
        return temperature * bernoulli(dpsi / temperature);
    }

    /**
     * d rho/dt of the Wasserstein flow; returns the stability limit. {@code outflow} (length cells) is scratch: the
     * per-cell outflow rates, whose maximum bounds the step. One exponential per face: T B(-z) = T B(z) + dpsi.
     */
    static double wasserstein(GridLayout g, double[] rho, double[] psi, double t, double m, double[] rate,
                              double[] outflow) {
        return wasserstein(g, GridBoundary.NONE.faces(g), rho, psi, t, m, rate, outflow, null);
    }

    /**
     * The face coefficients of the Boltzmann flux depend on psi and T only: a run with a potential energy at a fixed
     * temperature computes them (one expm1 per face) once and then each step is a multiply-add per face. Per-thread,
     * like all metric scratch.
     */
    static final class FaceRates {
        private double[] psi = new double[0];
        private double t = Double.NaN;
        private double[] forward = new double[0];
        private double[] backward = new double[0];
        private double limit;

        boolean matches(double[] p, double temperature) {
            return temperature == t && java.util.Arrays.equals(p, psi);
        }

        /** The rate coefficients of rho_i towards its neighbour across each face, in face order. */
        double[] forward() {
            return forward;
        }

        /** The rate coefficients of the neighbour towards rho_i across each face, in face order. */
        double[] backward() {
            return backward;
        }
    }

    /**
     * As {@link #wasserstein(GridLayout, double[], double[], double, double, double[], double[])} with the faces a
     * boundary adds ({@link GridBoundary.Faces}: periodic neighbours, Dirichlet walls), reusing {@code cache} (may be
     * null) when psi and T are those of its last call (Boltzmann entropy only).
     */
    static double wasserstein(GridLayout g, GridBoundary.Faces walls, double[] rho, double[] psi, double t, double m,
                              double[] rate, double[] outflow, FaceRates cache) {
        int n = g.size();
        if (cache != null && m == 1.0 && cache.matches(psi, t)) {
            // the faces in the order they were filled: along x row by row, then along y (no division per face)
            java.util.Arrays.fill(rate, 0, n, 0.0);
            int nx = g.cells(0);
            double[] fw = cache.forward;
            double[] bw = cache.backward;
            int f = 0;
            for (int row = 0; row < n; row += nx) {
                for (int i = row, end = row + nx - 1; i < end; i++, f++) {
                    double flux = fw[f] * rho[i] - bw[f] * rho[i + 1];
                    rate[i] -= flux;
                    rate[i + 1] += flux;
                }
            }
            if (g.axes() == 2) {
                for (int i = 0, end = n - nx; i < end; i++, f++) {
                    double flux = fw[f] * rho[i] - bw[f] * rho[i + nx];
                    rate[i] -= flux;
                    rate[i + nx] += flux;
                }
            }
            for (int w = 0; w < walls.size(); w++, f++) {
                int i = walls.cell[w];
                int j = walls.other[w];
                double flux = fw[f] * rho[i] - bw[f] * (j < 0 ? walls.value[w] : rho[j]);
                rate[i] -= flux;
                if (j >= 0) {
                    rate[j] += flux;
                }
            }
            return cache.limit;
        }
        boolean fill = cache != null && m == 1.0;
        if (fill && cache.forward.length != g.axes() * n + walls.size()) {
            cache.forward = new double[g.axes() * n + walls.size()];
            cache.backward = new double[g.axes() * n + walls.size()];
            cache.psi = new double[n];
        }
        int face = 0;
        java.util.Arrays.fill(rate, 0, n, 0.0);
        java.util.Arrays.fill(outflow, 0, n, 0.0);
        boolean tsallis = m != 1.0;
        int nx = g.cells(0);
        for (int a = 0; a < g.axes(); a++) {
            double inv2 = 1 / (g.dx(a) * g.dx(a));
            int stride = a == 0 ? 1 : nx;
            for (int i = 0; i < n; i++) {
                boolean hasHigh = a == 0 ? i % nx < nx - 1 : i + nx < n;
                if (!hasHigh) {
                    continue;
                }
                int j = i + stride;
                double dpsi = psi[j] - psi[i];
                double forward;  // rate coefficient of rho_i towards j (times dx^2)
                double backward; // of rho_j towards i
                double flux;     // from i to j, per unit of dx^2
                if (tsallis) {
                    double pi = t * Math.pow(rho[i], m - 1);
                    double pj = t * Math.pow(rho[j], m - 1);
                    forward = pi + Math.max(-dpsi, 0);
                    backward = pj + Math.max(dpsi, 0);
                } else if (dpsi >= 0) {
                    // T B(-z) = T B(z) + T z: evaluate the small one, add the non-negative difference
                    forward = scaledBernoulli(dpsi, t);
                    backward = forward + dpsi;
                } else {
                    backward = scaledBernoulli(-dpsi, t);
                    forward = backward - dpsi;
                }
                // the same operations as the cached path above, so a step's result does not depend on whether the
                // cache was warm (a resumed run starts cold and must continue bitwise-identically)
                double fw = forward * inv2;
                double bw = backward * inv2;
                if (fill) {
                    cache.forward[face] = fw;
                    cache.backward[face] = bw;
                }
                face++;
                flux = fw * rho[i] - bw * rho[j];
                rate[i] -= flux;
                rate[j] += flux;
                outflow[i] += fw;
                outflow[j] += bw;
            }
        }
        for (int w = 0; w < walls.size(); w++) {
            int i = walls.cell[w];
            int j = walls.other[w];
            double weight = walls.weight[w];
            double dpsi = (j < 0 ? walls.wallPotential(w, psi) : psi[j]) - psi[i];
            double rj = j < 0 ? walls.value[w] : rho[j];
            double forward;
            double backward;
            if (tsallis) {
                forward = t * Math.pow(rho[i], m - 1) + Math.max(-dpsi, 0);
                backward = t * Math.pow(rj, m - 1) + Math.max(dpsi, 0);
            } else if (dpsi >= 0) {
                forward = scaledBernoulli(dpsi, t);
                backward = forward + dpsi;
            } else {
                backward = scaledBernoulli(-dpsi, t);
                forward = backward - dpsi;
            }
            if (fill) {
                cache.forward[face] = forward * weight;
                cache.backward[face] = backward * weight;
            }
            face++;
            double flux = (forward * rho[i] - backward * rj) * weight;
            rate[i] -= flux;
            outflow[i] += forward * weight;
            if (j >= 0) {
                rate[j] += flux;
                outflow[j] += backward * weight;
            }
        }
        double maxOut = 0;
        double maxPressureSlope = 0;
        for (int i = 0; i < n; i++) {
            maxOut = Math.max(maxOut, outflow[i]);
            if (tsallis) {
                maxPressureSlope = Math.max(maxPressureSlope, m * Math.pow(rho[i], m - 1));
            }
        }
        double limit = maxOut > 0 ? 1 / maxOut : Double.POSITIVE_INFINITY;
        if (tsallis && t > 0 && maxPressureSlope > 0) {
            double sum = 0;
            for (int a = 0; a < g.axes(); a++) {
                sum += 1 / (g.dx(a) * g.dx(a));
            }
            limit = Math.min(limit, 1 / (2 * t * maxPressureSlope * sum));
        }
        if (fill) {
            System.arraycopy(psi, 0, cache.psi, 0, n);
            cache.t = t;
            cache.limit = limit;
        }
        return limit;
    }

    /** d rho/dt of the Fisher-Rao (birth-death) flow; returns the stability limit. */
    static double fisherRao(double[] rho, double[] psi, double t, double m, double[] rate, int n) {
        double weighted = 0;
        double mass = 0;
        for (int i = 0; i < n; i++) {
            if (rho[i] > 0) {
                double phi = psi[i] + t * entropyVariation(rho[i], m);
                rate[i] = phi; // kept for the second pass
                weighted += rho[i] * phi;
                mass += rho[i];
            } else {
                rate[i] = 0;
            }
        }
        double mean = mass > 0 ? weighted / mass : 0;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            if (rho[i] > 0) {
                double excess = rate[i] - mean;
                worst = Math.max(worst, excess);
                rate[i] = -rho[i] * excess;
            }
        }
        return worst > 0 ? 1 / worst : Double.POSITIVE_INFINITY;
    }

    /** U'(rho): log rho + 1 (m = 1) or m rho^(m-1) / (m - 1). */
    static double entropyVariation(double rho, double m) {
        return m == 1.0 ? Math.log(rho) + 1 : m * Math.pow(rho, m - 1) / (m - 1);
    }
}
