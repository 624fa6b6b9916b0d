package org.varflow.cli.plot;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.varflow.Frame;
import org.varflow.Varflow;
import org.varflow.api.Flow;
import org.varflow.api.Space;
import org.varflow.cli.law.Gibbs;
import org.varflow.core.assembly.AssembledFlow;

/**
 * The charts that fit one run: energy and free energy against time (with the minimum -T log Z the free energy falls
 * to, where it is known); the path over the energy's level sets for 2-D problems (the phase portrait over the level
 * sets of H in phase space); phase portraits of (q_i, p_i) in higher phase spaces; the law of the particles or the
 * density against the Gibbs law (a histogram at the end for independent particles; snapshots over time for an
 * ensemble or a grid density); distances to a target when an observer reports their history.
 */
public final class RunPlots {
    /** Snapshots drawn at most in a law chart. */
    static final int SNAPSHOTS = 5;

    private RunPlots() {
    }

    /** A chart with the file name it is written under and a caption for reports. */
    public record Named(String name, String caption, XYChart chart) {
    }

    /**
     * What a run's charts are drawn from.
     *
     * @param label      how the run is named in titles and legends
     * @param colour     the run's colour (its method's in the palette)
     * @param trajectory the observations read back from its CSV, or null
     * @param assembled  what ran (the flow, its resolved parts)
     * @param states     final states, row-major N x d
     * @param particles  N runner particles
     * @param time       the time reached
     * @param summary    the JSON summary (for observers' reports)
     * @param frames     states observed during the run (for animations; may be empty)
     */
    public record RunData(String label, Color colour, Trajectory trajectory, AssembledFlow assembled, double[] states,
                          int particles, double time, Map<String, Object> summary, List<Frame> frames) {

        /** From a finished run and the CSV it wrote (null or absent: no time series). */
        public static RunData of(String label, Varflow.Outcome outcome, Path csv) {
            return of(label, null, outcome, csv, List.of());
        }

        /** As {@link #of(String, Varflow.Outcome, Path)}, in a given colour (null: the method's) with frames. */
        public static RunData of(String label, Color colour, Varflow.Outcome outcome, Path csv, List<Frame> frames) {
            Trajectory t = csv != null && Files.isRegularFile(csv) ? Trajectory.read(csv) : null;
            var r = outcome.result();
            return new RunData(label, colour != null ? colour : Colours.method(methodOf(outcome.assembled())), t,
                    outcome.assembled(), r.states(), r.particles(), r.time(), outcome.summary().toMap(),
                    List.copyOf(frames));
        }

        public Flow flow() {
            return assembled.flow();
        }

        public int dimension() {
            return assembled.flow().dimension();
        }
    }

    /** The palette key of a run: its preset, else its scheme. */
    public static String methodOf(AssembledFlow assembled) {
        String preset = assembled.spec().preset();
        return preset != null ? preset : assembled.part(org.varflow.api.PartKind.SCHEME).id();
    }

    /** The names of every chart a run may get (each written as NAME.png, NAME.svg and NAME.json). */
    public static final List<String> NAMES = List.of("energy", "trajectory", "phase", "histogram", "law", "distance");

    /** Every chart that applies to the run, in a fixed order. */
    public static List<Named> charts(RunData run, PlotSize size) {
        List<Named> out = new ArrayList<>();
        Law law = Law.of(run.assembled(), run.particles());
        Energy e = energy(run, law, size);
        if (e != null) {
            out.add(new Named("energy", e.caption(), e.chart()));
        }
        boolean phase = isPhaseSpace(run.flow().space(), run.dimension());
        if (run.dimension() == 2) {
            add(out, phase ? "phase" : "trajectory", phase
                    ? "Phase portrait over the level sets of H(q, p), equal scales (closed orbits for a conservative"
                    + " flow)" : "Path over the level sets of the energy, equal scales", landscape(run, phase, size));
        } else if (phase) {
            add(out, "phase", "Phase portraits (q_i, p_i), equal scales", phasePortraits(run, size));
        }
        if (law.kind() == Law.Kind.PARTICLES && run.particles() > 1) {
            add(out, "histogram", "Final particles (coordinate 1) against the Gibbs density, Freedman-Diaconis bins",
                    histogram(run, size));
        }
        if (law.kind() == Law.Kind.GRID || law.kind() == Law.Kind.ENSEMBLE) {
            add(out, "law", law.kind() == Law.Kind.GRID ? "The density at several times, and the Gibbs law"
                    : "The ensemble at several times, and the Gibbs law", LawCharts.snapshots(run, law, size));
        }
        add(out, "distance", "Distance to the target reported by the observers", distance(run, size));
        return out;
    }

