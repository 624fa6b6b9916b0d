package org.varflow.core.assembly;

import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.varflow.api.ConfigurationException;
import org.varflow.api.EnergyFactory;
import org.varflow.api.EntropyFactory;
import org.varflow.api.Flow;
import org.varflow.api.FlowSpec;
import org.varflow.api.MetricFactory;
import org.varflow.api.NoiseFactory;
import org.varflow.api.PartChoice;
import org.varflow.api.PartFactory;
import org.varflow.api.PartKind;
import org.varflow.api.Parameters;
import org.varflow.api.Scheme;
import org.varflow.api.SchemeFactory;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;
import org.varflow.core.discovery.LoadedPlugin;
import org.varflow.core.registry.PartRegistry;

/**
 * Turns a {@link FlowSpec} into an {@link AssembledFlow}, checking everything that can be checked before a run:
 * the ids exist, the parameters are valid, every part supports the chosen space, the parts fit together (noise
 * needs a temperature; a deterministic scheme cannot integrate noise) and the starting state is finite. Each
 * failure is one {@link ConfigurationException} naming the clash and what would fit.
 */
public final class FlowAssembler {
    private final PartRegistry registry;

    @Inject
    public FlowAssembler(PartRegistry registry) {
        this.registry = registry;
    }

    /** Resolves, checks and builds the parts of {@code spec}. */
    public AssembledFlow assemble(FlowSpec spec) {
        Map<PartKind, ResolvedPart> resolved = new EnumMap<>(PartKind.class);
        for (PartKind kind : PartKind.values()) {
            PartChoice choice = spec.part(kind);
            PartFactory factory = registry.factory(kind, choice.id());
            String label = kind + " '" + factory.id() + "'";
            Parameters params = Parameters.resolve(label, safeParameters(factory, label), choice.params());
            LoadedPlugin plugin = registry.pluginOf(kind, factory.id()).orElse(null);
            resolved.put(kind, new ResolvedPart(kind, factory, params, plugin == null ? "unknown" : plugin.id(),
                    plugin == null ? "unknown" : plugin.version()));
        }

        ResolvedPart spacePart = resolved.get(PartKind.SPACE);
        Space space = build(spacePart, () -> ((SpaceFactory) spacePart.factory()).create(spacePart.parameters()));
        checkSupport(resolved, space);

        var metric = build(resolved.get(PartKind.METRIC), () -> ((MetricFactory) resolved.get(PartKind.METRIC)
                .factory()).create(resolved.get(PartKind.METRIC).parameters(), space));
        Space energySpace = space.base() == null ? space : space.base();
        var energy = build(resolved.get(PartKind.ENERGY), () -> space.lift(((EnergyFactory) resolved
                .get(PartKind.ENERGY).factory()).create(resolved.get(PartKind.ENERGY).parameters(), energySpace)));
        var entropy = build(resolved.get(PartKind.ENTROPY), () -> ((EntropyFactory) resolved.get(PartKind.ENTROPY)
                .factory()).create(resolved.get(PartKind.ENTROPY).parameters(), space));
        var noise = build(resolved.get(PartKind.NOISE), () -> ((NoiseFactory) resolved.get(PartKind.NOISE)
                .factory()).create(resolved.get(PartKind.NOISE).parameters(), space));
        Scheme scheme = build(resolved.get(PartKind.SCHEME), () -> ((SchemeFactory) resolved.get(PartKind.SCHEME)
                .factory()).create(resolved.get(PartKind.SCHEME).parameters(), space));
        Flow flow = new Flow(space, metric, energy, entropy, noise);

        checkTogether(resolved, flow, scheme);
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

    private void checkTogether(Map<PartKind, ResolvedPart> resolved, Flow flow, Scheme scheme) {
        ResolvedPart noise = resolved.get(PartKind.NOISE);
        ResolvedPart entropy = resolved.get(PartKind.ENTROPY);
        ResolvedPart schemePart = resolved.get(PartKind.SCHEME);
        if (flow.noise().needsTemperature() && flow.entropy().isNone()) {
            throw new ConfigurationException(noise.label() + " takes its temperature from the entropy part, but "
                    + entropy.label() + " has none (beta = infinity), so it would add nothing. Give an entropy with"
                    + " a temperature (e.g. --entropy boltzmann --set entropy.beta=1) or use --noise none");
        }
        if (!flow.isDeterministic() && !((SchemeFactory) schemePart.factory()).acceptsNoise()) {
            List<String> fits = registry.factories(PartKind.SCHEME).keySet().stream()
                    .filter(id -> !id.equals(schemePart.id())).filter(this::acceptsNoise).toList();
            throw new ConfigurationException(schemePart.label() + " is deterministic and cannot integrate "
                    + noise.label() + "; use a stochastic scheme " + fits + " or --noise none");
        }
    }

    private boolean acceptsNoise(String schemeId) {
        return ((SchemeFactory) registry.factory(PartKind.SCHEME, schemeId)).acceptsNoise();
    }

    private static List<org.varflow.api.Parameter> safeParameters(PartFactory f, String label) {
        try {
            List<org.varflow.api.Parameter> p = f.parameters();
            return p == null ? List.of() : p;
        } catch (RuntimeException e) {
            throw new ConfigurationException(label + " could not describe its parameters: " + e.getMessage(), e);
        }
    }

    private static <T> T build(ResolvedPart part, java.util.function.Supplier<T> make) {
        T made;
        try {
            made = make.get();
        } catch (ConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigurationException(part.label() + " could not be built with " + part.parameters() + ": "
                    + e, e);
        }
        if (made == null) {
            throw new ConfigurationException(part.label() + " returned nothing from create(); a bug in plugin "
                    + part.plugin());
        }
        return made;
    }
}
