package org.varflow.geometry;

import java.util.Collection;
import java.util.List;
import org.varflow.api.MetricFactory;
import org.varflow.api.Plugin;
import org.varflow.api.SchemeFactory;
import org.varflow.api.SpaceFactory;
import org.varflow.geometry.adaptive.AdamFactory;
import org.varflow.geometry.adaptive.RmsPropFactory;
import org.varflow.geometry.diagonal.DiagonalMetricFactory;
import org.varflow.geometry.field.SpdFieldMetricFactory;
import org.varflow.geometry.fisher.FisherMetricFactory;
import org.varflow.geometry.fisher.StatisticalModelSpaceFactory;
import org.varflow.geometry.mirror.MirrorMetricFactory;
import org.varflow.geometry.mirror.MirrorStepFactory;
import org.varflow.geometry.mirror.PositiveOrthantSpaceFactory;
import org.varflow.geometry.mirror.SimplexSpaceFactory;
import org.varflow.geometry.poincare.PoincareBallSpaceFactory;
import org.varflow.geometry.poincare.PoincareMetricFactory;
import org.varflow.geometry.sphere.SphereMetricFactory;
import org.varflow.geometry.sphere.SphereSpaceFactory;

/**
 * Geometries beyond the Euclidean metric of core: Riemannian (sphere, SPD matrix field, Poincare ball), Fisher-Rao
 * (natural gradient), mirror (Bregman) and adaptive diagonal (Adam, RMSProp), with the manifold spaces they live on
 * and the schemes that are specific to them (the mirror step, Adam, RMSProp).
 */
public final class GeometryPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-geometry";
    }

    @Override
    public Collection<SpaceFactory> spaces() {
        return List.of(new SphereSpaceFactory(), new PoincareBallSpaceFactory(), new SimplexSpaceFactory(),
                new PositiveOrthantSpaceFactory(), new StatisticalModelSpaceFactory());
    }

    @Override
    public Collection<MetricFactory> metrics() {
        return List.of(new DiagonalMetricFactory(), new SphereMetricFactory(), new SpdFieldMetricFactory(),
                new PoincareMetricFactory(), new FisherMetricFactory(), new MirrorMetricFactory());
    }

    @Override
    public Collection<SchemeFactory> schemes() {
        return List.of(new MirrorStepFactory(), new AdamFactory(), new RmsPropFactory());
    }
}
