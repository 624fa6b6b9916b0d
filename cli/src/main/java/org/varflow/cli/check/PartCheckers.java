package org.varflow.cli.check;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.varflow.Varflow;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Entropy;
import org.varflow.api.EntropyFactory;
import org.varflow.api.Flow;
import org.varflow.api.FlowSpec;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Noise;
import org.varflow.api.NoiseFactory;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.PartType;
import org.varflow.api.Parameters;
import org.varflow.api.Requirement;
import org.varflow.api.SchemeFactory;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;
import org.varflow.core.registry.PartRegistry;
import org.varflow.testkit.Checks;
import org.varflow.testkit.EnergyChecks;
import org.varflow.testkit.EntropyChecks;
import org.varflow.testkit.MetricChecks;
import org.varflow.testkit.NoiseChecks;
import org.varflow.testkit.Samples;
import org.varflow.testkit.SpaceChecks;
import org.varflow.testkit.TestProblems;

/**
 * Builds the contexts a part is checked in from the registry and runs the check kit there. A context that cannot be
 * built (a part that refuses a space's parameters, a space above the dense checks' limit) is reported through
 * {@code skipped} with the reason, never thrown; when no context at all can be built the caller reports bad input.
 */
public final class PartCheckers {
    /** The largest space dimension the dense checks accept (K and Hessians are d x d). */
    public static final int MAX_DIMENSION = 300;
    /** The largest dimension a noise's sample covariance is estimated in. */
    public static final int MAX_NOISE_DIMENSION = 60;

    private final Varflow varflow;
    private final PartRegistry registry;
    private final CheckOptions options;
    private final Consumer<String> skipped;

    public PartCheckers(Varflow varflow, CheckOptions options, Consumer<String> skipped) {
        this.varflow = varflow;
        this.registry = varflow.registry();
        this.options = options;
        this.skipped = skipped;
    }

    // ---- spaces, metrics and energies of a context ----

    /** The space factories to try: the one given with --space, or every registered one in id order. */
    private List<SpaceFactory> spaceFactories() {
        if (options.space() != null) {
            return List.of(registry.factory(PartType.SPACE, options.space()));
        }
        return new ArrayList<>(registry.factories(PartType.SPACE).values());
    }

    private Space build(SpaceFactory f) {
        Map<String, Object> raw = options.space() != null ? options.spaceSettings() : Map.of();
        return f.create(Parameters.resolve("space '" + f.id() + "'", f.parameters(), raw));
    }

    /** Dimension within the dense checks' limit, else a reason (with the hint to make it smaller). */
    private boolean small(SpaceFactory f, Space s, int limit) {
        if (s.dimension() <= limit) {
            return true;
        }
        skipped.accept("space '" + f.id() + "': dimension " + s.dimension() + " is above " + limit + ", the limit of"
                + " the dense checks; make it smaller with --space " + f.id() + " --set space.NAME=VALUE");
        return false;
    }

    /**
     * Lifts an energy into the space, as assembly does before a run: the one given with --energy, or the first
     * registered energy (in id order) that supports the space and builds with its defaults. Returns the note for the
     * heading, or "" when no energy fits.
     */
    private String liftEnergy(Space s) {
        Space base = s.base() == null ? s : s.base();
        if (options.energy() != null) {
            EnergyFactory f = registry.factory(PartType.ENERGY, options.energy());
            if (!f.supports(base.kind())) {
                throw new ConfigurationException("energy '" + options.energy() + "' does not work on space kind "
                        + base.kind());
            }
            s.lift(f.create(Parameters.resolve("energy '" + f.id() + "'", f.parameters(), Map.of()), base));
            return ", energy '" + f.id() + "'";
        }
        ConfigurationException last = null;
        for (EnergyFactory f : registry.factories(PartType.ENERGY).values()) {
            if (!f.supports(base.kind())) {
                continue;
            }
            try {
                s.lift(f.create(Parameters.resolve("energy '" + f.id() + "'", f.parameters(), Map.of()), base));
                return ", energy '" + f.id() + "'";
            } catch (ConfigurationException e) {
                last = e;
            } catch (RuntimeException e) {
                last = new ConfigurationException("energy '" + f.id() + "': " + e);
            }
        }
        if (last != null) {
            throw last;
        }
        return "";
    }

