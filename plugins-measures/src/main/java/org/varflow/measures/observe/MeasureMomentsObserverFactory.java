package org.varflow.measures.observe;

import java.util.LinkedHashMap;
import java.util.Map;
import org.varflow.api.Flow;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.varflow.api.Observer;
import org.varflow.api.StatefulObserver;
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
        return new StatefulObserver() {
            private final double[] mean = new double[d];
            private final double[] cov = new double[d * d];
            private double firstTime = Double.NaN;
            private final double[] firstMean = new double[d];
            private final double[] firstCov = new double[d * d];
            private Map<String, Object> last;

            private void measure(Snapshot s) {
                if (grid != null) {
                    Measures.moments(grid, s.states(), mean, cov);
                } else {
                    Measures.moments(ensemble, s.states(), mean, cov);
                }
            }

            private Map<String, Object> report(double time, double[] m, double[] c) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("time", time);
                out.put("mean", Measures.vector(m));
                out.put("covariance", Measures.matrix(c, d));
                return out;
            }

            @Override
            public void observe(Snapshot s) {
                if (Double.isNaN(firstTime)) {
                    measure(s);
                    firstTime = s.time();
                    System.arraycopy(mean, 0, firstMean, 0, d);
                    System.arraycopy(cov, 0, firstCov, 0, d * d);
                }
            }

            @Override
            public void finish(Snapshot s) {
                measure(s);
                last = report(s.time(), mean, cov);
            }

            @Override
            public void save(DataOutput out) throws IOException {
                out.writeDouble(firstTime);
                for (double v : firstMean) {
                    out.writeDouble(v);
                }
                for (double v : firstCov) {
                    out.writeDouble(v);
                }
            }

            @Override
            public void restore(DataInput in) throws IOException {
                firstTime = in.readDouble();
                for (int i = 0; i < firstMean.length; i++) {
                    firstMean[i] = in.readDouble();
                }
                for (int i = 0; i < firstCov.length; i++) {
                    firstCov[i] = in.readDouble();
                }
            }

            @Override
            public Map<String, Object> summary() {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("initial", Double.isNaN(firstTime) ? null : report(firstTime, firstMean, firstCov));
                m.put("final", last);
                return m;
            }
        };
    }
}
