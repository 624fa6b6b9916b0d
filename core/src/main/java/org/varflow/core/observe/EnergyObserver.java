package org.varflow.core.observe;

import org.varflow.api.StatefulObserver;
import java.util.LinkedHashMap;
import java.util.Map;
import org.varflow.api.Observer;
import org.varflow.api.Snapshot;

/**
 * Tracks the (ensemble mean) energy E: its initial and final values, and for deterministic flows how often it
 * increased between observations (a gradient flow never increases E; a discrete step that does is too large).
 */
public final class EnergyObserver implements StatefulObserver {
    private final EnsembleStats stats;
    private double initial = Double.NaN;
    private double last = Double.NaN;
    private long increases;
    private boolean deterministic;

    public EnergyObserver(EnsembleStats stats) {
        this.stats = stats;
    }

    @Override
    public void start(org.varflow.api.RunInfo info) {
        deterministic = info.flow().isDeterministic();
    }

    @Override
    public void observe(Snapshot s) {
        double e = stats.update(s, deterministic).energy();
        if (s.step() == 0) {
            initial = e;
        } else if (e > last + 1e-14 * Math.max(1.0, Math.abs(last))) {
            increases++;
        }
        last = e;
    }

    /** The last observed mean energy. */
    public double energy() {
        return last;
    }

    /** The mean energy at step 0. */
    public double initialEnergy() {
        return initial;
    }

    /** How often the energy rose between observations, for deterministic flows (empty for stochastic ones). */
    public java.util.OptionalLong increases() {
        return deterministic ? java.util.OptionalLong.of(increases) : java.util.OptionalLong.empty();
    }

    @Override
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("energy", Summaries.number(last));
        m.put("energyInitial", Summaries.number(initial));
        m.put("energyIncreases", deterministic ? increases : null);
        return m;
    }

    @Override
    public void save(java.io.DataOutput out) throws java.io.IOException {
        out.writeDouble(initial);
        out.writeDouble(last);
        out.writeLong(increases);
    }

    @Override
    public void restore(java.io.DataInput in) throws java.io.IOException {
        initial = in.readDouble();
        last = in.readDouble();
        increases = in.readLong();
    }
}
