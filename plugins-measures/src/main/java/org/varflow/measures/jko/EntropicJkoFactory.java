package org.varflow.measures.jko;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.Entropy;
import org.varflow.api.Flow;
import org.varflow.api.NumericalException;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.PartKind;
import org.varflow.api.RandomStream;
import org.varflow.api.Requirement;
import org.varflow.api.Scheme;
import org.varflow.api.SchemeFactory;
import org.varflow.api.Space;
import org.varflow.api.StepContext;
import org.varflow.api.measure.GridLayout;
import org.varflow.api.measure.MeasureKinds;
import org.varflow.api.measure.TsallisEntropy;
import org.varflow.measures.grid.DensityMetric;
import org.varflow.measures.grid.GridMetrics;
import org.varflow.measures.grid.GridSpace;

/**
 * Entropic JKO on grid densities (1-D and 2-D): each step is the minimizing movement in the entropically
 * regularised W2 (Peyre 2015), solved by Sinkhorn-type scaling iterations.
 *
 * <p>With cell masses p = rho^n |cell| and costs C_ij = |x_i - x_j|^2, the step solves
 *
 * <pre>
 *   pi* = argmin_pi  &lt;C, pi&gt; + eps sum pi (log pi - 1) + 2h F(pi^T 1)   subject to  pi 1 = p,
 *   F(q) = sum_i q_i V_i + T sum_i q_i log(q_i / |cell|)                  (int V rho + T int rho log rho)
 * </pre>
 *
 * and rho^{n+1} = (pi*^T 1) / |cell|. Writing pi = diag(a) xi diag(b) with the Gibbs kernel xi = exp(-C/eps),
 * which is a tensor product of 1-D kernels and is applied axis by axis (O(N (n_x + n_y)) instead of O(N^2)), the
 * iterations are
 *
 * <pre>
 *   a &lt;- p / (xi b),     b &lt;- prox(xi^T a) / (xi^T a),
 *   prox(z)_i = [ z_i exp(-s (V_i + T)) |cell|^(s T) ]^(1 / (1 + s T)),   s = 2h / eps,
 * </pre>
 *
 * the last being the closed-form KL proximal map of s F. They stop when the first marginal is met,
 * sum_i |a_i (xi b)_i - p_i| &lt;= tolerance x mass, and b is kept between steps (warm start). The new density is
 * rescaled to the mass of the old one (a change below the tolerance), so mass is conserved to rounding.
 *
 * <p>V is the energy's first variation at rho^n (exact for potential energies, which are linear in rho; for an
 * interaction energy the step is implicit in the entropy and explicit in the energy). Only the Boltzmann entropy
 * has this closed-form prox: a Tsallis entropy is refused. The regularisation blurs each step by a Gaussian of
 * variance eps/2 per axis, an extra diffusion of order eps / 4h, so eps must be small against h (and, for the kernel
 * to move mass between cells at all, not much smaller than dx^2): the default is 2 max dx^2.
 */
public final class EntropicJkoFactory implements SchemeFactory {

    @Override
    public String id() {
        return "entropic-jko";
    }

    @Override
    public String summary() {
        return "entropic JKO on grid densities (1-D, 2-D): minimizing movement in entropic W2 by Sinkhorn-type scaling";
    }

