package org.varflow.core.observe;

import java.util.LinkedHashMap;
import java.util.Map;
import org.varflow.api.Observer;
import org.varflow.api.Snapshot;

/** The final state: {@code x} for one particle; the ensemble {@code mean} and {@code covariance} for several. */
public final class MomentsObserver implements Observer {
    private final EnsembleStats stats;
    private Map<String, Object> state = Map.of();

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

    @Override
    public Map<String, Object> summary() {
        return Map.of("state", state);
    }
}
