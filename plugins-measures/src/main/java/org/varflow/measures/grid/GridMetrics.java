package org.varflow.measures.grid;

import org.varflow.api.ConfigurationException;
import org.varflow.api.measure.GridLayout;

/**
 * The Onsager operators of densities on a grid, with the density coordinates rho_i and the covector c = dE/drho
 * (c_i = psi_i |cell|, psi the first variation):
 *
 * <pre>
 *   Wasserstein:  (K c)_i = sum_{j ~ i} rho_ij (psi_i - psi_j) / dx_a^2,   rho_ij = (rho_i + rho_j)/2     (= -div(rho
 * grad psi))
 *   Fisher-Rao:   (K c)_i = rho_i (psi_i - <psi>),   <psi> = sum rho psi / sum rho
 * (birth-death)
 *   WFR:          K = K_W + alpha K_FR
 * (Hellinger-Kantorovich)
 * </pre>
 *
 * Each is symmetric and positive semi-definite in the coordinates' Euclidean pairing, with the constants as kernel
 * (mass is conserved): <c, K c> = |cell| sum_faces rho_ij (psi_i - psi_j)^2 |cell| / dx^2 for Wasserstein, = |cell|
 * sum rho_i (psi_i - <psi>)^2 |cell| for Fisher-Rao. Noise on densities (fluctuating hydrodynamics) is not
 * supported: {@code sqrtRaise} refuses.
 */
public final class GridMetrics {
    private GridMetrics() {
    }

    /** The Wasserstein operator K_W on this grid, with closed walls. */
    public static DensityMetric wasserstein(GridLayout grid) {
        return new Wasserstein(grid, GridBoundary.NONE);
    }

    /** The Wasserstein operator K_W on this grid with these walls (periodic faces, grounded Dirichlet walls). */
    public static DensityMetric wasserstein(GridLayout grid, GridBoundary boundary) {
        return new Wasserstein(grid, boundary);
    }

    /** Whether {@code m} is the Wasserstein operator of a grid (not Fisher-Rao, not WFR). */
    public static boolean isWasserstein(org.varflow.api.Metric m) {
        return m instanceof Wasserstein;
    }

    /** The Fisher-Rao operator K_FR on this grid. */
    public static DensityMetric fisherRao(GridLayout grid) {
        return new FisherRao(grid);
    }

    /** K_W + alpha K_FR on this grid. */
    public static DensityMetric wassersteinFisherRao(GridLayout grid, double alpha) {
        return new WassersteinFisherRao(grid, alpha, GridBoundary.NONE);
    }

    /** K_W + alpha K_FR on this grid, the transport part with these (closed or periodic) walls. */
    public static DensityMetric wassersteinFisherRao(GridLayout grid, double alpha, GridBoundary boundary) {
        return new WassersteinFisherRao(grid, alpha, boundary);
    }

    /** K_W. */
    static final class Wasserstein implements DensityMetric {
        private final GridLayout grid;
        private final GridBoundary.Faces walls;
        private final ThreadLocal<double[]> scratch;
        private final ThreadLocal<DensityFlux.FaceRates> faces = ThreadLocal.withInitial(DensityFlux.FaceRates::new);

        Wasserstein(GridLayout grid, GridBoundary boundary) {
            this.grid = grid;
            this.walls = boundary.faces(grid);
            this.scratch = ThreadLocal.withInitial(() -> new double[grid.size()]);
        }

        @Override
        public void raise(double[] rho, double[] covector, double[] out) {
            raiseWasserstein(grid, walls, rho, covector, out);
        }

        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            throw noNoise("wasserstein");
        }

        @Override
        public double rates(double[] rho, double[] psi, double temperature, double exponent, double[] rate) {
            return DensityFlux.wasserstein(grid, walls, rho, psi, temperature, exponent, rate, scratch.get(),
                    faces.get());
        }

        /** This thread's face coefficients, as the last {@link #rates} call on it left them. */
        DensityFlux.FaceRates faces() {
            return faces.get();
        }

