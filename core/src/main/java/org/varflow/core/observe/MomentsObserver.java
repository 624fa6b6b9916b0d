package org.varflow.core.observe;

import java.util.LinkedHashMap;
import java.util.Map;
import org.varflow.api.Observer;
import org.varflow.api.Snapshot;

/** The final state: {@code x} for one particle; the ensemble {@code mean} and {@code covariance} for several. */
public final class MomentsObserver implements Observer {
    private final EnsembleStats stats;
    private Map<String, Object> state = Map.of();
    private double[] mean;
    private double[] covariance;
    private boolean single;
    private String omitted;

    public MomentsObserver(EnsembleStats stats) {
        this.stats = stats;
    }

    @Override
    public void observe(Snapshot s) {
        // moments are read at the end only
    }

    @Override
    public void finish(Snapshot s) {
        EnsembleStats st = stats.update(s, false);
        mean = st.mean().clone();
        covariance = s.particles() == 1 || st.covariance() == null ? null : st.covariance().clone();
        single = s.particles() == 1;
        omitted = !single && st.covariance() == null ? "dimension " + s.dimension() + " > "
                + EnsembleStats.MAX_COVARIANCE_DIMENSION : null;
        Map<String, Object> m = new LinkedHashMap<>();
        int d = s.dimension();
        if (s.particles() == 1) {
            m.put("x", Summaries.vector(st.mean()));
        } else {
            m.put("mean", Summaries.vector(st.mean()));
            m.put("covariance", st.covariance() == null ? null : Summaries.matrix(st.covariance(), d));
            if (st.covariance() == null) {
                m.put("covarianceOmitted", "dimension " + d + " > " + EnsembleStats.MAX_COVARIANCE_DIMENSION);
            }
        }
        state = m;
    }

    /** The final point (one particle) or ensemble mean; null before the run finished. */
    public double[] mean() {
        return mean == null ? null : mean.clone();
    }

    /** The final ensemble covariance, row-major; null for one particle or when the dimension is too large. */
    public double[] covariance() {
        return covariance == null ? null : covariance.clone();
    }

    /** Whether the run had one particle. */
    public boolean singleParticle() {
        return single;
    }

    /** Why the covariance was omitted, or null. */
    public String covarianceOmitted() {
        return omitted;
    }

    @Override
    public Map<String, Object> summary() {
        return Map.of("state", state);
    }
}
