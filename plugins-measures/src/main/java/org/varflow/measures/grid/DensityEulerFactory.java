package org.varflow.measures.grid;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
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
import org.varflow.api.SplitsWork;
import org.varflow.api.StepContext;
import org.varflow.api.Workers;
import org.varflow.api.measure.GridLayout;
import org.varflow.api.measure.MeasureKinds;
import org.varflow.api.measure.TsallisEntropy;

/**
 * Explicit Euler for the gradient flow of the free energy of a density on a grid,
 *
 * <pre>
 *   F(rho) = E(rho) + T integral U(rho),   U = rho log rho (Boltzmann) or rho^m / (m - 1) (Tsallis),
 *   rho_{k+1} = rho_k + h R(rho_k),   R = the metric's discrete flow of F (see {@link DensityMetric})
 * </pre>
 *
 * with the energy's first variation psi_i = (dE/drho_i) / |cell| recomputed at every step (so interaction energies
 * work) and T from the entropy part at the start of the step. Under {@code wasserstein} this is the conservative
 * finite-volume scheme (Scharfetter-Gummel fluxes for Boltzmann: Fokker-Planck, heat; pressure differences for
 * Tsallis: porous medium); under {@code fisher-rao-density} the replicator (birth-death) step. Mass is conserved to
 * rounding. Each step computes the explicit stability limit h_max at the current density: with
 * {@code stability = fail} a step h &gt; h_max stops the run with a {@link NumericalException} naming h_max; with
 * {@code substep} the step is split into pieces of at most {@code safety} h_max. First order in time.
 */
public final class DensityEulerFactory implements SchemeFactory {

    @Override
    public String id() {
        return "density-euler";
    }

    @Override
    public String summary() {
        return "explicit step of a density's free-energy flow: finite volumes (Scharfetter-Gummel) under Wasserstein,"
                + " birth-death under Fisher-Rao; stability limit checked";
    }

