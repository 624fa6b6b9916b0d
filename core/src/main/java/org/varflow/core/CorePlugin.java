package org.varflow.core;

import java.util.Collection;
import java.util.List;
import org.varflow.api.MetricFactory;
import org.varflow.api.Plugin;
import org.varflow.api.SchemeFactory;
import org.varflow.api.SpaceFactory;
import org.varflow.core.euclidean.EuclideanMetricFactory;
import org.varflow.core.euclidean.EuclideanSpaceFactory;
import org.varflow.core.scheme.DormandPrinceFactory;
import org.varflow.core.scheme.EulerFactory;
import org.varflow.core.scheme.EulerMaruyamaFactory;
import org.varflow.core.scheme.MinimizingMovementFactory;

/** The parts core provides itself, found through the same {@link java.util.ServiceLoader} as any plugin. */
public final class CorePlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-core";
    }

    @Override
    public Collection<SpaceFactory> spaces() {
        return List.of(new EuclideanSpaceFactory());
    }

    @Override
    public Collection<MetricFactory> metrics() {
        return List.of(new EuclideanMetricFactory());
    }

    @Override
    public Collection<SchemeFactory> schemes() {
        return List.of(new EulerFactory(), new EulerMaruyamaFactory(), new MinimizingMovementFactory(),
                new DormandPrinceFactory());
    }
}
