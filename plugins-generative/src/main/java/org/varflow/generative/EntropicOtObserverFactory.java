package org.varflow.generative;

import java.util.LinkedHashMap;
import java.util.Map;
import org.varflow.api.Flow;
import org.varflow.api.Observer;
import org.varflow.api.ObserverFactory;
import org.varflow.api.Snapshot;
import org.varflow.ot.ExactOT;

/**
 * Attached to runs with the energy {@code entropic-ot} on the space {@code coupling}: at the end, the transport cost
 * &lt;C, P&gt; of the plan defined by the final potentials, its L1 marginal violation |dE|_1, and the exact OT cost
 * of the two clouds (network simplex), which the transport cost approaches as eps -&gt; 0.
 */
public final class EntropicOtObserverFactory implements ObserverFactory {

    @Override
    public String id() {
        return "entropic-ot";
    }

    @Override
    public String summary() {
        return "transport cost and marginal error of the entropic plan, and the exact OT cost of the two clouds";
    }

    @Override
    public boolean appliesTo(Flow flow) {
        return flow.energy() instanceof EntropicOtEnergyFactory.Dual
                && flow.space() instanceof CouplingSpaceFactory.CouplingSpace;
    }

    @Override
    public Observer create(Flow flow) {
        EntropicOtEnergyFactory.Dual dual = (EntropicOtEnergyFactory.Dual) flow.energy();
        CouplingSpaceFactory.CouplingSpace space = (CouplingSpaceFactory.CouplingSpace) flow.space();
        return new Observer() {
            private final Map<String, Object> summary = new LinkedHashMap<>();

            @Override
            public void observe(Snapshot snapshot) {
            }

            @Override
            public void finish(Snapshot snapshot) {
                double[] state = java.util.Arrays.copyOf(snapshot.states(), snapshot.dimension());
                double[] gradient = new double[state.length];
                dual.gradient(state, gradient);
                double violation = 0;
                for (double v : gradient) {
                    violation += Math.abs(v);
                }
                summary.put("epsilon", dual.epsilon());
                summary.put("transportCost", dual.transportCost(state));
                summary.put("objective", -dual.value(state));
                summary.put("marginalError", violation);
                summary.put("exactCost", ExactOT.squaredEuclidean(space.x(), space.y(), space.d()).cost());
            }

            @Override
            public Map<String, Object> summary() {
                return summary;
            }
        };
    }
}