    /**
     * A metric on the space: the one given with --metric, else one named like the space's kind, else the first that
     * builds.
     */
    private Metric walker(Space s, StringBuilder note) {
        List<MetricFactory> candidates = new ArrayList<>();
        if (options.metric() != null) {
            candidates.add(registry.factory(PartType.METRIC, options.metric()));
        } else {
            MetricFactory same = registry.factories(PartType.METRIC).get(s.kind());
            if (same != null) {
                candidates.add(same);
            }
            candidates.addAll(registry.factories(PartType.METRIC).values());
        }
        for (MetricFactory f : candidates) {
            if (!f.supports(s.kind())) {
                continue;
            }
            try {
                Metric m = f.create(Parameters.resolve("metric '" + f.id() + "'", f.parameters(), Map.of()), s);
                MetricChecks.walk(m, s, options.seed(), 2, 0.3);
                note.append("walk with metric '").append(f.id()).append("'");
                return m;
            } catch (RuntimeException e) {
                // try the next one
            }
        }
        note.append("perturbations of x0");
        return null;
    }

    private static String describe(String kind, String id, SpaceFactory sf, Space s) {
        return kind + " '" + id + "' on space '" + sf.id() + "' (kind " + s.kind() + ", dimension " + s.dimension()
                + ")";
    }

    // ---- one method per kind ----

    public List<CheckContext> space(SpaceFactory factory) {
        Space s = factory.create(Parameters.resolve("space '" + factory.id() + "'", factory.parameters(),
                options.partSettings()));
        if (s.dimension() > MAX_DIMENSION * 10) {
            throw new ConfigurationException("space '" + factory.id() + "' has dimension " + s.dimension()
                    + ", above " + MAX_DIMENSION * 10 + " for the checks; make it smaller with --set NAME=VALUE");
        }
        try {
            liftEnergy(s);
        } catch (ConfigurationException e) {
            // a space whose metrics read the model (statistical-model) is still a space without one
        }
        StringBuilder note = new StringBuilder();
        Metric m = walker(s, note);
        List<double[]> points = Samples.points(s, m, options.points(), options.seed());
        return List.of(new CheckContext("space '" + factory.id() + "' (kind " + s.kind() + ", dimension "
                + s.dimension() + "), " + points.size() + " sample points (" + note + "), seed " + options.seed(),
                SpaceChecks.run(s, points, options.seed())));
    }

    public List<CheckContext> metric(MetricFactory factory) {
        Parameters params = Parameters.resolve("metric '" + factory.id() + "'", factory.parameters(),
                options.partSettings());
        List<CheckContext> out = new ArrayList<>();
        for (SpaceFactory sf : spaceFactories()) {
            Space s;
            Metric metric;
            String energyNote;
            try {
                s = build(sf);
                if (!factory.supports(s.kind()) || !small(sf, s, MAX_DIMENSION)) {
                    continue;
                }
                metric = factory.create(params, s);
                energyNote = liftEnergy(s);
            } catch (ConfigurationException e) {
                skipped.accept("space '" + sf.id() + "': " + e.getMessage());
                continue;
            }
            out.add(new CheckContext(describe("metric", factory.id(), sf, s) + energyNote + ", "
                    + (options.points() + 1) + " sample points, seed " + options.seed(),
                    MetricChecks.run(metric, s, options.points(), options.seed())));
        }
        return out;
    }

    public List<CheckContext> energy(EnergyFactory factory) {
        Parameters params = Parameters.resolve("energy '" + factory.id() + "'", factory.parameters(),
                options.partSettings());
        List<CheckContext> out = new ArrayList<>();
        for (SpaceFactory sf : spaceFactories()) {
            try {
                Space s = build(sf);
                Space base = s.base() == null ? s : s.base();
                if (!factory.supports(base.kind()) || !small(sf, s, MAX_DIMENSION)) {
                    continue;
                }
                Energy energy = s.lift(factory.create(params, base));
                StringBuilder note = new StringBuilder();
                Metric m = walker(s, note);
                List<double[]> points = Samples.points(s, m, Math.min(options.points(), 6), options.seed());
                out.add(new CheckContext(describe("energy", factory.id(), sf, s) + (s.base() != null
                        ? ", lifted from its base (dimension " + base.dimension() + ")" : "") + ", "
                        + points.size() + " sample points (" + note + "), seed " + options.seed(),
                        EnergyChecks.run(energy, points, options.seed())));
            } catch (ConfigurationException e) {
                skipped.accept("space '" + sf.id() + "': " + e.getMessage());
            }
        }
        return out;
    }

    public List<CheckContext> entropy(EntropyFactory factory) {
        Parameters params = Parameters.resolve("entropy '" + factory.id() + "'", factory.parameters(),
                options.partSettings());
        for (SpaceFactory sf : spaceFactories()) {
            try {
                Space s = build(sf);
                if (!factory.supports(s.kind())) {
                    continue;
                }
                Entropy e = factory.create(params, s);
                return List.of(new CheckContext("entropy '" + factory.id() + "' (built for space '" + sf.id()
                        + "')", EntropyChecks.run(e)));
            } catch (ConfigurationException e) {
                skipped.accept("space '" + sf.id() + "': " + e.getMessage());
            }
        }
        return List.of();
    }

