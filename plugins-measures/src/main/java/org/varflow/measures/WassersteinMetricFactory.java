package org.varflow.measures;

import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.measure.MeasureKinds;
import org.varflow.measures.grid.GridMetrics;
import org.varflow.measures.grid.GridSpace;
import org.varflow.measures.particles.EnsembleSpace;
import org.varflow.measures.particles.ParticleWassersteinMetric;

/**
 * The Wasserstein-2 (Otto) geometry on measures, in the coordinates of each measure space:
 *
 * <ul>
 *   <li>ensembles: the Euclidean metric per particle, K = I. With the extensive energies of ensembles
 *       (dE/dx_p = grad dF/drho(x_p)) the flow x_p' = -grad dF/drho(x_p) is the Wasserstein gradient flow, and
 *       thermal noise sqrt(2 h T) xi per coordinate realises T integral rho log rho;</li>
 *   <li>grid densities: K c = -div(rho grad psi) by finite volumes (face density the mean of the two cells), psi the
 *       first variation; the scheme {@code density-euler} integrates its free-energy flow with positivity-preserving
 *       Scharfetter-Gummel fluxes.</li>
 * </ul>
 */
public final class WassersteinMetricFactory implements MetricFactory {

    @Override
    public String id() {
        return "wasserstein";
    }

    @Override
    public String summary() {
        return "Wasserstein-2 (Otto) geometry on measures: per-particle Euclidean on ensembles, -div(rho grad .) on"
                + " grid densities";
    }

    @Override
    public String formula() {
        return "ensemble: K = I per particle (velocity -grad dF/drho(x_p));  grid: K c = -div(rho grad psi),"
                + " psi = dE/drho;  d rho/dt = div(rho grad dF/drho)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(MeasureKinds.ENSEMBLE, MeasureKinds.GRID_1D, MeasureKinds.GRID_2D);
    }

    @Override
    public Metric create(Parameters parameters, Space space) {
        if (space instanceof EnsembleSpace) {
            return ParticleWassersteinMetric.INSTANCE;
        }
        if (space instanceof GridSpace g) {
            return GridMetrics.wasserstein(g.layout(), g.boundary());
        }
        throw new ConfigurationException("metric 'wasserstein' needs a measure space (ensemble, grid-1d, grid-2d), got"
                + " kind " + space.kind());
    }
}