    /** Particles a frame of an animation of independent particles keeps. */
    public static final int FRAME_PARTICLES = 2000;

    /**
     * The run's law as an animated GIF ({@code law.gif}): the density, the ensemble's histogram or cloud, or the
     * runner particles' histogram (from {@code frames}) at every observation on one fixed window, with the Gibbs law
     * where it is known; null when the run is not a law (one point) or too few states were observed.
     */
    public static byte[] animation(RunData run, PlotSize size) {
        Law law = Law.of(run.assembled(), run.particles());
        if (law.kind() == Law.Kind.NONE || (law.kind() == Law.Kind.PARTICLES && run.particles() < 2)
                || (law.kind() == Law.Kind.ENSEMBLE && law.d() > 2)) {
            return null; // an ensemble of points in d > 2 (a network's neurons) has no picture of its law here
        }
        PlotSize small = new PlotSize(Math.min(size.width(), 640), Math.min(size.height(), 448));
        List<java.awt.image.BufferedImage> frames = LawCharts.animation(run, law, small);
        return frames.size() < 2 ? null : Animation.gif(frames);
    }

    private static void add(List<Named> out, String name, String caption, XYChart chart) {
        if (chart != null) {
            out.add(new Named(name, caption, chart));
        }
    }

    /** Whether the space's coordinates are q1..qn followed by p1..pn. */
    public static boolean isPhaseSpace(Space space, int d) {
        if (d < 2 || d % 2 != 0) {
            return false;
        }
        for (int i = 0; i < d; i++) {
            if (!space.coordinateName(i).startsWith(i < d / 2 ? "q" : "p")) {
                return false;
            }
        }
        return true;
    }

    static boolean hasFreeEnergy(Trajectory t) {
        if (t == null) {
            return false;
        }
        double[] e = t.energy();
        double[] f = t.freeEnergy();
        for (int i = 0; i < e.length; i++) {
            if (Double.isFinite(f[i]) && Math.abs(f[i] - e[i]) > 1e-12 * (1 + Math.abs(e[i]))) {
                return true;
            }
        }
        return false;
    }

    /** The energy chart and its caption. */
    record Energy(XYChart chart, String caption) {
    }

