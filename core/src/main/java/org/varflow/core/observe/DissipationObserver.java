package org.varflow.core.observe;

import org.varflow.api.StatefulObserver;
import java.util.LinkedHashMap;
import java.util.Map;
import org.varflow.api.RunInfo;
import org.varflow.api.Snapshot;

/**
 * The energy-dissipation check of a deterministic flow. Along x' = -K dE + J dE the energy obeys
 * dE/dt = -&lt;dE, K dE&gt; = -D (J is antisymmetric and does no work). Between two observations a, b the observer
 * compares the observed change E_b - E_a with the trapezoidal prediction -(t_b - t_a)(D_a + D_b)/2 and reports
 * the largest relative violation |observed - predicted| / |predicted|. For an exact flow it is O(dt^2); for
 * explicit Euler it is about (h/2) times the curvature along the path, so it also measures discretisation error.
 * Intervals where the prediction is below rounding (|predicted| &lt;= 1e-10 (1 + |E|)) are skipped. Not defined for
 * stochastic flows (null).
 */
public final class DissipationObserver implements StatefulObserver {
    private final EnsembleStats stats;
    private boolean active;
    private double lastEnergy;
    private double lastRate;
    private double lastTime;
    private double maxViolation = Double.NaN;
    private long checked;

    public DissipationObserver(EnsembleStats stats) {
        this.stats = stats;
    }

    @Override
    public void start(RunInfo info) {
        active = info.flow().isDeterministic();
    }

    @Override
    public void observe(Snapshot s) {
        if (!active) {
            return;
        }
        EnsembleStats st = stats.update(s, true);
        double e = st.energy();
        double rate = st.dissipation();
        if (s.step() > 0) {
            double predicted = -(s.time() - lastTime) * 0.5 * (lastRate + rate);
            double observed = e - lastEnergy;
            if (Math.abs(predicted) > 1e-10 * (1 + Math.abs(lastEnergy))) {
                double v = Math.abs(observed - predicted) / Math.abs(predicted);
                maxViolation = Double.isNaN(maxViolation) ? v : Math.max(maxViolation, v);
                checked++;
            }
        }
        lastEnergy = e;
        lastRate = rate;
        lastTime = s.time();
    }

    /** The largest relative violation so far (NaN when nothing was checked). */
    public double maxViolation() {
        return maxViolation;
    }

    /** The largest relative violation of a deterministic flow; NaN for a stochastic one or when nothing was checked. */
    public double reportedViolation() {
        return active ? maxViolation : Double.NaN;
    }

    /** How many intervals were checked, for deterministic flows (empty for stochastic ones). */
    public java.util.OptionalLong intervalsChecked() {
        return active ? java.util.OptionalLong.of(checked) : java.util.OptionalLong.empty();
    }

    @Override
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxDissipationViolation", active ? Summaries.number(maxViolation) : null);
        m.put("dissipationIntervalsChecked", active ? checked : null);
        return m;
    }

    @Override
    public void save(java.io.DataOutput out) throws java.io.IOException {
        out.writeDouble(lastEnergy);
        out.writeDouble(lastRate);
        out.writeDouble(lastTime);
        out.writeDouble(maxViolation);
        out.writeLong(checked);
    }

    @Override
    public void restore(java.io.DataInput in) throws java.io.IOException {
        lastEnergy = in.readDouble();
        lastRate = in.readDouble();
        lastTime = in.readDouble();
        maxViolation = in.readDouble();
        checked = in.readLong();
    }
}
