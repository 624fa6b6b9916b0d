package org.varflow.measures.observe;

import java.util.Map;
import org.varflow.api.Flow;
import org.varflow.api.Observer;
import org.varflow.api.ObserverFactory;
import org.varflow.api.Snapshot;
import org.varflow.api.measure.TsallisEntropy;
import org.varflow.measures.NoEnergyFactory;
import org.varflow.measures.grid.GridMetrics;
import org.varflow.measures.grid.GridSpace;

/**
 * The Dirichlet energy of a grid density under the heat equation (Wasserstein flow of T integral rho log rho with no
 * energy: d u/dt = T Laplacian u):
 *
 * <pre>
 *   D(u) = (1/2) integral |grad u|^2 dx
 *        ~ (|cell| / 2) [ sum_faces (u_j - u_i)^2 / dx_a^2 + sum_walls 2 (u_i - u_b)^2 / dx_a^2 ]
 * </pre>
 *
 * with the faces of the grid's boundary (periodic faces like interior ones; Dirichlet walls at value u_b across half
 * a cell). The finite-volume heat step is exactly the L2 gradient flow of this discrete D times T, so D never
 * increases (below the explicit stability limit), and for boundary data u_b held fixed it tends to that of the
 * steady state: (u_R - u_L)^2 / 2L in one dimension. Reports {@code initial}, {@code final}, {@code increases} and a
 * 50-point trace.
 */
public final class DirichletEnergyObserverFactory implements ObserverFactory {

    @Override
    public String id() {
        return "dirichlet-energy";
    }

    @Override
    public String summary() {
        return "Dirichlet energy (1/2) integral |grad u|^2 of a grid density under the heat equation (never increases)";
    }

    @Override
    public boolean appliesTo(Flow flow) {
        return flow.space() instanceof GridSpace && GridMetrics.isWasserstein(flow.metric())
                && NoEnergyFactory.isZero(flow.energy()) && !flow.entropy().isNone()
                && TsallisEntropy.exponentOf(flow.entropy()) == 1.0;
    }

    @Override
    public Observer create(Flow flow) {
        GridSpace g = (GridSpace) flow.space();
        return new Dirichlet(g);
    }

    /** One run's record. */
    static final class Dirichlet extends TracedObserver {
        private final GridSpace space;

        Dirichlet(GridSpace space) {
            super(1e-12);
            this.space = space;
        }

        @Override
        protected boolean samples(Snapshot s) {
            return true;
        }

        @Override
        protected double value(Snapshot s) {
            return GridMetrics.dirichletEnergy(space.layout(), space.boundary(), s.states());
        }

        @Override
        public Map<String, Object> summary() {
            return trace.summary(true);
        }
    }
}
