package org.varflow.core.discovery;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.varflow.api.ObserverFactory;
import org.varflow.api.PartFactory;
import org.varflow.api.PartKind;
import org.varflow.api.PartType;
import org.varflow.api.Preset;

/**
 * One plugin as accepted by discovery: its factories and presets, minus any whose id was already taken. Discovery
 * has checked that each factory listed under a kind implements that kind's factory interface.
 *
 * @param id        the plugin id
 * @param version   the plugin version
 * @param source    the jar or directory it was loaded from
 * @param factories accepted factories by part kind
 * @param presets   accepted presets
 * @param observers accepted observer factories
 */
public record LoadedPlugin(String id, String version, String source,
                           Map<PartKind, List<PartFactory<?>>> factories, List<Preset> presets,
                           List<ObserverFactory> observers) {
    public LoadedPlugin {
        Objects.requireNonNull(id, "id");
        Map<PartKind, List<PartFactory<?>>> copy = new EnumMap<>(PartKind.class);
        factories.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        factories = java.util.Collections.unmodifiableMap(copy);
        presets = List.copyOf(presets);
        observers = List.copyOf(observers);
    }

    /** Accepted factories of one kind (empty if none). */
    public List<PartFactory<?>> factories(PartKind kind) {
        return factories.getOrDefault(kind, List.of());
    }

    /** Accepted factories of one kind, typed. */
    public <F extends PartFactory<P>, P> List<F> factories(PartType<F, P> type) {
        return factories(type.kind()).stream().map(type.factoryClass()::cast).toList();
    }
}
