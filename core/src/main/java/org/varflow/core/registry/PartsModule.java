package org.varflow.core.registry;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.varflow.api.ObserverFactory;
import org.varflow.api.PartFactory;
import org.varflow.api.PartType;
import org.varflow.api.Preset;
import org.varflow.core.discovery.DiscoveryReport;
import org.varflow.core.discovery.LoadedPlugin;

/**
 * Binds what discovery accepted: one {@link MapBinder} per part kind (id to factory, typed by the kind's factory
 * interface) and one each for presets and observer factories. Only binds; discovery (the I/O) happened before.
 * Ids are unique here because discovery already set duplicates aside, so the injector cannot fail on them.
 */
public final class PartsModule extends AbstractModule {
    private final DiscoveryReport report;

    public PartsModule(DiscoveryReport report) {
        this.report = report;
    }

    @Override
    protected void configure() {
        bind(DiscoveryReport.class).toInstance(report);
        for (PartType<?, ?> type : PartType.ALL) {
            bindKind(type);
        }
        MapBinder<String, Preset> presets = MapBinder.newMapBinder(binder(), String.class, Preset.class);
        MapBinder<String, ObserverFactory> observers = MapBinder.newMapBinder(binder(), String.class,
                ObserverFactory.class);
        for (LoadedPlugin plugin : report.plugins()) {
            for (Preset p : plugin.presets()) {
                presets.addBinding(p.id()).toInstance(p);
            }
            for (ObserverFactory o : plugin.observers()) {
                observers.addBinding(o.id()).toInstance(o);
            }
        }
    }

    /** The map binder of one kind, filled with every plugin's factories of it (an empty map is still a map). */
    private <F extends PartFactory<P>, P> void bindKind(PartType<F, P> type) {
        MapBinder<String, F> map = MapBinder.newMapBinder(binder(), String.class, type.factoryClass());
        for (LoadedPlugin plugin : report.plugins()) {
            for (F f : plugin.factories(type)) {
                map.addBinding(f.id()).toInstance(f);
            }
        }
    }
}
