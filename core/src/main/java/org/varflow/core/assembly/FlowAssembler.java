package org.varflow.core.assembly;

import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Entropy;
import org.varflow.api.EntropyFactory;
import org.varflow.api.Flow;
import org.varflow.api.FlowSpec;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.NoNoise;
import org.varflow.api.Noise;
import org.varflow.api.NoiseFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.PartChoice;
import org.varflow.api.PartFactory;
import org.varflow.api.PartKind;
import org.varflow.api.PartType;
import org.varflow.api.Requirement;
import org.varflow.api.Scheme;
import org.varflow.api.SchemeFactory;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;
import org.varflow.api.StochasticSchemeFactory;
import org.varflow.core.discovery.LoadedPlugin;
import org.varflow.core.registry.PartRegistry;

/**
 * Turns a {@link FlowSpec} into an {@link AssembledFlow}, checking everything that can be checked before a run, in
 * one place:
 *
 * <ol>
 *   <li>every id exists and every parameter is valid;</li>
 *   <li>every part supports the chosen space ({@link PartFactory#spaces()}; energies are checked against the base
 *       space when the space is built over one);</li>
 *   <li>each part built is of the type its factory declares ({@link PartFactory#partType()});</li>
 *   <li>the parts fit together: a noise other than {@link NoNoise} needs an entropy with a temperature; a flow
 *       with noise needs a {@link StochasticSchemeFactory}; and every {@link Requirement} a factory declares
 *       holds;</li>
 *   <li>the starting state is finite and the ensemble fits in memory.</li>
 * </ol>
 *
 * Each failure is one {@link ConfigurationException} naming the clash and what would fit. Parts are built in the
 * order space, metric, energy, entropy, noise, and the scheme last, from the whole flow.
 */
public final class FlowAssembler {
    private final PartRegistry registry;

    @Inject
    public FlowAssembler(PartRegistry registry) {
        this.registry = registry;
    }

    /** Resolves, checks and builds the parts of {@code spec}. */
    public AssembledFlow assemble(FlowSpec spec) {
        return assemble(spec, Map.of());
    }

    /**
     * Resolves, checks and builds the parts of {@code spec}, taking the factory of a slot from {@code given} when it
     * holds one (a part passed as an instance from Java, not registered) and from the registry otherwise. Given
     * factories are checked like registered ones.
     */
    public AssembledFlow assemble(FlowSpec spec, Map<PartKind, ? extends PartFactory<?>> given) {
        Map<PartKind, ResolvedPart> resolved = new EnumMap<>(PartKind.class);
        for (PartKind kind : PartKind.values()) {
            PartChoice choice = spec.part(kind);
            PartFactory<?> own = given.get(kind);
            if (own != null && (own.kind() != kind || !kind.type().factoryClass().isInstance(own))) {
                throw new ConfigurationException("the " + kind + " given is a " + own.kind() + " factory");
            }
            PartFactory<?> factory = own != null ? own : registry.factory(kind, choice.id());
            String label = kind + " '" + factory.id() + "'";
            Parameters params = Parameters.resolve(label, safeParameters(factory, label), choice.params());
            LoadedPlugin plugin = own != null ? null : registry.pluginOf(kind, factory.id()).orElse(null);
            String source = own != null ? "java" : plugin == null ? "unknown" : plugin.id();
            String version = own != null ? Runtime.version().toString() : plugin == null ? "unknown"
                    : plugin.version();
            resolved.put(kind, new ResolvedPart(kind, factory, params, source, version));
        }

        ResolvedPart spacePart = resolved.get(PartKind.SPACE);
        SpaceFactory spaceFactory = typed(PartType.SPACE, spacePart);
        Space space = build(spacePart, () -> spaceFactory.create(spacePart.parameters()));
        checkSupport(resolved, space);

        Space energySpace = space.base() == null ? space : space.base();
        MetricFactory metricFactory = typed(PartType.METRIC, resolved.get(PartKind.METRIC));
        EnergyFactory energyFactory = typed(PartType.ENERGY, resolved.get(PartKind.ENERGY));
        EntropyFactory entropyFactory = typed(PartType.ENTROPY, resolved.get(PartKind.ENTROPY));
        NoiseFactory noiseFactory = typed(PartType.NOISE, resolved.get(PartKind.NOISE));
        Metric metric = build(resolved.get(PartKind.METRIC),
                () -> metricFactory.create(resolved.get(PartKind.METRIC).parameters(), space));
        Energy base = build(resolved.get(PartKind.ENERGY),
                () -> energyFactory.create(resolved.get(PartKind.ENERGY).parameters(), energySpace));
        Energy energy = lift(resolved.get(PartKind.ENERGY), space, base);
        Entropy entropy = build(resolved.get(PartKind.ENTROPY),
                () -> entropyFactory.create(resolved.get(PartKind.ENTROPY).parameters(), space));
        Noise noise = build(resolved.get(PartKind.NOISE),
                () -> noiseFactory.create(resolved.get(PartKind.NOISE).parameters(), space));
        Flow flow = new Flow(space, metric, energy, entropy, noise);

        checkTogether(resolved, flow);
        ResolvedPart schemePart = resolved.get(PartKind.SCHEME);
        SchemeFactory schemeFactory = typed(PartType.SCHEME, schemePart);
        Scheme scheme = build(schemePart, () -> schemeFactory.create(schemePart.parameters(), flow));

        double[] x0 = space.initialState();
        if (x0.length != space.dimension()) {
            throw new ConfigurationException(spacePart.label() + ": its initial state has " + x0.length
                    + " coordinates but its dimension is " + space.dimension());
        }
        for (int i = 0; i < x0.length; i++) {
            if (!Double.isFinite(x0[i])) {
                throw new ConfigurationException(spacePart.label() + ": initial coordinate " + space.coordinateName(i)
                        + " = " + x0[i] + " is not finite");
            }
        }
        long cells = (long) spec.particles() * space.dimension();
        if (cells > Integer.MAX_VALUE - 16) {
            throw new ConfigurationException("particles x dimension = " + spec.particles() + " x " + space.dimension()
                    + " = " + cells + " states do not fit in one array (at most " + (Integer.MAX_VALUE - 16) + ")");
        }
        return new AssembledFlow(spec, flow, scheme, resolved);
    }

