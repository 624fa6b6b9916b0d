package org.varflow.geometry;

import java.util.Collection;
import java.util.List;
import org.varflow.api.MetricFactory;
import org.varflow.api.Plugin;
import org.varflow.api.SpaceFactory;
import org.varflow.geometry.diagonal.DiagonalMetricFactory;
import org.varflow.geometry.field.SpdFieldMetricFactory;
import org.varflow.geometry.fisher.FisherMetricFactory;
import org.varflow.geometry.fisher.StatisticalModelSpaceFactory;
import org.varflow.geometry.gaussian.BuresWassersteinMetricFactory;
import org.varflow.geometry.gaussian.FisherRaoGaussianMetricFactory;
import org.varflow.geometry.gaussian.GaussianSpaceFactory;
import org.varflow.geometry.mirror.MirrorMetricFactory;
import org.varflow.geometry.mirror.PositiveOrthantSpaceFactory;
import org.varflow.geometry.mirror.SimplexSpaceFactory;
import org.varflow.geometry.path.PathL2MetricFactory;
import org.varflow.geometry.path.PathSpaceFactory;
import org.varflow.geometry.poincare.PoincareBallSpaceFactory;
import org.varflow.geometry.poincare.PoincareMetricFactory;
import org.varflow.geometry.sphere.SphereMetricFactory;
import org.varflow.geometry.sphere.SphereSpaceFactory;

/**
 * Geometries beyond the Euclidean metric of core, with the spaces they live on: Riemannian (sphere, SPD matrix field,
 * Poincare ball), Fisher-Rao (natural gradient on a statistical model), mirror (Bregman) and diagonal; the Gaussian
 * family N(mu, Sigma) with its Fisher-Rao and Bures-Wasserstein metrics; paths with fixed ends with their L2 metric.
 * Phase space has its own plugin ({@link org.varflow.geometry.symplectic.SymplecticPlugin}); the schemes built on
 * these geometries (the mirror step, Adam, RMSProp) are in plugins-schemes.
 */
public final class GeometryPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-geometry";
    }

    @Override
    public Collection<SpaceFactory> spaces() {
        return List.of(new SphereSpaceFactory(), new PoincareBallSpaceFactory(), new SimplexSpaceFactory(),
                new PositiveOrthantSpaceFactory(), new StatisticalModelSpaceFactory(), new GaussianSpaceFactory(),
                new PathSpaceFactory());
    }

    @Override
    public Collection<MetricFactory> metrics() {
        return List.of(new DiagonalMetricFactory(), new SphereMetricFactory(), new SpdFieldMetricFactory(),
                new PoincareMetricFactory(), new FisherMetricFactory(), new MirrorMetricFactory(),
                new FisherRaoGaussianMetricFactory(), new BuresWassersteinMetricFactory(), new PathL2MetricFactory());
    }
}