    @Override
    public String formula() {
        return "rho_{k+1} = rho_k + h R(rho_k),  R = -K dF,  F = E + T integral U(rho);  h <= h_max(rho_k) "
                + "(positivity)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(MeasureKinds.GRID_1D, MeasureKinds.GRID_2D);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.choice("stability", List.of("fail", "substep"), "what a step longer than the explicit"
                        + " stability limit does: fail (stop, naming the limit) or substep (split it automatically)"),
                new Parameter("safety", org.varflow.api.ParameterType.REAL, "0.9", 0.0, true, 1.0, List.of(),
                        "substep only: pieces are at most safety x the stability limit"));
    }

    /** The metric discretises the free-energy flux itself. */
    static final Requirement<DensityMetric> DENSITY_METRIC = Requirement.of(PartKind.METRIC, DensityMetric.class,
            "a metric on densities that knows its free-energy flow (wasserstein, fisher-rao-density or"
                    + " wasserstein-fisher-rao)");

    @Override
    public List<Requirement<?>> requires() {
        return List.of(DENSITY_METRIC);
    }

    @Override
    public Scheme create(Parameters parameters, Flow flow) {
        Space space = flow.space();
        if (!(space instanceof GridSpace g)) {
            throw new ConfigurationException("scheme 'density-euler' needs a grid density space (grid-1d, grid-2d)");
        }
        boolean substep = parameters.text("stability").equals("substep");
        double safety = parameters.real("safety");
        GridLayout layout = g.layout();
        DensityMetric metric = DENSITY_METRIC.get(flow);
        return blockFlow -> new DensityStepper(blockFlow, metric, layout, substep, safety);
    }

    /**
     * One grid's explicit stepper with its scratch. When the face coefficients cannot change within a step
     * ({@link FrozenFaceSubsteps#applies}) the substeps after the first take the frozen stencil, split over the
     * run's workers: bitwise the same densities.
     */
    static final class DensityStepper implements Scheme.Stepper, SplitsWork {
        private final Flow flow;
        private final Energy energy;
        private final DensityMetric metric;
        private final GridLayout layout;
        private final boolean substep;
        private final double safety;
        private final double exponent;
        private final double[] gradient;
        private final double[] psi;
        private final double[] rate;
        private long substeps;
        private long steps;
        private double smallestLimit = Double.POSITIVE_INFINITY;
        /** The frozen-face stencil for the rest of a step, or null when the coefficients may change. */
        private final FrozenFaceSubsteps frozen;
        private Workers workers = Workers.sequential();

        DensityStepper(Flow flow, DensityMetric metric, GridLayout layout, boolean substep, double safety) {
            this(flow, metric, layout, substep, safety, StencilKernels.best());
        }

        /**
         * With the frozen-face stencil on {@code kernels} where it applies; null: the general loop at every substep
         * (tests compare them).
         */
        DensityStepper(Flow flow, DensityMetric metric, GridLayout layout, boolean substep, double safety,
                       StencilKernels kernels) {
            this.flow = flow;
            this.energy = flow.energy();
            this.metric = metric;
            this.layout = layout;
            this.substep = substep;
            this.safety = safety;
            this.exponent = TsallisEntropy.exponentOf(flow.entropy());
            int n = layout.size();
            this.gradient = new double[n];
            this.psi = new double[n];
            this.rate = new double[n];
            this.frozen = kernels != null && substep && FrozenFaceSubsteps.applies(flow, metric, layout, exponent)
                    ? new FrozenFaceSubsteps(n, kernels) : null;
        }

        @Override
        public void useWorkers(Workers workers) {
            this.workers = workers;
        }

        /** Whether the rest of a step after its first substep takes the frozen-face stencil. */
        boolean freezesFaces() {
            return frozen != null;
        }

        @Override
        public void step(double[] rho, double[] aux, StepContext step, RandomStream rng) {
            double t = step.time();
            double h = step.dt();
            double done = 0;
            steps++;
            while (done < h) {
                double temperature = flow.temperature(t + done);
                double limit = rates(rho, t + done);
                smallestLimit = Math.min(smallestLimit, limit);
                double piece;
                if (substep) {
                    piece = Math.min(h - done, safety * limit);
                    if (h - done - piece < 1e-14 * h) {
                        piece = h - done;
                    }
                } else {
                    if (h > limit * (1 + 1e-12)) {
                        throw new NumericalException("scheme 'density-euler': dt = " + fmt(h) + " exceeds the explicit"
                                + " stability limit dt_max = " + fmt(limit) + " at t = " + fmt(t) + " on " + layout
                                + " (" + metric.stabilityLimit() + "); take dt = " + fmt(0.9 * limit)
                                + " or smaller, or set scheme.stability=substep to split steps automatically",
                                PartKind.SCHEME);
                    }
                    piece = h;
                }
                substeps++;
                for (int i = 0; i < rho.length; i++) {
                    double v = rho[i] + piece * rate[i];
                    rho[i] = v < 0 ? 0 : v; // only rounding can make it negative below the limit
                }
                done += piece;
                if (frozen != null && done < h) {
                    // psi stays that of this substep; while T does too, so do the face coefficients the metric just
                    // cached, and the limit
                    done = frozen.finish(rho, ((GridMetrics.Wasserstein) metric).faces(), flow, t, h, done,
                            safety * limit, temperature, workers);
                    substeps += frozen.taken();
                }
            }
        }

        /** rate = R(rho) at time t; returns the stability limit. */
        private double rates(double[] rho, double t) {
            energy.gradient(rho, gradient);
            double inv = 1 / layout.cellVolume();
            for (int i = 0; i < psi.length; i++) {
                psi[i] = gradient[i] * inv;
            }
            double temperature = flow.temperature(t);
            return metric.rates(rho, psi, temperature, exponent, rate);
        }

        @Override
        public void addStatistics(Map<String, Double> totals) {
            totals.merge("steps", (double) steps, Double::sum);
            totals.merge("substeps", (double) substeps, Double::sum);
            if (Double.isFinite(smallestLimit)) {
                totals.merge("smallestStableDt", smallestLimit, Math::min);
            }
        }

        private static String fmt(double v) {
            return String.format(java.util.Locale.ROOT, "%.4g", v);
        }
    }
}