    @Override
    public String formula() {
        return "rho^{n+1} = argmin_rho W_eps(rho^n, rho)^2 / 2h + F(rho);  a = p / (xi b),  b = "
                + "prox_{2hF/eps}^KL(xi^T a)"
                + " / xi^T a,  xi = exp(-|x - y|^2 / eps) applied axis by axis";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(MeasureKinds.GRID_1D, MeasureKinds.GRID_2D);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.real("epsilon", 0.0, 0.0, 100.0, "entropic regularisation eps of the transport cost"
                        + " |x - y|^2; 0 = automatic, 2 max dx^2 (each step blurs by variance eps/2 per axis)"),
                Parameter.real("tolerance", 1e-9, 1e-15, 1e-2, "Sinkhorn stops when sum |pi 1 - p| <= tolerance x"
                        + " mass"),
                Parameter.integer("maxIterations", 10_000, 1, 10_000_000, "scaling iterations allowed per step"));
    }

    /** The step is the minimizing movement in W2 on the grid. */
    static final Requirement<DensityMetric> W2 = Requirement.of(PartKind.METRIC, DensityMetric.class,
            "the Wasserstein metric of a grid density (metric 'wasserstein'): the step is the minimizing movement in"
                    + " W2").and(GridMetrics::isWasserstein, "(not Fisher-Rao, not WFR)");
    /** The step is closed-form for the Boltzmann entropy only. */
    static final Requirement<Entropy> BOLTZMANN = Requirement.of(PartKind.ENTROPY, Entropy.class,
            "the Boltzmann entropy (the step is closed-form for it only; with entropy 'tsallis' use scheme"
                    + " 'density-euler')").and(e -> TsallisEntropy.exponentOf(e) == 1.0, "");

    @Override
    public List<Requirement<?>> requires() {
        return List.of(W2, BOLTZMANN);
    }

    @Override
    public Scheme create(Parameters parameters, Flow flow) {
        Space space = flow.space();
        if (!(space instanceof GridSpace g)) {
            throw new ConfigurationException("scheme 'entropic-jko' needs a grid density space (grid-1d, grid-2d),"
                    + " got kind " + space.kind());
        }
        GridLayout layout = g.layout();
        double eps = parameters.real("epsilon");
        if (eps == 0) {
            double dx = 0;
            for (int a = 0; a < layout.axes(); a++) {
                dx = Math.max(dx, layout.dx(a));
            }
            eps = 2 * dx * dx;
        }
        double epsilon = eps;
        double tolerance = parameters.real("tolerance");
        int maxIterations = (int) parameters.integer("maxIterations");
        return new Scheme() {
            @Override
            public Stepper stepper(Flow blockFlow) {
                return new ScalingStepper(blockFlow, layout, epsilon, tolerance, maxIterations);
            }

            @Override
            public Map<String, Object> report(Map<String, Double> totals) {
                Map<String, Object> out = new TreeMap<>(totals);
                Double steps = totals.get("steps");
                if (steps != null && steps > 0) {
                    out.put("sinkhornPerStep", totals.get("sinkhornIterations") / steps);
                }
                out.put("epsilon", epsilon);
                return out;
            }
        };
    }

    /** One grid's scaling solver with its scratch. */
    static final class ScalingStepper implements Scheme.Stepper {
        private final Flow flow;
        private final Energy energy;
        private final int nx;
        private final int ny;
        private final int n;
        private final double volume;
        private final double epsilon;
        private final double tolerance;
        private final int maxIterations;
        /** The 1-D kernels exp(-(x_i - x_j)^2 / eps), row-major n_a x n_a, zeros below 1e-300 skipped by bands. */
        private final double[] kx;
        private final double[] ky;
        private final int bandX;
        private final int bandY;
        private final double[] p;
        private final double[] a;
        private final double[] b;
        private final double[] kb;
        private final double[] kta;
        private final double[] tmp;
        private final double[] v;
        private long steps;
        private long iterations;

        ScalingStepper(Flow flow, GridLayout layout, double epsilon, double tolerance, int maxIterations) {
            this.flow = flow;
            this.energy = flow.energy();
            this.nx = layout.cells(0);
            this.ny = layout.axes() == 2 ? layout.cells(1) : 1;
            this.n = layout.size();
            this.volume = layout.cellVolume();
            this.epsilon = epsilon;
            this.tolerance = tolerance;
            this.maxIterations = maxIterations;
            this.kx = kernel(nx, layout.dx(0), epsilon);
            this.ky = ny > 1 ? kernel(ny, layout.dx(1), epsilon) : new double[] {1};
            this.bandX = band(nx, layout.dx(0), epsilon);
            this.bandY = ny > 1 ? band(ny, layout.dx(1), epsilon) : 0;
            this.p = new double[n];
            this.a = new double[n];
            this.b = new double[n];
            java.util.Arrays.fill(b, 1.0);
            this.kb = new double[n];
            this.kta = new double[n];
            this.tmp = new double[n];
            this.v = new double[n];
        }

        /** exp(-((i - j) dx)^2 / eps) for |i - j| within the band, else 0. */
        static double[] kernel(int m, double dx, double eps) {
            double[] k = new double[m * m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double d = (i - j) * dx;
                    k[i * m + j] = Math.exp(-d * d / eps);
                }
            }
            return k;
        }

        /** The half-width in cells beyond which the kernel is below 1e-300 (exp(-690)). */
        static int band(int m, double dx, double eps) {
            return (int) Math.min(m - 1, Math.ceil(Math.sqrt(690 * eps) / dx));
        }

        /** out = xi in, applied along x then y (xi is symmetric, so this is also xi^T). */
        private void applyKernel(double[] in, double[] out) {
            for (int j = 0; j < ny; j++) {
                int row = j * nx;
                for (int i = 0; i < nx; i++) {
                    int lo = Math.max(0, i - bandX);
                    int hi = Math.min(nx - 1, i + bandX);
                    double s = 0;
                    int ki = i * nx;
                    for (int l = lo; l <= hi; l++) {
                        s += kx[ki + l] * in[row + l];
                    }
                    tmp[row + i] = s;
                }
            }
            if (ny == 1) {
                System.arraycopy(tmp, 0, out, 0, n);
                return;
            }
            for (int j = 0; j < ny; j++) {
                int lo = Math.max(0, j - bandY);
                int hi = Math.min(ny - 1, j + bandY);
                int kj = j * ny;
                for (int i = 0; i < nx; i++) {
                    double s = 0;
                    for (int l = lo; l <= hi; l++) {
                        s += ky[kj + l] * tmp[l * nx + i];
                    }
                    out[j * nx + i] = s;
                }
            }
        }

        @Override
        public void step(double[] rho, double[] aux, StepContext step, RandomStream rng) {
            double t = step.time();
            double h = step.dt();
            steps++;
            double temperature = flow.temperature(t + h);
            energy.gradient(rho, v);
            double mass = 0;
            for (int i = 0; i < n; i++) {
                v[i] /= volume; // first variation V_i = dE/drho_i / |cell|
                p[i] = rho[i] * volume;
                mass += p[i];
            }
            double s = 2 * h / epsilon;
            double power = 1 / (1 + s * temperature);
            double logVolume = Math.log(volume);
            int it = 0;
            while (true) {
                applyKernel(b, kb);
                double err = 0;
                for (int i = 0; i < n; i++) {
                    err += Math.abs(a[i] * kb[i] - p[i]);
                }
                if (it > 0 && err <= tolerance * mass) {
                    break;
                }
                if (it == maxIterations) {
                    throw new NumericalException(String.format(java.util.Locale.ROOT, "scheme 'entropic-jko': the"
                            + " scaling iterations did not meet the marginal to %.1e in %d iterations at t = %.6g"
                            + " (error %.3e of mass %.6g); raise maxIterations or epsilon (now %.3g), or take a"
                            + " shorter step", tolerance, maxIterations, t, err, mass, epsilon));
                }
                for (int i = 0; i < n; i++) {
                    a[i] = kb[i] > 0 ? p[i] / kb[i] : 0;
                }
                applyKernel(a, kta);
                for (int i = 0; i < n; i++) {
                    double z = kta[i];
                    if (z > 0) {
                        // log prox = (log z - s (V + T) + s T log|cell|) / (1 + s T)
                        double logQ = (Math.log(z) - s * (v[i] + temperature) + s * temperature * logVolume) * power;
                        b[i] = Math.exp(logQ) / z;
                    } else {
                        b[i] = 0;
                    }
                }
                it++;
                if (!Double.isFinite(b[0]) && !Double.isFinite(a[0])) {
                    throw new NumericalException("scheme 'entropic-jko': the scaling vectors overflowed at t = " + t
                            + "; take a shorter step or a larger epsilon (now " + epsilon + ")");
                }
            }
            iterations += it;
            // second marginal q = b (xi^T a), rescaled to the mass of p
            applyKernel(a, kta);
            double q = 0;
            for (int i = 0; i < n; i++) {
                tmp[i] = b[i] * kta[i];
                q += tmp[i];
            }
            if (!(q > 0) || !Double.isFinite(q)) {
                throw new NumericalException("scheme 'entropic-jko': the new density has mass " + q + " at t = " + t
                        + "; take a shorter step or a larger epsilon (now " + epsilon + ")");
            }
            double scale = mass / q / volume;
            for (int i = 0; i < n; i++) {
                rho[i] = tmp[i] * scale;
            }
        }

        @Override
        public void addStatistics(Map<String, Double> totals) {
            totals.merge("steps", (double) steps, Double::sum);
            totals.merge("sinkhornIterations", (double) iterations, Double::sum);
        }
    }
}
