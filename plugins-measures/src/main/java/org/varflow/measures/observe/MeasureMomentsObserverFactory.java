package org.varflow.measures.observe;

import java.util.LinkedHashMap;
import java.util.Map;
import org.varflow.api.Flow;
import org.varflow.api.Observer;
import org.varflow.api.ObserverFactory;
import org.varflow.api.Snapshot;
import org.varflow.api.measure.EnsembleLayout;
import org.varflow.api.measure.GridLayout;

/**
 * The mean and covariance of the measure itself (the ensemble's particles weighted 1/N, or the grid density
 * normalised by its mass) at the start and at the end: for measure runs the core's {@code state} entry is the whole
 * state vector, this is its summary.
 */
public final class MeasureMomentsObserverFactory implements ObserverFactory {

    @Override
    public String id() {
        return "measure-moments";
    }

    @Override
    public String summary() {
        return "mean and covariance of the measure (ensemble or grid density) at the start and the end";
    }

    @Override
    public boolean appliesTo(Flow flow) {
        return Measures.grid(flow) != null || Measures.ensemble(flow) != null;
    }

    @Override
    public Observer create(Flow flow) {
        GridLayout grid = Measures.grid(flow);
        EnsembleLayout ensemble = Measures.ensemble(flow);
        int d = grid != null ? grid.axes() : ensemble.d();
        return new Observer() {
            private final double[] mean = new double[d];
            private final double[] cov = new double[d * d];
            private Map<String, Object> first;
            private Map<String, Object> last;

            private Map<String, Object> measure(Snapshot s) {
                if (grid != null) {
                    Measures.moments(grid, s.states(), mean, cov);
                } else {
                    Measures.moments(ensemble, s.states(), mean, cov);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("time", s.time());
                m.put("mean", Measures.vector(mean));
                m.put("covariance", Measures.matrix(cov, d));
                return m;
            }

            @Override
            public void observe(Snapshot s) {
                if (first == null) {
                    first = measure(s);
                }
            }

            @Override
            public void finish(Snapshot s) {
                last = measure(s);
            }

            @Override
            public Map<String, Object> summary() {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("initial", first);
                m.put("final", last);
                return m;
            }
        };
    }
}
