package org.varflow.models.meanfield;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.varflow.api.Flow;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.varflow.api.Observer;
import org.varflow.api.StatefulObserver;
import org.varflow.api.ObserverFactory;
import org.varflow.api.Snapshot;

/**
 * The training loss R = E / m of a mean-field network run (the top-level {@code energy} of the summary is the
 * extensive E = m R): {@code initial}, {@code final}, {@code minimum}, the number of observations at which it rose
 * ({@code increases}), and a trace of at most 50 (step, R) pairs. Reads the first particle of the run.
 */
public final class TrainingLossObserverFactory implements ObserverFactory {

    @Override
    public String id() {
        return "training-loss";
    }

    @Override
    public String summary() {
        return "training loss R = (1/2n) sum (f(x_k) - y_k)^2 of a mean-field network (E / m)";
    }

    @Override
    public boolean appliesTo(Flow flow) {
        return flow.energy() instanceof MeanFieldRisk;
    }

    @Override
    public Observer create(Flow flow) {
        MeanFieldRisk risk = (MeanFieldRisk) flow.energy();
        return new StatefulObserver() {
            private double initial = Double.NaN;
            private double last = Double.NaN;
            private double minimum = Double.POSITIVE_INFINITY;
            private long increases;
            private final List<double[]> trace = new ArrayList<>();

            @Override
            public void observe(Snapshot s) {
                double[] states = s.states();
                double[] theta = states.length == 3 * risk.width() ? states
                        : java.util.Arrays.copyOf(states, 3 * risk.width());
                double r = risk.risk(theta);
                if (Double.isNaN(initial)) {
                    initial = r;
                } else if (r > last) {
                    increases++;
                }
                last = r;
                minimum = Math.min(minimum, r);
                trace.add(new double[] {s.step(), r});
            }

            @Override
            public void save(DataOutput out) throws IOException {
                out.writeDouble(initial);
                out.writeDouble(last);
                out.writeDouble(minimum);
                out.writeLong(increases);
                out.writeInt(trace.size());
                for (double[] point : trace) {
                    out.writeDouble(point[0]);
                    out.writeDouble(point[1]);
                }
            }

            @Override
            public void restore(DataInput in) throws IOException {
                initial = in.readDouble();
                last = in.readDouble();
                minimum = in.readDouble();
                increases = in.readLong();
                trace.clear();
                for (int i = in.readInt(); i > 0; i--) {
                    trace.add(new double[] {in.readDouble(), in.readDouble()});
                }
            }

            @Override
            public Map<String, Object> summary() {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("initial", finite(initial));
                m.put("final", finite(last));
                m.put("minimum", finite(minimum));
                m.put("increases", increases);
                m.put("width", risk.width());
                m.put("points", risk.points());
                List<List<Double>> t = new ArrayList<>();
                int stride = Math.max(1, (trace.size() + 49) / 50);
                for (int i = 0; i < trace.size(); i += stride) {
                    t.add(List.of(trace.get(i)[0], trace.get(i)[1]));
                }
                if (!trace.isEmpty() && (trace.size() - 1) % stride != 0) {
                    double[] e = trace.get(trace.size() - 1);
                    t.add(List.of(e[0], e[1]));
                }
                t.removeIf(p -> !Double.isFinite(p.get(1)));
                m.put("trace", t);
                return m;
            }
        };
    }

    /** A finite number, or null (JSON has no NaN or infinity). */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