    /** The factory of a resolved slot as its kind's interface (the registry keyed it by kind, so this holds). */
    private static <F extends PartFactory<P>, P> F typed(PartType<F, P> type, ResolvedPart part) {
        return type.factoryClass().cast(part.factory());
    }

    /**
     * Every part must support the space's kind; the energy is checked against the base space when the space is
     * built over one (energies on R^n lifted to phase space).
     */
    private void checkSupport(Map<PartKind, ResolvedPart> resolved, Space space) {
        for (ResolvedPart part : resolved.values()) {
            if (part.kind() == PartKind.SPACE) {
                continue;
            }
            Space target = part.kind() == PartKind.ENERGY && space.base() != null ? space.base() : space;
            if (!part.factory().supports(target.kind())) {
                List<String> fits = registry.factories(part.kind()).values().stream()
                        .filter(f -> f.supports(target.kind())).map(PartFactory::id).toList();
                throw new ConfigurationException(part.label() + " does not work on space '"
                        + resolved.get(PartKind.SPACE).id() + "' (" + (target == space ? "kind " : "energies on its"
                        + " base, kind ") + target.kind() + "); it supports " + part.factory().spaces() + ". "
                        + part.kind() + " parts that fit: " + fits);
            }
        }
    }

    /** The rules between parts: temperature for noise, a stochastic scheme for noise, and declared requirements. */
    private void checkTogether(Map<PartKind, ResolvedPart> resolved, Flow flow) {
        ResolvedPart noise = resolved.get(PartKind.NOISE);
        ResolvedPart entropy = resolved.get(PartKind.ENTROPY);
        ResolvedPart schemePart = resolved.get(PartKind.SCHEME);
        if (!(flow.noise() instanceof NoNoise) && flow.entropy().isNone()) {
            throw new ConfigurationException(noise.label() + " takes its temperature from the entropy part, but "
                    + entropy.label() + " has none (beta = infinity), so it would add nothing. Give an entropy with"
                    + " a temperature (e.g. entropy 'boltzmann' with beta = 1) or noise 'none'");
        }
        if (!flow.isDeterministic() && !(schemePart.factory() instanceof StochasticSchemeFactory)) {
            List<String> fits = registry.factories(PartType.SCHEME).values().stream()
                    .filter(f -> f instanceof StochasticSchemeFactory).map(PartFactory::id)
                    .filter(id -> !id.equals(schemePart.id())).toList();
            throw new ConfigurationException(schemePart.label() + " is deterministic and cannot integrate "
                    + noise.label() + "; use a stochastic scheme " + fits + " or noise 'none'");
        }
        for (ResolvedPart part : resolved.values()) {
            for (Requirement<?> need : safeRequirements(part)) {
                Object other = partOf(flow, need.kind());
                if (!need.isMetBy(other)) {
                    ResolvedPart otherPart = resolved.get(need.kind());
                    String tail = "";
                    if (need.type() != need.kind().type().partClass()) { // a capability type: name who has it
                        List<String> fits = registry.factories(need.kind()).values().stream()
                                .filter(need::mayBeMetBy).map(PartFactory::id).toList();
                        tail = " " + need.kind() + " parts of that type: " + (fits.isEmpty() ? "none registered"
                                : fits);
                    }
                    throw new ConfigurationException(part.label() + " needs " + need.description() + " as its "
                            + need.kind() + " part; " + otherPart.label() + " is not one." + tail);
                }
            }
        }
    }

