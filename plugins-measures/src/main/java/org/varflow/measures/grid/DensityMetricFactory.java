package org.varflow.measures.grid;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.measure.MeasureKinds;

/**
 * The reaction geometries of densities on grids: Fisher-Rao ({@code fisher-rao-density}: mass is reweighted, not
 * moved) and Wasserstein-Fisher-Rao ({@code wasserstein-fisher-rao}: transport plus reweighting). The Wasserstein
 * metric itself is {@code wasserstein}, shared with ensembles.
 */
public final class DensityMetricFactory implements MetricFactory {
    private final boolean transport;

    private DensityMetricFactory(boolean transport) {
        this.transport = transport;
    }

    /** {@code fisher-rao-density}. */
    @Override
    public Class<DensityMetric> partType() {
        return DensityMetric.class;
    }

    public static DensityMetricFactory fisherRao() {
        return new DensityMetricFactory(false);
    }

    /** {@code wasserstein-fisher-rao}. */
    public static DensityMetricFactory wassersteinFisherRao() {
        return new DensityMetricFactory(true);
    }

    @Override
    public String id() {
        return transport ? "wasserstein-fisher-rao" : "fisher-rao-density";
    }

    @Override
    public String summary() {
        return transport ? "Wasserstein-Fisher-Rao (Hellinger-Kantorovich) on grid densities: transport plus"
                + " birth-death" : "Fisher-Rao on grid densities: birth-death (replicator) flow, mass reweighted in"
                + " place, never moved";
    }

    @Override
    public String formula() {
        return transport ? "K c = -div(rho grad psi) + alpha rho (psi - <psi>_rho),  psi = dE/drho"
                : "K c = rho (psi - <psi>_rho),  psi = dE/drho;  flow: d rho/dt = -rho (dF/drho - E_rho[dF/drho])";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(MeasureKinds.GRID_1D, MeasureKinds.GRID_2D);
    }

    @Override
    public List<Parameter> parameters() {
        return transport ? List.of(Parameter.positive("alpha", 1.0, "weight of the Fisher-Rao (reaction) part"))
                : List.of();
    }

    @Override
    public Metric create(Parameters parameters, Space space) {
        if (!(space instanceof GridSpace g)) {
            throw new ConfigurationException("metric '" + id() + "' needs a grid density space (grid-1d, grid-2d)");
        }
        if (g.boundary().dirichlet()) {
            throw new ConfigurationException("metric '" + id() + "' keeps a density's mass through its birth-death"
                    + " part, which Dirichlet walls (mass in and out) break; use metric 'wasserstein' with boundary"
                    + " dirichlet, or boundary closed or periodic");
        }
        return transport ? GridMetrics.wassersteinFisherRao(g.layout(), parameters.real("alpha"), g.boundary())
                : GridMetrics.fisherRao(g.layout());
    }
}
