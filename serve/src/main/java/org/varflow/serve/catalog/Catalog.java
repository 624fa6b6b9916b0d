package org.varflow.serve.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.varflow.RunSummary;
import org.varflow.api.FlowSpec;
import org.varflow.api.Parameter;
import org.varflow.api.ParameterType;
import org.varflow.api.Parameters;
import org.varflow.api.PartChoice;
import org.varflow.api.PartFactory;
import org.varflow.api.PartKind;
import org.varflow.api.Preset;
import org.varflow.api.Requirement;
import org.varflow.api.StochasticSchemeFactory;
import org.varflow.core.registry.PartRegistry;

/**
 * The registry as the page and the API show it: presets with their explicit specs, and every part with its summary,
 * formula, supported spaces, declared parameters (type, default, range, meaning) and what it needs of the others.
 * Built once: the registry does not change while the server runs.
 */
public final class Catalog {
    private final PartRegistry registry;
    private final List<Map<String, Object>> presets;
    private final Map<String, Object> parts;

    public Catalog(PartRegistry registry) {
        this.registry = registry;
        this.presets = buildPresets();
        this.parts = buildParts();
    }

    /** {@code GET /api/presets}. */
    public List<Map<String, Object>> presets() {
        return presets;
    }

    /** {@code GET /api/parts}. */
    public Map<String, Object> parts() {
        return parts;
    }

    /**
     * The spec with every part's parameters resolved (defaults included), in spec-file form; parts that are not
     * registered keep the values given.
     */
    public Map<String, Object> explicit(FlowSpec spec) {
        Map<PartKind, PartChoice> resolved = new LinkedHashMap<>();
        for (PartKind kind : PartKind.values()) {
            PartChoice c = spec.part(kind);
            PartFactory<?> f = registry.factories(kind).get(c.id());
            resolved.put(kind, f == null ? c : new PartChoice(c.id(),
                    Parameters.resolve(kind + " '" + c.id() + "'", f.parameters(), c.params()).asMap()));
        }
        return RunSummary.specMap(new FlowSpec(spec.preset(), resolved, spec.steps(), spec.time(), spec.dt(),
                spec.seed(), spec.particles(), spec.every()));
    }

    private List<Map<String, Object>> buildPresets() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Preset p : registry.presets().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("summary", p.summary());
            m.put("equation", p.equation());
            m.put("reducesTo", p.reducesTo());
            m.put("references", p.references());
            Object spec;
            try {
                spec = explicit(p.spec());
            } catch (RuntimeException e) { // a preset whose parts are not all installed: shown, not runnable
                spec = RunSummary.specMap(p.spec());
                m.put("problem", e.getMessage());
            }
            m.put("spec", spec);
            out.add(m);
        }
        return List.copyOf(out);
    }

    private Map<String, Object> buildParts() {
        Map<String, Object> byKind = new LinkedHashMap<>();
        for (PartKind kind : PartKind.values()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (PartFactory<?> f : registry.factories(kind).values()) {
                list.add(describe(f));
            }
            byKind.put(kind.label(), list);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kinds", List.of(PartKind.values()).stream().map(PartKind::label).toList());
        m.put("parts", byKind);
        m.put("rules", List.of(
                "every part supports the space's kind (spaces: [] means any); energies are checked against the base"
                        + " space when the space is built over one (phase space, ensembles, grids)",
                "a noise other than 'none' needs an entropy with a temperature",
                "a flow with noise needs a stochastic scheme (stochastic: true)",
                "each requirement a part declares (requires) holds",
                "POST /api/compatibility with a spec says, slot by slot, which parts fit that spec and why the others"
                        + " do not"));
        return m;
    }

    /** One part: what the page's lists and forms are generated from. */
    Map<String, Object> describe(PartFactory<?> f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("kind", f.kind().label());
        m.put("summary", f.summary());
        m.put("formula", f.formula());
        m.put("spaces", f.spaces().stream().sorted().toList());
        registry.pluginOf(f.kind(), f.id()).ifPresent(p -> m.put("plugin", p.id() + " " + p.version()));
        List<Map<String, Object>> params = new ArrayList<>();
        for (Parameter p : f.parameters()) {
            params.add(parameter(p));
        }
        m.put("parameters", params);
        if (f.kind() == PartKind.SCHEME) {
            m.put("stochastic", f instanceof StochasticSchemeFactory);
        }
        List<Map<String, Object>> needs = new ArrayList<>();
        for (Requirement<?> r : f.requires() == null ? List.<Requirement<?>>of() : f.requires()) {
            needs.add(Map.of("kind", r.kind().label(), "description", r.description()));
        }
        m.put("requires", needs);
        return m;
    }

    static Map<String, Object> parameter(Parameter p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("type", p.type().label());
        m.put("default", p.defaultValue());
        m.put("optional", p.optional());
        boolean numeric = p.type() == ParameterType.REAL || p.type() == ParameterType.INTEGER;
        m.put("min", numeric && p.min() > -Double.MAX_VALUE && p.min() > Long.MIN_VALUE ? p.min() : null);
        m.put("minExclusive", numeric && p.minExclusive());
        m.put("max", numeric && p.max() < Double.MAX_VALUE && p.max() < Long.MAX_VALUE ? p.max() : null);
        m.put("choices", p.choices());
        m.put("meaning", p.meaning());
        m.put("valid", p.validRange());
        return m;
    }
}