    /** The entropy the noise takes its temperature from: --entropy, or boltzmann at its defaults. */
    private Entropy entropyFor(Space s) {
        String id = options.entropy() != null ? options.entropy() : "boltzmann";
        EntropyFactory f = registry.factories(PartType.ENTROPY).get(id);
        if (f == null) {
            if (options.entropy() != null) {
                registry.factory(PartType.ENTROPY, id); // throws, naming the nearest ids
            }
            return () -> 1.0;
        }
        return f.create(Parameters.resolve("entropy '" + id + "'", f.parameters(), Map.of()), s);
    }

    public List<CheckContext> noise(NoiseFactory factory) {
        Parameters params = Parameters.resolve("noise '" + factory.id() + "'", factory.parameters(),
                options.partSettings());
        List<CheckContext> out = new ArrayList<>();
        for (SpaceFactory sf : spaceFactories()) {
            Space s;
            Noise noise;
            Entropy entropy;
            try {
                s = build(sf);
                if (!factory.supports(s.kind()) || !small(sf, s, MAX_NOISE_DIMENSION)) {
                    continue;
                }
                liftEnergy(s);
                noise = factory.create(params, s);
                entropy = entropyFor(s);
            } catch (ConfigurationException e) {
                skipped.accept("space '" + sf.id() + "': " + e.getMessage());
                continue;
            }
            List<MetricFactory> metrics = options.metric() != null
                    ? List.of(registry.factory(PartType.METRIC, options.metric()))
                    : new ArrayList<>(registry.factories(PartType.METRIC).values());
            for (MetricFactory mf : metrics) {
                if (!mf.supports(s.kind())) {
                    continue;
                }
                Metric m;
                try {
                    m = mf.create(Parameters.resolve("metric '" + mf.id() + "'", mf.parameters(), Map.of()), s);
                    double[] x0 = s.initialState();
                    m.sqrtRaise(x0, new double[x0.length], new double[x0.length]);
                } catch (ConfigurationException e) {
                    skipped.accept("space '" + sf.id() + "' with metric '" + mf.id() + "': " + e.getMessage());
                    continue;
                }
                List<double[]> points = Samples.points(s, m, 2, options.seed());
                out.add(new CheckContext("noise '" + factory.id() + "' with metric '" + mf.id() + "' on space '"
                        + sf.id() + "' (kind " + s.kind() + ", dimension " + s.dimension() + "), temperature "
                        + entropy.temperatureAt(0) + " from the entropy, " + points.size() + " sample points",
                        NoiseChecks.run(noise, m, entropy, points, options.seed())));
            }
        }
        return out;
    }

