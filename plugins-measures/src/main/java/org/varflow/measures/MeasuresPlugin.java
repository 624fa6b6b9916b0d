package org.varflow.measures;

import java.util.Collection;
import java.util.List;
import org.varflow.api.EnergyFactory;
import org.varflow.api.MetricFactory;
import org.varflow.api.NoiseFactory;
import org.varflow.api.ObserverFactory;
import org.varflow.api.Plugin;
import org.varflow.api.SchemeFactory;
import org.varflow.api.SpaceFactory;
import org.varflow.measures.grid.DensityEulerFactory;
import org.varflow.measures.grid.DensityMetricFactory;
import org.varflow.measures.grid.GridSpaceFactory;
import org.varflow.measures.interaction.InteractionEnergyFactory;
import org.varflow.measures.jko.EntropicJkoFactory;
import org.varflow.measures.jko.JkoFactory;
import org.varflow.measures.observe.DirichletEnergyObserverFactory;
import org.varflow.measures.observe.KlToGibbsObserverFactory;
import org.varflow.measures.observe.MassObserverFactory;
import org.varflow.measures.observe.MeasureFreeEnergyObserverFactory;
import org.varflow.measures.observe.MeasureMomentsObserverFactory;
import org.varflow.measures.observe.W2ToGibbsObserverFactory;
import org.varflow.measures.particles.EnsembleSpaceFactory;
import org.varflow.measures.particles.KdeScoreNoiseFactory;
import org.varflow.measures.svgd.SteinMetricFactory;
import org.varflow.measures.svgd.SteinRepulsionNoiseFactory;

/**
 * Flows on probability measures: the measure itself is the state. Every part kind of such a flow that is specific
 * to measures is here; the entropies (Boltzmann, Tsallis) come from plugins-noise and the potentials V from any
 * energy on R^d.
 *
 * <ul>
 *   <li>spaces: {@code ensemble} (N particles in R^d, the empirical measure), {@code grid-1d} and {@code grid-2d}
 *       (densities on grids); energies on R^d are lifted to potentials integral V d rho;</li>
 *   <li>metrics: {@code wasserstein} (per-particle Euclidean on ensembles, -div(rho grad .) on grids),
 *       {@code fisher-rao-density} and {@code wasserstein-fisher-rao} on grids, {@code stein} (kernelised) on
 *       ensembles;</li>
 *   <li>energies {@code interaction} (1/2) double-integral W(x - y) d rho d rho and {@code none} (E = 0: only the
 *       entropy drives the flow);</li>
 *   <li>how the entropy of an ensemble is realised without Brownian noise: noises {@code kde-score} (kernel
 *       density score) and {@code stein-repulsion} (SVGD);</li>
 *   <li>schemes {@code density-euler} (finite volumes / birth-death with the stability limit checked), {@code jko}
 *       (1-D minimizing movement in quantile coordinates) and {@code entropic-jko} (grids);</li>
 *   <li>diagnostics attached to measure runs: {@code free-energy}, {@code kl-to-gibbs}, {@code w2-to-gibbs},
 *       {@code mass}, {@code measure-moments}, and {@code dirichlet-energy} for the heat equation.</li>
 * </ul>
 */
public final class MeasuresPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-measures";
    }

    @Override
    public Collection<SpaceFactory> spaces() {
        return List.of(new EnsembleSpaceFactory(), GridSpaceFactory.oneDimensional(),
                GridSpaceFactory.twoDimensional());
    }

    @Override
    public Collection<MetricFactory> metrics() {
        return List.of(new WassersteinMetricFactory(), DensityMetricFactory.fisherRao(),
                DensityMetricFactory.wassersteinFisherRao(), new SteinMetricFactory());
    }

    @Override
    public Collection<EnergyFactory> energies() {
        return List.of(new InteractionEnergyFactory(), new NoEnergyFactory());
    }

    @Override
    public Collection<NoiseFactory> noises() {
        return List.of(new KdeScoreNoiseFactory(), new SteinRepulsionNoiseFactory());
    }

    @Override
    public Collection<SchemeFactory> schemes() {
        return List.of(new DensityEulerFactory(), new JkoFactory(), new EntropicJkoFactory());
    }

    @Override
    public Collection<ObserverFactory> observers() {
        return List.of(new MeasureFreeEnergyObserverFactory(), new KlToGibbsObserverFactory(),
                new W2ToGibbsObserverFactory(), new MassObserverFactory(), new MeasureMomentsObserverFactory(),
                new DirichletEnergyObserverFactory());
    }
}
