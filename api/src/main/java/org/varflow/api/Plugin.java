package org.varflow.api;

import java.util.Collection;
import java.util.List;

/**
 * The provider SPI found by {@link java.util.ServiceLoader}: a bag of factories, one getter per part kind, all
 * empty by default, so a plugin overrides only what it provides. List the implementing class in
 * {@code META-INF/services/org.varflow.api.Plugin}.
 *
 * <p>A plugin needs a public no-argument constructor and depends on {@code varflow-api} only.
 */
public interface Plugin {

    /** Unique plugin id, e.g. {@code "varflow-models"}. */
    String id();

    /** Version of the plugin, for provenance; the jar's implementation version by default. */
    default String version() {
        String v = getClass().getPackage() == null ? null : getClass().getPackage().getImplementationVersion();
        return v == null ? "unversioned" : v;
    }

    default Collection<SpaceFactory> spaces() {
        return List.of();
    }

    default Collection<MetricFactory> metrics() {
        return List.of();
    }

    default Collection<EnergyFactory> energies() {
        return List.of();
    }

    default Collection<EntropyFactory> entropies() {
        return List.of();
    }

    default Collection<NoiseFactory> noises() {
        return List.of();
    }

    default Collection<SchemeFactory> schemes() {
        return List.of();
    }

    /** Diagnostics attached automatically to the runs they apply to. */
    default Collection<ObserverFactory> observers() {
        return List.of();
    }

    /** Named compositions (methods). */
    default Collection<Preset> presets() {
        return List.of();
    }
}
