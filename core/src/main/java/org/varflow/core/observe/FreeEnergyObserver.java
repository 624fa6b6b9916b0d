package org.varflow.core.observe;

import org.varflow.api.StatefulObserver;
import java.util.LinkedHashMap;
import java.util.Map;
import org.varflow.api.RunInfo;
import org.varflow.api.Snapshot;

/**
 * The free energy F = mean E - T H where H = -integral rho log rho is the entropy of the particles' law and
 * T = beta^-1 (so F = integral E d rho + beta^-1 integral rho log rho). Without an entropy term, F = mean E. With
 * one, H is estimated by the entropy of the Gaussian with the ensemble covariance (exact for Gaussian laws such
 * as Ornstein-Uhlenbeck); F is undefined (null) for a single particle.
 */
public final class FreeEnergyObserver implements StatefulObserver {
    private final EnsembleStats stats;
    private double temperature;
    private boolean noEntropy;
    private double last = Double.NaN;
    private double initial = Double.NaN;
    private String method;

    public FreeEnergyObserver(EnsembleStats stats) {
        this.stats = stats;
    }

    @Override
    public void start(RunInfo info) {
        noEntropy = info.flow().entropy().isNone();
        method = noEntropy ? "energy (no entropy term)" : info.particles() > 1 ? "gaussian-entropy-estimate"
                : "undefined for one particle";
    }

    @Override
    public void observe(Snapshot s) {
        temperature = s.flow().temperature(s.time());
        EnsembleStats st = stats.update(s, s.flow().isDeterministic());
        double f = noEntropy ? st.energy() : st.energy() - temperature * st.gaussianEntropy(s.dimension());
        if (s.step() == 0) {
            initial = f;
        }
        last = f;
    }

    /** The last free energy, NaN when undefined. */
    public double freeEnergy() {
        return last;
    }

    /** The free energy at step 0, NaN when undefined. */
    public double initialFreeEnergy() {
        return initial;
    }

    /** How the free energy is computed, in words. */
    public String method() {
        return method;
    }

    @Override
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("freeEnergy", Summaries.number(last));
        m.put("freeEnergyInitial", Summaries.number(initial));
        m.put("freeEnergyMethod", method);
        return m;
    }

    @Override
    public void save(java.io.DataOutput out) throws java.io.IOException {
        out.writeDouble(initial);
        out.writeDouble(last);
    }

    @Override
    public void restore(java.io.DataInput in) throws java.io.IOException {
        initial = in.readDouble();
        last = in.readDouble();
    }
}
