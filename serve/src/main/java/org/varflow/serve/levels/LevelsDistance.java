package org.varflow.serve.levels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.varflow.api.ConfigurationException;
import org.varflow.serve.runs.ExplorerRun;
import org.varflow.serve.view.ViewFrame;
import org.varflow.serve.view.ViewKind;

/**
 * W2 between the particles of one run and the grid density of another over time: at each observation of the density
 * the particle frame nearest in time (within half the particle run's observation interval) is compared, by the exact
 * quantile formula ({@link SamplesToLaw}).
 */
public final class LevelsDistance {
    private LevelsDistance() {
    }

    /** {@code {times, w2, samplesTimes}} for the kept frames of the two runs. */
    public static Map<String, Object> between(ExplorerRun samples, ExplorerRun law) {
        if (samples.view().kind() != ViewKind.LINE) {
            throw new ConfigurationException("run " + samples.id() + " is not particles on the line (its view is "
                    + samples.view().kind().label() + "); W2 between levels compares 1-D particles with a 1-D density");
        }
        if (law.view().kind() != ViewKind.DENSITY_1D) {
            throw new ConfigurationException("run " + law.id() + " is not a density on a 1-D grid (its view is "
                    + law.view().kind().label() + ")");
        }
        var grid = law.view().describe().get("grid");
        @SuppressWarnings("unchecked")
        Map<String, List<Number>> g = (Map<String, List<Number>>) grid;
        double lower = g.get("lower").get(0).doubleValue();
        double upper = g.get("upper").get(0).doubleValue();
        int cells = g.get("cells").get(0).intValue();
        double dx = (upper - lower) / cells;

        List<ViewFrame> particles = samples.keptFrames();
        List<Double> times = new ArrayList<>();
        List<Double> w2 = new ArrayList<>();
        List<Double> matched = new ArrayList<>();
        double tolerance = halfInterval(particles);
        for (ViewFrame density : law.keptFrames()) {
            ViewFrame nearest = nearest(particles, density.time());
            if (nearest == null || Math.abs(nearest.time() - density.time()) > tolerance) {
                continue;
            }
            times.add(density.time());
            matched.add(nearest.time());
            w2.add(SamplesToLaw.w2(nearest.values(), lower, dx, density.values()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", samples.id());
        m.put("law", law.id());
        m.put("method", "exact 1-D W2 by quantile functions: particles (step quantile) against the piecewise-constant"
                + " density (linear quantile on each cell)");
        m.put("times", times);
        m.put("samplesTimes", matched);
        m.put("w2", w2);
        return m;
    }

    private static double halfInterval(List<ViewFrame> frames) {
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 1; i < frames.size(); i++) {
            double gap = frames.get(i).time() - frames.get(i - 1).time();
            if (gap > 0) {
                smallest = Math.min(smallest, gap);
            }
        }
        return Double.isFinite(smallest) ? 0.5 * smallest : 1e-9;
    }

    private static ViewFrame nearest(List<ViewFrame> frames, double t) {
        ViewFrame best = null;
        for (ViewFrame f : frames) {
            if (best == null || Math.abs(f.time() - t) < Math.abs(best.time() - t)) {
                best = f;
            }
        }
        return best;
    }
}