    public List<CheckContext> scheme(SchemeFactory factory) {
        Parameters params = Parameters.resolve("scheme '" + factory.id() + "'", factory.parameters(),
                options.partSettings());
        boolean stochastic = factory.order().strong() > 0 || factory.order().weak() > 0;
        if (options.space() == null) {
            Flow linear = TestProblems.linear();
            if (accepts(factory, params, linear)) {
                return List.of(new CheckContext("scheme '" + factory.id() + "' on the linear test problem (R^2, E ="
                        + " (x1^2 + 4 x2^2)/2, K = I, exact flow)" + (stochastic ? " and Ornstein-Uhlenbeck at T = 1/2"
                        : ""), Checks.scheme(factory, params, linear, TestProblems::linearExact,
                        stochastic && accepts(factory, params, TestProblems.ornsteinUhlenbeck(0.5))
                                ? TestProblems.ornsteinUhlenbeck(0.5) : null)));
            }
            for (double friction : new double[] {0.5, 0}) {
                Flow oscillator = TestProblems.dampedOscillator(friction);
                if (accepts(factory, params, oscillator)) {
                    return List.of(new CheckContext("scheme '" + factory.id() + "' on the damped oscillator (phase"
                            + " space, H = (q^2 + p^2)/2, friction " + friction + ", Runge-Kutta reference)",
                            Checks.scheme(factory, params, oscillator, null, null)));
                }
            }
        }
        // the flow of a preset that uses the scheme (its own space, energy and parameters)
        if (options.space() == null) {
            for (var preset : registry.presets().values()) {
                if (!preset.spec().part(PartKind.SCHEME).id().equals(factory.id())) {
                    continue;
                }
                try {
                    FlowSpec spec = preset.spec().withPart(PartKind.SCHEME, new PartChoice(factory.id(),
                            options.partSettings())).withParticles(1);
                    Flow flow = varflow.assemble(spec).flow();
                    if (accepts(factory, params, flow)) {
                        boolean noisy = !flow.isDeterministic();
                        return List.of(new CheckContext("scheme '" + factory.id() + "' on the flow of preset '"
                                + preset.id() + "' (" + (noisy ? "with noise" : "no noise, Runge-Kutta reference on"
                                + " the drift") + ")", Checks.scheme(factory, params, noisy ? null : flow, null,
                                noisy ? flow : null)));
                    }
                } catch (RuntimeException e) {
                    // the next preset
                }
            }
        }
        // a flow of registered parts on a space the scheme supports: no noise, a quadratic energy if it fits
        for (SpaceFactory sf : spaceFactories()) {
            Space s;
            try {
                s = build(sf);
            } catch (ConfigurationException e) {
                continue;
            }
            if (!factory.supports(s.kind()) || s.dimension() > MAX_DIMENSION * 10) {
                continue;
            }
            Flow flow = registeredFlow(factory, params, sf, s);
            if (flow != null) {
                boolean noisy = !flow.isDeterministic();
                return List.of(new CheckContext("scheme '" + factory.id() + "' on space '" + sf.id() + "' with metric '"
                        + chosen.get(PartKind.METRIC) + "' and energy '" + chosen.get(PartKind.ENERGY) + "' ("
                        + (noisy ? "noise 'thermal' at T = 1" : "no noise, Runge-Kutta reference on the drift") + ")",
                        Checks.scheme(factory, params, noisy ? null : flow, null, noisy ? flow : null)));
            }
        }
        return List.of();
    }

    private final Map<PartKind, String> chosen = new EnumMap<>(PartKind.class);

    /** Whether the scheme's factory takes this flow: its space kind, its requirements, its create. */
    private static boolean accepts(SchemeFactory factory, Parameters params, Flow flow) {
        if (!factory.supports(flow.space().kind())) {
            return false;
        }
        for (Requirement<?> r : factory.requires()) {
            Object part = switch (r.kind()) {
                case SPACE -> flow.space();
                case METRIC -> flow.metric();
                case ENERGY -> flow.energy();
                case ENTROPY -> flow.entropy();
                case NOISE -> flow.noise();
                case SCHEME -> null;
            };
            if (!r.isMetBy(part)) {
                return false;
            }
        }
        try {
            factory.create(params, flow);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A deterministic flow of registered parts the scheme assembles with, or null. */
    private Flow registeredFlow(SchemeFactory factory, Parameters params, SpaceFactory sf, Space s) {
        List<String> energies = new ArrayList<>(List.of("quadratic"));
        energies.addAll(registry.factories(PartType.ENERGY).keySet());
        for (String metric : registry.factories(PartType.METRIC).keySet()) {
            if (!registry.factory(PartType.METRIC, metric).supports(s.kind())) {
                continue;
            }
            for (String energy : energies) {
                EnergyFactory ef = registry.factories(PartType.ENERGY).get(energy);
                Space base = s.base() == null ? s : s.base();
                if (ef == null || !ef.supports(base.kind())) {
                    continue;
                }
                Map<PartKind, PartChoice> parts = new EnumMap<>(PartKind.class);
                parts.put(PartKind.SPACE, new PartChoice(sf.id(), options.space() != null ? options.spaceSettings()
                        : Map.of()));
                parts.put(PartKind.METRIC, PartChoice.of(metric));
                parts.put(PartKind.ENERGY, PartChoice.of(energy));
                parts.put(PartKind.SCHEME, new PartChoice(factory.id(), options.partSettings()));
                // without noise first; a scheme that needs noise (a reverse SDE) gets thermal noise at T = 1
                for (String[] fluctuation : new String[][] {{"none", "none"}, {"boltzmann", "thermal"}}) {
                    parts.put(PartKind.ENTROPY, PartChoice.of(fluctuation[0]));
                    parts.put(PartKind.NOISE, PartChoice.of(fluctuation[1]));
                    try {
                        Flow flow = varflow.assemble(new FlowSpec(null, parts, 10L, null, 0.01, 1L, 1, null)).flow();
                        if (accepts(factory, params, flow)) {
                            chosen.put(PartKind.METRIC, metric);
                            chosen.put(PartKind.ENERGY, energy);
                            chosen.put(PartKind.NOISE, fluctuation[1]);
                            return flow;
                        }
                    } catch (RuntimeException e) {
                        // not this combination
                    }
                }
            }
        }
        return null;
    }
}
