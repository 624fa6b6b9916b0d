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
import org.varflow.api.measure.GridLayout;

/**
 * Mass and positivity of a grid density: the mass sum rho_i |cell| at the start and the end, its largest drift from
 * the start over the observations, the smallest density value seen and the number of negative cells at the end.
 */
public final class MassObserverFactory implements ObserverFactory {

    @Override
    public String id() {
        return "mass";
    }

    @Override
    public String summary() {
        return "mass sum rho |cell| (conserved by the Wasserstein and Fisher-Rao flows) and positivity of a grid "
                + "density";
    }

    @Override
    public boolean appliesTo(Flow flow) {
        return Measures.grid(flow) != null;
    }

    @Override
    public Observer create(Flow flow) {
        GridLayout grid = Measures.grid(flow);
        return new StatefulObserver() {
            private double initial = Double.NaN;
            private double last = Double.NaN;
            private double drift;
            private double smallest = Double.POSITIVE_INFINITY;
            private long negative;

            @Override
            public void observe(Snapshot s) {
                double[] rho = s.states();
                double mass = 0;
                long neg = 0;
                for (int i = 0; i < grid.size(); i++) {
                    mass += rho[i];
                    smallest = Math.min(smallest, rho[i]);
                    if (rho[i] < 0) {
                        neg++;
                    }
                }
                mass *= grid.cellVolume();
                if (Double.isNaN(initial)) {
                    initial = mass;
                }
                drift = Math.max(drift, Math.abs(mass - initial));
                last = mass;
                negative = neg;
            }

            @Override
            public void save(DataOutput out) throws IOException {
                out.writeDouble(initial);
                out.writeDouble(last);
                out.writeDouble(drift);
                out.writeDouble(smallest);
                out.writeLong(negative);
            }

            @Override
            public void restore(DataInput in) throws IOException {
                initial = in.readDouble();
                last = in.readDouble();
                drift = in.readDouble();
                smallest = in.readDouble();
                negative = in.readLong();
            }

            @Override
            public Map<String, Object> summary() {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("initial", Measures.number(initial));
                m.put("final", Measures.number(last));
                m.put("maxDrift", Measures.number(drift));
                m.put("minDensity", Measures.number(smallest));
                m.put("negativeCells", negative);
                return m;
            }
        };
    }
}