    private static Object partOf(Flow flow, PartKind kind) {
        return switch (kind) {
            case SPACE -> flow.space();
            case METRIC -> flow.metric();
            case ENERGY -> flow.energy();
            case ENTROPY -> flow.entropy();
            case NOISE -> flow.noise();
            case SCHEME -> throw new ConfigurationException("a requirement cannot name the scheme slot");
        };
    }

    private static List<Requirement<?>> safeRequirements(ResolvedPart part) {
        try {
            List<Requirement<?>> r = part.factory().requires();
            return r == null ? List.of() : r;
        } catch (RuntimeException e) {
            throw new ConfigurationException(part.label() + " could not describe its requirements: " + e.getMessage(),
                    e);
        }
    }

    private static List<Parameter> safeParameters(PartFactory<?> f, String label) {
        try {
            List<Parameter> p = f.parameters();
            return p == null ? List.of() : p;
        } catch (RuntimeException e) {
            throw new ConfigurationException(label + " could not describe its parameters: " + e.getMessage(), e);
        }
    }

    /** The energy lifted to the space (the identity unless the space is built over a base). */
    private static Energy lift(ResolvedPart part, Space space, Energy base) {
        Energy lifted;
        try {
            lifted = space.lift(base);
        } catch (ConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigurationException(part.label() + " could not be lifted to the space: " + e, e);
        }
        if (lifted == null) {
            throw new ConfigurationException(part.label() + " was lifted to nothing by the space");
        }
        return lifted;
    }

    /**
     * Calls a factory, turning anything but a {@link ConfigurationException} into one that names the part, and
     * checks that the part made has the type the factory declares.
     */
    private static <T> T build(ResolvedPart part, Supplier<T> make) {
        T made;
        try {
            made = make.get();
        } catch (ConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigurationException(part.label() + " could not be built with " + part.parameters() + ": "
                    + e, e);
        } catch (StackOverflowError | LinkageError | AssertionError e) {
            String source = org.varflow.core.discovery.PluginDiscovery.sourceOf(part.factory().getClass());
            throw new org.varflow.api.PartFailureException(part.label() + " (plugin " + part.plugin() + " "
                    + part.pluginVersion() + ", " + org.varflow.api.io.Excerpt.path(source) + ") failed while it was"
                    + " built: " + (e instanceof StackOverflowError ? "StackOverflowError (it called itself without"
                    + " end)" : e.toString()) + ". This is a fault in the part, not in your input: report it to the"
                    + " plugin's authors", part.kind(), part.id(), part.plugin(), source, e);
        }
        if (made == null) {
            throw new ConfigurationException(part.label() + " returned nothing from create(); a bug in plugin "
                    + part.plugin());
        }
        Class<?> declared = part.factory().partType();
        if (!declared.isInstance(made)) {
            throw new ConfigurationException(part.label() + " declares that it makes a " + declared.getSimpleName()
                    + " but made a " + made.getClass().getName() + "; a bug in plugin " + part.plugin());
        }
        return made;
    }
}
