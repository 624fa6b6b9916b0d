package org.varflow.core.registry;

import org.varflow.api.io.Excerpt;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Names;
import org.varflow.api.ObserverFactory;
import org.varflow.api.PartFactory;
import org.varflow.api.PartKind;
import org.varflow.api.PartType;
import org.varflow.api.Preset;
import org.varflow.core.discovery.DiscoveryReport;
import org.varflow.core.discovery.LoadedPlugin;

/**
 * Every registered part factory and preset, by kind and id, as discovery accepted them (bound once by
 * {@link PartsModule}). Unknown ids get a message with the nearest registered ids.
 */
public final class PartRegistry {
    private final Map<PartKind, Map<String, PartFactory<?>>> factories = new EnumMap<>(PartKind.class);
    private final Map<String, Preset> presets;
    private final Map<String, ObserverFactory> observers;
    private final DiscoveryReport report;

    /** The registry of what discovery accepted (ids are unique: discovery set duplicates aside). */
    public PartRegistry(DiscoveryReport report) {
        for (PartKind kind : PartKind.values()) {
            Map<String, PartFactory<?>> byId = new TreeMap<>();
            for (LoadedPlugin plugin : report.plugins()) {
                plugin.factories(kind).forEach(f -> byId.put(f.id(), f));
            }
            factories.put(kind, Collections.unmodifiableMap(byId));
        }
        Map<String, Preset> p = new TreeMap<>();
        Map<String, ObserverFactory> o = new TreeMap<>();
        for (LoadedPlugin plugin : report.plugins()) {
            plugin.presets().forEach(x -> p.put(x.id(), x));
            plugin.observers().forEach(x -> o.put(x.id(), x));
        }
        this.presets = Collections.unmodifiableMap(p);
        this.observers = Collections.unmodifiableMap(o);
        this.report = report;
    }

    /** The factories of one kind, sorted by id. */
    public Map<String, PartFactory<?>> factories(PartKind kind) {
        return factories.get(kind);
    }

    /** The factories of one kind, sorted by id and typed by the kind's factory interface. */
    public <F extends PartFactory<P>, P> Map<String, F> factories(PartType<F, P> type) {
        Map<String, F> typed = new TreeMap<>();
        factories.get(type.kind()).forEach((id, f) -> typed.put(id, type.factoryClass().cast(f)));
        return Collections.unmodifiableMap(typed);
    }

    /** The factory with this id, or a {@link ConfigurationException} naming the nearest ids. */
    public PartFactory<?> factory(PartKind kind, String id) {
        PartFactory<?> f = factories.get(kind).get(id);
        if (f == null) {
            throw new ConfigurationException("unknown " + kind + " " + Excerpt.quote(id)
                    + Names.suggestion(id, factories.get(kind).keySet()));
        }
        return f;
    }

    /** The factory of this kind with this id, typed, or a {@link ConfigurationException} naming the nearest ids. */
    public <F extends PartFactory<P>, P> F factory(PartType<F, P> type, String id) {
        return type.factoryClass().cast(factory(type.kind(), id));
    }

    /** The plugins' observer factories, sorted by id. */
    public Map<String, ObserverFactory> observers() {
        return observers;
    }

    /** The presets, sorted by id. */
    public Map<String, Preset> presets() {
        return presets;
    }

    /** The preset with this id, or a {@link ConfigurationException} naming the nearest ids. */
    public Preset preset(String id) {
        Preset p = presets.get(id);
        if (p == null) {
            String tail = Names.suggestion(id, presets.keySet());
            if (findPart(id).isPresent()) {
                tail = "; " + Excerpt.quote(id) + " is a " + findPart(id).get().kind() + ", not a preset" + tail;
            }
            throw new ConfigurationException("unknown preset " + Excerpt.quote(id) + tail);
        }
        return p;
    }

    /** Any part with this id, searching the kinds in order. */
    public Optional<PartFactory<?>> findPart(String id) {
        for (PartKind kind : PartKind.values()) {
            PartFactory<?> f = factories.get(kind).get(id);
            if (f != null) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The plugin that provides a part (for provenance). */
    public Optional<LoadedPlugin> pluginOf(PartKind kind, String id) {
        return report.plugins().stream().filter(p -> p.factories(kind).stream().anyMatch(f -> f.id().equals(id)))
                .findFirst();
    }

    /** What discovery reported. */
    public DiscoveryReport discovery() {
        return report;
    }
}
