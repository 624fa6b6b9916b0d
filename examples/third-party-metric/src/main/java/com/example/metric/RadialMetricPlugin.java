package com.example.metric;

import java.util.Collection;
import java.util.List;
import org.varflow.api.MetricFactory;
import org.varflow.api.Plugin;

/**
 * The provider varflow finds with {@link java.util.ServiceLoader}: listed in
 * {@code META-INF/services/org.varflow.api.Plugin}. It overrides only the getter for what it provides.
 */
public final class RadialMetricPlugin implements Plugin {

    /** A public no-argument constructor, as ServiceLoader needs. */
    public RadialMetricPlugin() {
    }

    @Override
    public String id() {
        return "example-radial";
    }

    @Override
    public Collection<MetricFactory> metrics() {
        return List.of(new RadialMetricFactory());
    }
}