    /**
     * Energy and free energy against time.
     *
     * <ul>
     *   <li>With a free energy (a temperature, or a measure whose observer computes F): F solid and E dotted in the
     *       run's colour, and the minimum F takes, -T log Z, dashed, where the Gibbs law is known. The legend says how
     *       F is computed (an estimate is labelled as one).</li>
     *   <li>Without (E is all there is): E; when it decays (deterministic flows), E - E* on a log scale, where the
     *       limit E* is extrapolated from the last observations (Aitken's delta-squared, exact for geometric
     *       convergence) or, when E has stopped changing, is its last value. The legend gives E*.</li>
     * </ul>
     */
    static Energy energy(RunData run, Law law, PlotSize size) {
        Trajectory t = run.trajectory();
        if (t == null || t.size() == 0) {
            return null;
        }
        Color c = run.colour();
        double[] time = t.time();
        double[] e = t.energy();
        String eName = switch (law.kind()) {
            case PARTICLES -> "mean E over the particles";
            case ENSEMBLE -> "E/N = integral V d rho_N";
            default -> "E";
        };
        if (law.kind() == Law.Kind.ENSEMBLE) {
            for (int i = 0; i < e.length; i++) {
                e[i] /= law.points();
            }
        }
        Series f = freeEnergy(run, t);
        if (f != null) {
            List<Plots.Series> series = new ArrayList<>();
            series.add(new Plots.Series(f.name(), f.x(), f.y(), c, Plots.Line.SOLID));
            series.add(new Plots.Series(eName, time, e, c, Plots.Line.DOTTED));
            Gibbs g = law.gibbs();
            if (g != null) {
                series.add(Plots.level("min F = -T log Z = " + Plots.fmt(g.freeEnergy()) + " (Gibbs law, Z by"
                        + " quadrature)", g.freeEnergy(), time[0], time[time.length - 1], Colours.role("reference")));
            }
            XYChart chart = Plots.overTime(run.label() + ": free energy and energy", "energy", series, false, 0,
                    size);
            return chart == null ? null : new Energy(chart, "Free energy F = E + T integral rho log rho"
                    + (g != null ? " falling to its minimum -T log Z" : "") + ", and the energy E, against time");
        }
        boolean log = run.flow().isDeterministic() && Plots.decays(e);
        if (!log) {
            XYChart chart = Plots.overTime(run.label() + ": energy", "energy", List.of(new Plots.Series(eName, time, e,
                    c, Plots.Line.SOLID)), false, 0, size);
            return chart == null ? null : new Energy(chart, "Energy against time");
        }
        Limit limit = Limit.of(e);
        XYChart chart = Plots.overTime(run.label() + ": energy above its limit", "E - E* (log scale)", List.of(
                new Plots.Series("E - E*, E* = " + Plots.fmt(limit.value()) + " " + limit.how(), time, e, c,
                        Plots.Line.SOLID)), true, limit.value(), size);
        return chart == null ? null : new Energy(chart, "Energy above its limit E* on a log scale, where exponential"
                + " convergence is a straight line; E* = " + Plots.fmt(limit.value()) + " " + limit.how());
    }

    /** A named series of (time, value). */
    record Series(String name, double[] x, double[] y) {
    }

    /** The free energy to draw: a measure observer's (exact on grids), else the core estimate; null if neither. */
    static Series freeEnergy(RunData run, Trajectory t) {
        if (run.summary().get("observers") instanceof Map<?, ?> o && o.get("free-energy") instanceof Map<?, ?> f) {
            double[] times = ObserverReports.numbers(f.get("times"));
            double[] values = ObserverReports.numbers(f.get("values"));
            if (times != null && values != null && times.length == values.length) {
                Object method = f.get("method");
                return new Series("F (" + (method == null ? "observer free-energy" : method) + ")", times, values);
            }
        }
        if (hasFreeEnergy(t)) {
            // a Gaussian has the largest entropy for its covariance, so E - T H(fit) is at most F: it may fall below
            // -T log Z, and the legend says so where the reader sees it
            return new Series("F estimated by a Gaussian fit (a lower bound of F)",
                    t.time(), t.freeEnergy());
        }
        return null;
    }

    /**
     * The limit E* of a decaying series: Aitken's delta-squared on the last three values when they converge
     * geometrically (exact for a geometric tail), else the last value when the series has stopped changing, else the
     * lowest value reached.
     *
     * @param value E*
     * @param how   where it comes from, for the legend
     */
    public record Limit(double value, String how) {
        public static Limit of(double[] v) {
            double[] f = java.util.Arrays.stream(v).filter(Double::isFinite).toArray();
            int n = f.length;
            double min = Plots.min(f);
            if (n >= 3) {
                double d1 = f[n - 2] - f[n - 3];
                double d2 = f[n - 1] - f[n - 2];
                double r = d2 / d1;
                if (d1 < 0 && d2 < 0 && r > 0 && r < 1) {
                    double star = f[n - 1] - d2 * d2 / (d2 - d1);
                    if (star <= min) {
                        return new Limit(star, "(extrapolated: Aitken's delta-squared on the last observations)");
                    }
                }
                if (d2 == 0 || Math.abs(d2) <= 1e-15 * Math.max(Math.abs(f[0] - min), Math.abs(f[n - 1]))) {
                    return new Limit(f[n - 1], "(its last value: E has stopped changing)");
                }
            }
            return new Limit(min, "(the lowest value reached: the last points understate the gap)");
        }
    }

