package org.varflow.geometry.wasserstein;

import java.util.Collection;
import java.util.List;
import org.varflow.api.EnergyFactory;
import org.varflow.api.EntropyFactory;
import org.varflow.api.MetricFactory;
import org.varflow.api.NoiseFactory;
import org.varflow.api.ObserverFactory;
import org.varflow.api.Plugin;
import org.varflow.api.SchemeFactory;
import org.varflow.api.SpaceFactory;
import org.varflow.geometry.wasserstein.entropy.TsallisEntropyFactory;
import org.varflow.geometry.wasserstein.grid.DensityEulerFactory;
import org.varflow.geometry.wasserstein.grid.DensityMetricFactory;
import org.varflow.geometry.wasserstein.grid.GridSpaceFactory;
import org.varflow.geometry.wasserstein.interaction.InteractionEnergyFactory;
import org.varflow.geometry.wasserstein.jko.JkoFactory;
import org.varflow.geometry.wasserstein.observe.FreeEnergyObserverFactory;
import org.varflow.geometry.wasserstein.observe.KlToGibbsObserverFactory;
import org.varflow.geometry.wasserstein.observe.MassObserverFactory;
import org.varflow.geometry.wasserstein.observe.MomentsObserverFactory;
import org.varflow.geometry.wasserstein.observe.W2ToGibbsObserverFactory;
import org.varflow.geometry.wasserstein.particles.EnsembleSpaceFactory;
import org.varflow.geometry.wasserstein.particles.KdeScoreNoiseFactory;
import org.varflow.geometry.wasserstein.svgd.SteinMetricFactory;
import org.varflow.geometry.wasserstein.svgd.SteinRepulsionNoiseFactory;

/**
 * Flows on probability measures: the measure itself is the state.
 *
 * <ul>
 *   <li>spaces: {@code ensemble} (N particles in R^d, the empirical measure), {@code grid-1d} and {@code grid-2d}
 *       (densities on grids); energies on R^d are lifted to potentials integral V d rho;</li>
 *   <li>metrics: {@code wasserstein} (per-particle Euclidean on ensembles, -div(rho grad .) on grids),
 *       {@code fisher-rao-density} and {@code wasserstein-fisher-rao} on grids, {@code stein} (kernelised) on
 *       ensembles;</li>
 *   <li>energy {@code interaction} (1/2) double-integral W(x - y) d rho d rho, entropy {@code tsallis} (porous
 *       medium);</li>
 *   <li>how the entropy of an ensemble is realised without Brownian noise: noises {@code kde-score} (kernel
 *       density score) and {@code stein-repulsion} (SVGD);</li>
 *   <li>schemes {@code density-euler} (finite volumes / birth-death with the stability limit checked) and
 *       {@code jko} (1-D minimizing movement in quantile coordinates);</li>
 *   <li>diagnostics attached to measure runs: {@code free-energy}, {@code kl-to-gibbs}, {@code w2-to-gibbs},
 *       {@code mass}, {@code measure-moments}.</li>
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
        return List.of(new InteractionEnergyFactory());
    }

    @Override
    public Collection<EntropyFactory> entropies() {
        return List.of(new TsallisEntropyFactory());
    }

    @Override
    public Collection<NoiseFactory> noises() {
        return List.of(new KdeScoreNoiseFactory(), new SteinRepulsionNoiseFactory());
    }

    @Override
    public Collection<SchemeFactory> schemes() {
        return List.of(new DensityEulerFactory(), new JkoFactory(), new org.varflow.geometry.wasserstein.jko.EntropicJkoFactory());
    }

    @Override
    public Collection<ObserverFactory> observers() {
        return List.of(new FreeEnergyObserverFactory(), new KlToGibbsObserverFactory(),
                new W2ToGibbsObserverFactory(), new MassObserverFactory(), new MomentsObserverFactory());
    }
}
