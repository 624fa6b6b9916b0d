package org.varflow.api;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The typed key of a part kind: which factory interface makes which part, and which getter of a {@link Plugin}
 * provides the factories. Registries and assembly look factories up by a {@code PartType}, so what they get back is
 * already a {@link MetricFactory} (say), with no cast.
 *
 * <pre>{@code
 * MetricFactory f = registry.factory(PartType.METRIC, "sphere");
 * }</pre>
 *
 * <p>{@link PartKind} is the same set of kinds as an enum (for maps, labels and messages); {@link PartKind#type()}
 * and {@link #kind()} go from one to the other.
 *
 * @param <F> the factory interface of the kind
 * @param <P> the part it makes
 */
public final class PartType<F extends PartFactory<P>, P> {
    public static final PartType<SpaceFactory, Space> SPACE =
            new PartType<>(PartKind.SPACE, SpaceFactory.class, Space.class, Plugin::spaces);
    public static final PartType<MetricFactory, Metric> METRIC =
            new PartType<>(PartKind.METRIC, MetricFactory.class, Metric.class, Plugin::metrics);
    public static final PartType<EnergyFactory, Energy> ENERGY =
            new PartType<>(PartKind.ENERGY, EnergyFactory.class, Energy.class, Plugin::energies);
    public static final PartType<EntropyFactory, Entropy> ENTROPY =
            new PartType<>(PartKind.ENTROPY, EntropyFactory.class, Entropy.class, Plugin::entropies);
    public static final PartType<NoiseFactory, Noise> NOISE =
            new PartType<>(PartKind.NOISE, NoiseFactory.class, Noise.class, Plugin::noises);
    public static final PartType<SchemeFactory, Scheme> SCHEME =
            new PartType<>(PartKind.SCHEME, SchemeFactory.class, Scheme.class, Plugin::schemes);

    /** All kinds, in the order of {@link PartKind#values()}. */
    public static final List<PartType<?, ?>> ALL = List.of(SPACE, METRIC, ENERGY, ENTROPY, NOISE, SCHEME);

    private final PartKind kind;
    private final Class<F> factoryClass;
    private final Class<P> partClass;
    private final Function<Plugin, Collection<F>> provided;

    private PartType(PartKind kind, Class<F> factoryClass, Class<P> partClass,
                     Function<Plugin, Collection<F>> provided) {
        this.kind = kind;
        this.factoryClass = factoryClass;
        this.partClass = partClass;
        this.provided = provided;
    }

    /** The kind as an enum constant. */
    public PartKind kind() {
        return kind;
    }

    /** The factory interface, e.g. {@code MetricFactory.class}. */
    public Class<F> factoryClass() {
        return factoryClass;
    }

    /** The part interface, e.g. {@code Metric.class}. */
    public Class<P> partClass() {
        return partClass;
    }

    /** The factories of this kind a plugin provides (never null: a plugin returning null provides none). */
    public Collection<F> providedBy(Plugin plugin) {
        Collection<F> c = provided.apply(Objects.requireNonNull(plugin, "plugin"));
        return c == null ? List.of() : c;
    }

    @Override
    public String toString() {
        return kind.label();
    }
}