        @Override
        public String stabilityLimit() {
            return "positivity of the explicit finite-volume step: dt <= 1 / max_i (outflow rate of cell i), e.g."
                    + " dx^2 / (T max_i sum_faces B(+-dpsi/T)) for Scharfetter-Gummel fluxes";
        }
    }

    /** K_FR. */
    static final class FisherRao implements DensityMetric {
        private final GridLayout grid;

        FisherRao(GridLayout grid) {
            this.grid = grid;
        }

        @Override
        public void raise(double[] rho, double[] covector, double[] out) {
            java.util.Arrays.fill(out, 0, grid.size(), 0.0);
            addFisherRao(grid, rho, covector, 1.0, out);
        }

        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            throw noNoise("fisher-rao-density");
        }

        @Override
        public double rates(double[] rho, double[] psi, double temperature, double exponent, double[] rate) {
            return DensityFlux.fisherRao(rho, psi, temperature, exponent, rate, grid.size());
        }

        @Override
        public String stabilityLimit() {
            return "positivity of the explicit replicator step: dt <= 1 / max_i (phi_i - <phi>), phi = psi + T U'(rho)";
        }
    }

    /** K_W + alpha K_FR. */
    static final class WassersteinFisherRao implements DensityMetric {
        private final GridLayout grid;
        private final GridBoundary.Faces walls;
        private final double alpha;
        private final ThreadLocal<double[][]> scratch;

        WassersteinFisherRao(GridLayout grid, double alpha, GridBoundary boundary) {
            this.grid = grid;
            this.walls = boundary.faces(grid);
            this.alpha = alpha;
            this.scratch = ThreadLocal.withInitial(() -> new double[][] {new double[grid.size()],
                new double[grid.size()]});
        }

        @Override
        public void raise(double[] rho, double[] covector, double[] out) {
            raiseWasserstein(grid, walls, rho, covector, out);
            addFisherRao(grid, rho, covector, alpha, out);
        }

        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            throw noNoise("wasserstein-fisher-rao");
        }

        @Override
        public double rates(double[] rho, double[] psi, double temperature, double exponent, double[] rate) {
            double[][] s = scratch.get();
            double[] reaction = s[0];
            double w = DensityFlux.wasserstein(grid, walls, rho, psi, temperature, exponent, rate, s[1], null);
            double f = DensityFlux.fisherRao(rho, psi, temperature, exponent, reaction, grid.size());
            for (int i = 0; i < grid.size(); i++) {
                rate[i] += alpha * reaction[i];
            }
            // both parts positive at their own limits: the sum is positive when h (1/w + alpha/f) <= 1
            return 1 / (1 / w + alpha / f);
        }

        @Override
        public String stabilityLimit() {
            return "positivity of the explicit step: 1/dt >= 1/dt_W + alpha/dt_FR, the limits of the transport and the"
                    + " replicator parts";
        }
    }

    /**
     * K_W c with the boundary's faces: a periodic face like an interior one; a Dirichlet wall as a grounded
     * neighbour (covector 0 there) across half a cell with the mobility (rho_i + u_b) / 2, which keeps K symmetric
     * and positive semi-definite.
     */
    static void raiseWasserstein(GridLayout g, GridBoundary.Faces walls, double[] rho, double[] covector,
                                 double[] out) {
        int n = g.size();
        double volume = g.cellVolume();
        java.util.Arrays.fill(out, 0, n, 0.0);
        int nx = g.cells(0);
        for (int a = 0; a < g.axes(); a++) {
            double w = 1 / (g.dx(a) * g.dx(a) * volume);
            int stride = a == 0 ? 1 : nx;
            for (int cell = 0; cell < n; cell++) {
                boolean hasHigh = a == 0 ? cell % nx < nx - 1 : cell + nx < n;
                if (!hasHigh) {
                    continue;
                }
                int j = cell + stride;
                double f = 0.5 * (rho[cell] + rho[j]) * (covector[cell] - covector[j]) * w;
                out[cell] += f;
                out[j] -= f;
            }
        }
        for (int f = 0; f < walls.size(); f++) {
            int i = walls.cell[f];
            int j = walls.other[f];
            double w = walls.weight[f] / volume;
            if (j >= 0) {
                double flux = 0.5 * (rho[i] + rho[j]) * (covector[i] - covector[j]) * w;
                out[i] += flux;
                out[j] -= flux;
            } else {
                out[i] += 0.5 * (rho[i] + walls.value[f]) * covector[i] * w;
            }
        }
    }

    /**
     * The discrete Dirichlet energy (|cell| / 2) [sum_faces (u_j - u_i)^2 / dx_a^2 + sum_walls w_f (u_i - u_b)^2] of u
     * on this grid with these walls (w_f = 2 / dx^2 across the half cell to a Dirichlet wall): (1/2) integral
     * |grad u|^2. Its gradient, divided by |cell|, is minus the discrete Laplacian the heat flux uses.
     */
    public static double dirichletEnergy(GridLayout g, GridBoundary boundary, double[] u) {
        int n = g.size();
        int nx = g.cells(0);
        double s = 0;
        for (int a = 0; a < g.axes(); a++) {
            double w = 1 / (g.dx(a) * g.dx(a));
            int stride = a == 0 ? 1 : nx;
            for (int cell = 0; cell < n; cell++) {
                boolean hasHigh = a == 0 ? cell % nx < nx - 1 : cell + nx < n;
                if (hasHigh) {
                    double du = u[cell + stride] - u[cell];
                    s += du * du * w;
                }
            }
        }
        GridBoundary.Faces walls = boundary.faces(g);
        for (int f = 0; f < walls.size(); f++) {
            int i = walls.cell[f];
            int j = walls.other[f];
            double du = u[i] - (j < 0 ? walls.value[f] : u[j]);
            s += du * du * walls.weight[f];
        }
        return 0.5 * g.cellVolume() * s;
    }

    static void addFisherRao(GridLayout g, double[] rho, double[] covector, double weight, double[] out) {
        int n = g.size();
        double volume = g.cellVolume();
        double mass = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            mass += rho[i];
            weighted += rho[i] * covector[i];
        }
        double mean = mass > 0 ? weighted / mass : 0;
        for (int i = 0; i < n; i++) {
            out[i] += weight * rho[i] * (covector[i] - mean) / volume;
        }
    }

    private static ConfigurationException noNoise(String id) {
        return new ConfigurationException("metric '" + id + "' on a grid density has no noise: the entropy of a"
                + " density enters its free energy (the scheme 'density-euler' handles it); use noise 'none'");
    }
}
