package org.varflow.core.registry;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import org.varflow.api.ObserverFactory;
import org.varflow.api.PartFactory;
import org.varflow.api.PartKind;
import org.varflow.api.Preset;
import org.varflow.core.discovery.DiscoveryReport;
import org.varflow.core.discovery.LoadedPlugin;

/**
 * Binds what discovery accepted: one {@link MapBinder} per part kind (id to factory) and one for presets. Only
 * binds; discovery (the I/O) happened before. Ids are unique here because discovery already set duplicates
 * aside, so the injector cannot fail on them.
 */
public final class PartsModule extends AbstractModule {
    private final DiscoveryReport report;

    public PartsModule(DiscoveryReport report) {
        this.report = report;
    }

    @Override
    protected void configure() {
        bind(DiscoveryReport.class).toInstance(report);
        for (PartKind kind : PartKind.values()) {
            binder(kind); // an empty map is still a map
        }
        MapBinder<String, Preset> presets = MapBinder.newMapBinder(binder(), String.class, Preset.class);
        MapBinder<String, ObserverFactory> observers = MapBinder.newMapBinder(binder(), String.class,
                ObserverFactory.class);
        for (LoadedPlugin plugin : report.plugins()) {
            for (PartKind kind : PartKind.values()) {
                MapBinder<String, PartFactory> map = binder(kind);
                for (PartFactory f : plugin.factories(kind)) {
                    map.addBinding(f.id()).toInstance(f);
                }
            }
            for (Preset p : plugin.presets()) {
                presets.addBinding(p.id()).toInstance(p);
            }
            for (ObserverFactory o : plugin.observers()) {
                observers.addBinding(o.id()).toInstance(o);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private MapBinder<String, PartFactory> binder(PartKind kind) {
        TypeLiteral<PartFactory> type = (TypeLiteral<PartFactory>) TypeLiteral.get(PartTypes.factoryType(kind));
        return MapBinder.newMapBinder(binder(), TypeLiteral.get(String.class), type);
    }
}
