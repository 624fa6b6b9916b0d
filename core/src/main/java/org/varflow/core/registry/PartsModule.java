package org.varflow.core.registry;

import com.google.inject.AbstractModule;
import org.varflow.core.discovery.DiscoveryReport;

/**
 * Binds what discovery accepted: the {@link DiscoveryReport} and the one {@link PartRegistry} built from it (every
 * part factory by kind and id, presets, observer factories). Only binds; discovery (the I/O) happened before.
 *
 * <p>The registry is one instance rather than a map binding per part: the injector then has a handful of bindings
 * to build, not one per registered part, which is most of a short command's start-up it used to spend in Guice.
 */
public final class PartsModule extends AbstractModule {
    private final DiscoveryReport report;

    public PartsModule(DiscoveryReport report) {
        this.report = report;
    }

    @Override
    protected void configure() {
        bind(DiscoveryReport.class).toInstance(report);
        bind(PartRegistry.class).toInstance(new PartRegistry(report));
    }
}
