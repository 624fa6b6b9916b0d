package org.varflow.core.observe;

import org.varflow.api.StatefulObserver;
import java.util.LinkedHashMap;
import java.util.Map;
import org.varflow.api.Snapshot;

/**
 * Tracks the (ensemble mean) energy E: its initial and final values, and for deterministic flows how often it
 * increased between observations (a gradient flow never increases E; a discrete step that does is too large). For a
 * {@link Conservative} flow (a Poisson part J and no dissipation) increases mean nothing: E is a constant of motion,
 * and the observer reports its largest drift max |E - E0| instead.
 */
public final class EnergyObserver implements StatefulObserver {
    private final EnsembleStats stats;
    private double initial = Double.NaN;
    private double last = Double.NaN;
    private long increases;
    private boolean deterministic;
    private boolean conservative;
    /** Whether E must not rise (a deterministic flow on which no entropy acts). */
    private boolean descends;
    private double drift;

    public EnergyObserver(EnsembleStats stats) {
        this.stats = stats;
    }

    @Override
    public void start(org.varflow.api.RunInfo info) {
        deterministic = info.flow().isDeterministic();
        conservative = Conservative.is(info.flow());
        descends = DissipationMeter.energyIsLyapunov(info.flow()) && !conservative;
    }

    @Override
    public void observe(Snapshot s) {
        double e = stats.update(s, deterministic).energy();
        if (s.step() == 0) {
            initial = e;
        } else if (conservative) {
            drift = Math.max(drift, Math.abs(e - initial));
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

    /**
     * How often the energy rose between observations, for deterministic flows that dissipate E (empty for stochastic
     * and conservative ones, and for flows of measures with an entropy, whose F falls while E may rise).
     */
    public java.util.OptionalLong increases() {
        return descends ? java.util.OptionalLong.of(increases) : java.util.OptionalLong.empty();
    }

    /** For a conservative flow, the largest observed |E - E0|; NaN for every other flow. */
    public double drift() {
        return conservative ? drift : Double.NaN;
    }

    @Override
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("energy", Summaries.number(last));
        m.put("energyInitial", Summaries.number(initial));
        m.put("energyIncreases", descends ? increases : null);
        if (conservative) {
            m.put("energyDrift", drift);
        }
        return m;
    }

    @Override
    public void save(java.io.DataOutput out) throws java.io.IOException {
        out.writeDouble(initial);
        out.writeDouble(last);
        out.writeLong(increases);
        out.writeDouble(drift);
    }

    @Override
    public void restore(java.io.DataInput in) throws java.io.IOException {
        initial = in.readDouble();
        last = in.readDouble();
        increases = in.readLong();
        drift = in.readDouble();
    }
}
