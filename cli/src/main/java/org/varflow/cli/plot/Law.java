package org.varflow.cli.plot;

import java.util.function.ToDoubleFunction;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Flow;
import org.varflow.api.PartKind;
import org.varflow.api.Space;
import org.varflow.api.measure.MeasureBase;
import org.varflow.api.measure.MeasureEnergy;
import org.varflow.api.measure.MeasureKinds;
import org.varflow.api.measure.TsallisEntropy;
import org.varflow.cli.law.Gibbs;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.core.assembly.ResolvedPart;

/**
 * What a run's states are a law of, read from the api types of its space (never from plugin classes): independent
 * particles of R^d (one per runner particle), one ensemble of N points of R^d per state, or a density on the cells of
 * an interval; with the potential V the law is drawn against and, where the flow samples it, the Gibbs law
 * exp(-V/T)/Z and its free energy -T log Z.
 *
 * @param kind      how the states hold the law
 * @param points    N: particles (runner or ensemble), or cells of the grid
 * @param d         the dimension of one point (1 for grids)
 * @param lower     grids: the interval's left end (NaN otherwise)
 * @param upper     grids: the interval's right end (NaN otherwise)
 * @param potential V on R^d, the potential the law is weighed by (null when the energy is not a potential)
 * @param gibbs     the law the flow relaxes to, with its Z (null when it has none or it is not computed: T = 0, a
 *                  temperature schedule, an entropy that is not Boltzmann's, an energy that is not a potential, or
 *                  d &gt; 2)
 */
public record Law(Kind kind, int points, int d, double lower, double upper, ToDoubleFunction<double[]> potential,
                  Gibbs gibbs) {

    /** How the states hold the law. */
    public enum Kind {
        /** Each runner particle is one point of R^d (Langevin, MALA, ...): a law of N = particles points. */
        PARTICLES,
        /** One state is an ensemble of N points of R^d (svgd, jko, particle Fokker-Planck). */
        ENSEMBLE,
        /** One state is a density on the cells of an interval (Fokker-Planck, heat, ...). */
        GRID,
        /** Neither: one point (an optimiser) or a state that is not a law. */
        NONE
    }

    /** The coordinates of point {@code p} of a state in {@code out}. */
    public void point(double[] state, int p, double[] out) {
        System.arraycopy(state, p * d, out, 0, d);
    }

    /** Coordinate {@code i} of every point of a state (an ensemble's state, or the runner particles' states). */
    public double[] coordinate(double[] states, int count, int i) {
        double[] out = new double[count];
        for (int p = 0; p < count; p++) {
            out[p] = states[p * d + i];
        }
        return out;
    }

    /** The centre of grid cell i. */
    public double centre(int i) {
        return lower + (i + 0.5) * (upper - lower) / points;
    }

    /** Reads the law of an assembled flow run with {@code particles} runner particles. */
    public static Law of(AssembledFlow assembled, int particles) {
        Flow flow = assembled.flow();
        Space space = flow.space();
        double t0 = flow.temperature(0);
        double t1 = flow.temperature(assembled.spec().time() != null ? assembled.spec().time()
                : assembled.spec().dt() * assembled.spec().stepCount());
        // a Gibbs law exp(-V/T)/Z for an entropy of Boltzmann type (not Tsallis) at one temperature throughout
        boolean boltzmann = TsallisEntropy.exponentOf(flow.entropy()) == 1.0 && !flow.entropy().isNone() && t0 > 0
                && t0 == t1;
        if (space.base() instanceof MeasureBase base) {
            ToDoubleFunction<double[]> v = baseEnergy(assembled, base);
            int d = base.dimension();
            if (MeasureKinds.ENSEMBLE.equals(base.measureKind()) && space.dimension() % d == 0) {
                int n = space.dimension() / d;
                return new Law(Kind.ENSEMBLE, n, d, Double.NaN, Double.NaN, v,
                        boltzmann && v != null ? gibbs(v, t0, d, base.start(), 1) : null);
            }
            if (MeasureKinds.GRID_1D.equals(base.measureKind())) {
                var p = assembled.part(PartKind.SPACE).parameters();
                double lower = p.real("lower");
                double upper = p.real("upper");
                int cells = space.dimension();
                Gibbs g = null;
                if (boltzmann && v != null) {
                    double[] vc = new double[cells];
                    double[] x = new double[1];
                    for (int i = 0; i < cells; i++) {
                        x[0] = lower + (i + 0.5) * (upper - lower) / cells;
                        vc[i] = v.applyAsDouble(x);
                    }
                    // without a potential (heat, porous medium) the minimiser on the interval is the uniform law,
                    // an artefact of the grid's walls: not drawn as the flow's target
                    double lo = java.util.Arrays.stream(vc).min().orElse(0);
                    double hi = java.util.Arrays.stream(vc).max().orElse(0);
                    g = hi > lo ? Gibbs.onCells(vc, (upper - lower) / cells, t0, lower, upper) : null;
                }
                return new Law(Kind.GRID, cells, 1, lower, upper, v, g);
            }
            return new Law(Kind.NONE, 1, space.dimension(), Double.NaN, Double.NaN, null, null);
        }
        if (particles > 1 || !flow.isDeterministic()) {
            int d = space.dimension();
            Energy e = flow.energy();
            ToDoubleFunction<double[]> v = e::value;
            double[] start = space.initialState();
            return new Law(Kind.PARTICLES, particles, d, Double.NaN, Double.NaN, v,
                    boltzmann && d <= 2 ? gibbs(v, t0, d, start, 1) : null);
        }
        return new Law(Kind.NONE, 1, space.dimension(), Double.NaN, Double.NaN, null, null);
    }

    /** V on the base R^d of a measure space, or null when the energy is a functional of the whole measure. */
    private static ToDoubleFunction<double[]> baseEnergy(AssembledFlow assembled, MeasureBase base) {
        ResolvedPart part = assembled.part(PartKind.ENERGY);
        if (!(part.factory() instanceof EnergyFactory factory)) {
            return null;
        }
        try {
            Energy v = factory.create(part.parameters(), base);
            return v instanceof MeasureEnergy ? null : v::value;
        } catch (RuntimeException notOnTheBase) {
            return null;
        }
    }

    private static Gibbs gibbs(ToDoubleFunction<double[]> v, double t, int d, double[] start, double scale) {
        try {
            if (d == 1) {
                return Gibbs.onLine(x -> v.applyAsDouble(new double[] {x}), t, start[0], scale);
            }
            if (d == 2) {
                return Gibbs.onPlane(v, t, start, scale);
            }
        } catch (IllegalArgumentException notNormalisable) {
            return null;
        }
        return null;
    }
}