    static XYChart landscape(RunData run, boolean phase, PlotSize size) {
        Trajectory t = run.trajectory();
        Space space = run.flow().space();
        String xName = space.coordinateName(0);
        String yName = space.coordinateName(1);
        List<Plots.Path2> paths = new ArrayList<>();
        if (t != null && t.stateColumns().size() >= 2) {
            List<String> cols = t.stateColumns();
            paths.add(new Plots.Path2(run.particles() > 1 ? "ensemble mean" : "path", t.column(cols.get(0)),
                    t.column(cols.get(1)), run.colour()));
        }
        double[][] cloud = run.particles() > 1 ? Plots.cloud(run.states(), run.particles(), 2, 0, 1) : null;
        if (paths.isEmpty() && cloud == null) {
            return null;
        }
        var energy = run.flow().energy();
        return Plots.landscape(run.label() + (phase ? ": phase portrait" : ": path") + " over the level sets of "
                + (phase ? "H" : "E"), xName, yName, energy::value, paths, cloud, size);
    }

    static XYChart phasePortraits(RunData run, PlotSize size) {
        Trajectory t = run.trajectory();
        if (t == null) {
            return null;
        }
        int n = run.dimension() / 2;
        List<String> cols = t.stateColumns();
        List<Plots.Path2> pairs = new ArrayList<>();
        for (int i = 0; i < Math.min(n, 3) && n + i < cols.size(); i++) {
            Space space = run.flow().space();
            pairs.add(new Plots.Path2("(" + space.coordinateName(i) + ", " + space.coordinateName(n + i) + ")",
                    t.column(cols.get(i)), t.column(cols.get(n + i)), i == 0 ? run.colour() : null));
        }
        return pairs.isEmpty() ? null : Plots.phase(run.label() + ": phase portraits"
                + (run.particles() > 1 ? " of the ensemble mean" : ""), pairs, size);
    }

    static XYChart histogram(RunData run, PlotSize size) {
        int d = run.dimension();
        int n = run.particles();
        double[] first = new double[n];
        for (int p = 0; p < n; p++) {
            first[p] = run.states()[p * d];
        }
        Flow flow = run.flow();
        double temperature = flow.isDeterministic() ? 0 : flow.temperature(run.time());
        double beta = temperature > 0 ? 1 / temperature : Double.NaN;
        DoubleUnaryOperator energy = null;
        if (d == 1) {
            energy = x -> flow.energy().value(new double[] {x});
        } else if (d == 2 && isPhaseSpace(flow.space(), d)) {
            energy = q -> flow.energy().value(new double[] {q, 0}); // H(q, 0) = E(q): the marginal of q
        }
        return Plots.histogram(run.label() + ": " + n + " particles at t = " + Plots.fmt(run.time()),
                flow.space().coordinateName(0), first, energy, beta, size);
    }

    static XYChart distance(RunData run, PlotSize size) {
        List<Plots.Series> series = ObserverReports.series(run.summary());
        return series.isEmpty() ? null : Plots.decay(run.label() + ": distance to the target", "distance",
                series, size);
    }

    /** Indices of up to {@code k} observations at times 0, ..., T/8, T/4, T/2 and T (the nearest observed). */
    static int[] snapshotIndices(double[] time, int k) {
        double end = time[time.length - 1];
        Set<Integer> picked = new java.util.TreeSet<>();
        picked.add(0);
        picked.add(time.length - 1);
        for (double f = 0.5; picked.size() < k && f > 1e-6; f /= 2) {
            picked.add(nearest(time, f * end));
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    static int nearest(double[] t, double target) {
        int best = 0;
        for (int i = 0; i < t.length; i++) {
            if (Math.abs(t[i] - target) < Math.abs(t[best] - target)) {
                best = i;
            }
        }
        return best;
    }
}
