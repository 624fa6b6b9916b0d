package org.varflow.geometry;

import java.util.Collection;
import java.util.List;
import org.varflow.api.MetricFactory;
import org.varflow.api.Plugin;
import org.varflow.geometry.diagonal.DiagonalMetricFactory;

/** Geometries beyond the Euclidean metric of core. */
public final class GeometryPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-geometry";
    }

    @Override
    public Collection<MetricFactory> metrics() {
        return List.of(new DiagonalMetricFactory());
    }
}
