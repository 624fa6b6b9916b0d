package org.varflow.cli.plot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.varflow.api.Flow;
import org.varflow.api.Space;
import org.varflow.Varflow;

/**
 * The charts that fit one run: energy and free energy against time; the path over the energy's level sets for 2-D
 * problems (the phase portrait over the level sets of H in phase space); phase portraits of (q_i, p_i) in higher
 * phase spaces; for ensembles, a histogram of coordinate 1 against the Gibbs density; distances to a target when an
 * observer reports their history.
 */
public final class RunPlots {
    private RunPlots() {
    }

    /** A chart with the file name it is written under and a caption for reports. */
    public record Named(String name, String caption, XYChart chart) {
    }

    /**
     * What a run's charts are drawn from.
     *
     * @param label      how the run is named in titles and legends
     * @param trajectory the observations read back from its CSV, or null
     * @param flow       the composed flow (energy, temperature, coordinate names)
     * @param states     final states, row-major N x d
     * @param particles  N
     * @param dimension  d
     * @param time       the time reached
     * @param summary    the JSON summary (for observers' reports)
     */
    public record RunData(String label, Trajectory trajectory, Flow flow, double[] states, int particles,
                          int dimension, double time, Map<String, Object> summary) {

        /** From a finished run and the CSV it wrote (null or absent: no time series). */
        public static RunData of(String label, Varflow.Outcome outcome, Path csv) {
            Trajectory t = csv != null && Files.isRegularFile(csv) ? Trajectory.read(csv) : null;
            var r = outcome.result();
            return new RunData(label, t, outcome.assembled().flow(), r.states(), r.particles(), r.dimension(),
                    r.time(), outcome.summary().toMap());
        }
    }

    /** The names of every chart a run may get (each written as NAME.png and NAME.svg). */
    public static final List<String> NAMES = List.of("energy", "trajectory", "phase", "histogram", "distance");

    /** Every chart that applies to the run, in a fixed order. */
    public static List<Named> charts(RunData run, PlotSize size) {
        List<Named> out = new ArrayList<>();
        add(out, "energy", "Energy" + (hasFreeEnergy(run.trajectory()) ? " and free energy" : "")
                + " against time", energy(run, size));
        boolean phase = isPhaseSpace(run.flow().space(), run.dimension());
        if (run.dimension() == 2) {
            add(out, phase ? "phase" : "trajectory", phase
                    ? "Phase portrait over the level sets of H(q, p) (closed orbits for a conservative flow)"
                    : "Path over the level sets of the energy", landscape(run, phase, size));
        } else if (phase) {
            add(out, "phase", "Phase portraits (q_i, p_i)", phasePortraits(run, size));
        }
        if (run.particles() > 1) {
            add(out, "histogram", "Final particles against the target density", histogram(run, size));
        }
        add(out, "distance", "Distance to the target reported by the observers", distance(run, size));
        return out;
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

    static XYChart energy(RunData run, PlotSize size) {
        Trajectory t = run.trajectory();
        if (t == null || t.size() == 0) {
            return null;
        }
        boolean ensemble = run.particles() > 1;
        boolean withF = hasFreeEnergy(t);
        boolean log = Plots.decays(t.energy()) && (!withF || Plots.decays(t.freeEnergy()));
        String e = ensemble ? "mean E" : "E";
        List<Plots.Series> series = new ArrayList<>();
        series.add(new Plots.Series(log ? e + " - min " + e : e, t.time(), t.energy()));
        if (withF) {
            series.add(new Plots.Series(log ? "F - min F" : "F (free energy)", t.time(), t.freeEnergy()));
        }
        return Plots.overTime(run.label() + ": energy" + (withF ? " and free energy" : ""),
                log ? "gap above the minimum reached (log scale)" : "energy", series, log, Double.NaN, size);
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
                    t.column(cols.get(1))));
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
                    t.column(cols.get(i)), t.column(cols.get(n + i))));
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
}
