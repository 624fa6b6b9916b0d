package org.varflow;

import com.google.inject.Guice;
import com.google.inject.Injector;
import jakarta.inject.Inject;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.Observer;
import org.varflow.api.PartChoice;
import org.varflow.api.PartFactory;
import org.varflow.api.PartKind;
import org.varflow.api.Plugin;
import org.varflow.api.StatefulObserver;
import org.varflow.api.measure.MeasureBase;
import org.varflow.api.measure.MeasureKinds;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.core.assembly.FlowAssembler;
import org.varflow.core.assembly.ResolvedPart;
import org.varflow.core.checkpoint.Checkpoint;
import org.varflow.core.checkpoint.CheckpointChecks;
import org.varflow.core.discovery.DiscoveryReport;
import org.varflow.core.discovery.PluginDiscovery;
import org.varflow.core.observe.CsvSink;
import org.varflow.core.observe.DissipationMeter;
import org.varflow.core.observe.DissipationObserver;
import org.varflow.core.observe.EnergyObserver;
import org.varflow.core.observe.EnsembleStats;
import org.varflow.core.observe.FreeEnergyObserver;
import org.varflow.core.observe.MomentsObserver;
import org.varflow.core.observe.RunWarnings;
import org.varflow.core.registry.PartRegistry;
import org.varflow.core.registry.PartsModule;
import org.varflow.core.run.FlowRunner;
import org.varflow.core.run.RunControl;
import org.varflow.core.run.RunResult;
import org.varflow.core.spec.SpecFiles;

/**
 * The entry point: the registry of every part the plugins provide, and the way to compose and run flows from
 * them.
 *
 * <pre>{@code
 * Varflow varflow = Varflow.create();                        // every plugin on the classpath
 * RunSummary s = varflow.preset("langevin")                  // or varflow.flow() to start from nothing
 *         .energy("double-well").set(PartKind.ENTROPY, "beta", 4.0)
 *         .particles(20_000).time(10).seed(7)
 *         .run();
 * System.out.println(s.state().covariance(0, 0));
 * }</pre>
 *
 * <p>A mistake (an unknown id, a parameter out of range, parts that do not fit together) is a
 * {@link ConfigurationException} with the same message the command line prints, raised when the flow is built,
 * before it runs; a run that diverges ends in a {@link org.varflow.api.NumericalException}. A {@code Varflow} is
 * immutable and safe to share between threads; each run owns its state.
 *
 * <p>Plugins are found with {@link java.util.ServiceLoader} ({@link #create()}), or given explicitly
 * ({@link #of(Collection)}, {@link #builder()}), e.g. to add a part written in the same project without packaging
 * it as a jar. Guice wires the registry once here; it is not used while flows run.
 */
public final class Varflow {
    /** The version of varflow itself, for provenance. */
    public static final String VERSION = versionOf(Varflow.class);

    private final PartRegistry registry;
    private final FlowAssembler assembler;

    @Inject
    Varflow(PartRegistry registry, FlowAssembler assembler) {
        this.registry = registry;
        this.assembler = assembler;
    }

    /**
     * Every plugin on the context class loader (or this class's loader), found with {@link java.util.ServiceLoader}.
     */
    public static Varflow create() {
        return discover();
    }

    /** The same as {@link #create()}. */
    public static Varflow discover() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return discover(loader == null ? Varflow.class.getClassLoader() : loader);
    }

    /** The plugins visible to {@code loader}. */
    public static Varflow discover(ClassLoader loader) {
        return wire(PluginDiscovery.discover(loader));
    }

    /** Exactly these plugins, without looking at the classpath. */
    public static Varflow of(Collection<? extends Plugin> plugins) {
        return wire(PluginDiscovery.of(plugins));
    }

    /** A builder: discovered plugins, plus plugins given in-process. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds the root injector for a discovery report. */
    public static Varflow wire(DiscoveryReport report) {
        Injector injector = Guice.createInjector(new PartsModule(report));
        return injector.getInstance(Varflow.class);
    }

    /** Every registered part, preset and observer, with what discovery reported. */
    public PartRegistry registry() {
        return registry;
    }

    /** A flow composed from a preset, to change and run. */
    public FlowBuilder preset(String id) {
        return new FlowBuilder(this, registry.preset(id).spec());
    }

    /**
     * A flow composed from nothing: the Euclidean metric, no entropy, no noise and explicit Euler until chosen
     * otherwise; the space and the energy must be given. 1000 steps of 0.01, seed 1, one particle.
     */
    public FlowBuilder flow() {
        return new FlowBuilder(this, null);
    }

    /** A flow composed from a spec (e.g. one read with {@link #readSpec(Path)}). */
    public FlowBuilder flow(FlowSpec spec) {
        return new FlowBuilder(this, spec);
    }

    /** Reads a spec file (JSON or YAML), checking every id and value against the registry. */
    public FlowSpec readSpec(Path file) {
        return SpecFiles.read(file, registry);
    }

    /** Resolves and checks a spec without running it. */
    public AssembledFlow assemble(FlowSpec spec) {
        return assembler.assemble(spec);
    }

    /** Resolves and checks a spec whose slots named in {@code given} are filled by those factories. */
    AssembledFlow assemble(FlowSpec spec, Map<PartKind, PartFactory<?>> given) {
        return assembler.assemble(spec, given);
    }

    /**
     * Assembles and runs {@code spec}.
     *
     * @param csv where to write the per-observation CSV, or null; it appears only if the run completes
     */
    public Outcome run(FlowSpec spec, RunControl control, Path csv) {
        return run(assemble(spec), control, csv);
    }

    /** Runs an already assembled (and checked) flow. */
    public Outcome run(AssembledFlow assembled, RunControl control, Path csv) {
        return run(assembled, control, csv, null, 0);
    }

    /**
     * Runs an assembled flow, writing a {@link Checkpoint} to {@code checkpoint} every {@code checkpointEvery}
     * steps (when {@code checkpoint} is not null). The checkpoint is removed when the run completes.
     */
    public Outcome run(AssembledFlow assembled, RunControl control, Path csv, Path checkpoint, long checkpointEvery) {
        return run(assembled, control, csv, checkpoint, checkpointEvery, UUID.randomUUID().toString());
    }

    /**
     * As {@link #run(AssembledFlow, RunControl, Path, Path, long)}, with the checkpoints carrying {@code runId} (the
     * id a {@link org.varflow.core.output.RunDirectory} records, so that resume can tell its own checkpoint).
     */
    public Outcome run(AssembledFlow assembled, RunControl control, Path csv, Path checkpoint, long checkpointEvery,
                       String runId) {
        return execute(assembled, control, csv, checkpoint, checkpointEvery, runId, null, Map.of(), List.of());
    }

    /**
     * As {@link #run(AssembledFlow, RunControl, Path, Path, long)}, calling each listener with a {@link Frame} (at
     * most {@code frameParticles} particles) at every observation, on the run's thread: e.g. to draw an animation.
     */
    public Outcome run(AssembledFlow assembled, RunControl control, Path csv, Path checkpoint, long checkpointEvery,
                       List<RunListener> listeners, int frameParticles) {
        return run(assembled, control, csv, checkpoint, checkpointEvery, UUID.randomUUID().toString(), listeners,
                frameParticles);
    }

    /**
     * As {@link #run(AssembledFlow, RunControl, Path, Path, long, List, int)}, with the checkpoints carrying
     * {@code runId} (as {@link #run(AssembledFlow, RunControl, Path, Path, long, String)}).
     */
    public Outcome run(AssembledFlow assembled, RunControl control, Path csv, Path checkpoint, long checkpointEvery,
                       String runId, List<RunListener> listeners, int frameParticles) {
        if (frameParticles < 1) {
            throw new ConfigurationException("frame particles = " + frameParticles + " is not valid; expected >= 1");
        }
        List<FrameObserver> frames = new ArrayList<>();
        for (RunListener l : listeners) {
            frames.add(new FrameObserver(frameParticles, l::onFrame));
        }
        return execute(assembled, control, csv, checkpoint, checkpointEvery, runId, null, Map.of(), frames);
    }

    /**
     * Continues the run saved in {@code checkpoint}: same spec, same random streams, same observer state, so the
     * outcome is bitwise-identical to the uninterrupted run (the wall time aside). Keeps checkpointing there every
     * {@code checkpointEvery} steps if that is positive. A checkpoint that was damaged or edited, or does not fit the
     * run its spec describes, is refused with a {@link ConfigurationException} naming what did not match.
     */
    public Outcome resume(Path checkpoint, RunControl control, Path csv, long checkpointEvery) {
        return resume(Checkpoint.read(checkpoint), checkpoint, control, csv, checkpointEvery);
    }

    /** Continues a checkpoint already read (and checked by the caller against what it expects) from {@code file}. */
    public Outcome resume(Checkpoint saved, Path file, RunControl control, Path csv, long checkpointEvery) {
        return resume(saved, assembleRecorded(saved, file), file, control, csv, checkpointEvery);
    }

    /** Continues a checkpoint whose flow {@link #assembleRecorded} assembled. */
    public Outcome resume(Checkpoint saved, AssembledFlow assembled, Path file, RunControl control, Path csv,
                          long checkpointEvery) {
        return execute(assembled, control, csv, file, checkpointEvery, saved.runId(), saved, Map.of(), List.of());
    }

    /**
     * The flow a checkpoint records, assembled and checked: its spec must read back as itself, and the checkpoint's
     * sizes, step length, step count and time must fit it ({@link CheckpointChecks}).
     */
    public AssembledFlow assembleRecorded(Checkpoint saved, Path file) {
        String name = "checkpoint " + org.varflow.api.io.Excerpt.path(file.toString());
        FlowSpec spec = SpecFiles.parse(name + " (recorded spec)", saved.specJson(), false, registry, null);
        AssembledFlow assembled = assemble(spec);
        if (!specJson(assembled).equals(saved.specJson())) {
            throw new ConfigurationException(name + " does not fit: its recorded spec does not read back as the"
                    + " same spec (a part or parameter changed meaning); it cannot be resumed");
        }
        CheckpointChecks.against(saved, assembled, name);
        return assembled;
    }

    /** The spec of an assembled flow as checkpoints record it (JSON, every parameter explicit). */
    public static String specJson(AssembledFlow assembled) {
        return json(explicitSpec(assembled));
    }

    /**
     * Runs with the standard observers (energy, free energy, dissipation, moments), the plugins' observers that
     * apply, the caller's {@code extra} observers (reported under their ids) and {@code listeners}, which see every
     * observation after the others.
     */
    Outcome execute(AssembledFlow assembled, RunControl control, Path csv, Path checkpoint, long checkpointEvery,
                    String runId, Checkpoint resume, Map<String, Observer> extra, List<FrameObserver> listeners) {
        EnsembleStats stats = new EnsembleStats(assembled.flow().dimension());
        EnergyObserver energy = new EnergyObserver(stats);
        FreeEnergyObserver free = new FreeEnergyObserver(stats);
        boolean metered = DissipationMeter.applies(assembled);
        DissipationObserver dissipation = new DissipationObserver(stats, metered
                ? DissipationMeter.offset(assembled.scheme(), assembled.flow()) : -1,
                DissipationMeter.certifies(assembled));
        MomentsObserver moments = new MomentsObserver(stats);
        List<Observer> observers = new ArrayList<>(List.of(energy, free, dissipation, moments));
        Map<String, Observer> contributed = new LinkedHashMap<>();
        for (var factory : registry.observers().values()) {
            if (factory.appliesTo(assembled.flow())) {
                contributed.put(factory.id(), factory.create(assembled.flow()));
            }
        }
        extra.forEach((id, o) -> {
            if (contributed.containsKey(id)) {
                throw new ConfigurationException("observer id '" + id + "' is taken by a registered observer;"
                        + " give yours another id");
            }
            contributed.put(id, o);
        });
        observers.addAll(contributed.values());
        for (FrameObserver l : listeners) {
            l.bind(energy, free);
        }
        observers.addAll(listeners);
        CsvSink sink = csv == null ? null : new CsvSink(csv, stats, free);
        try {
            if (sink != null) {
                observers.add(sink);
            }
            List<StatefulObserver> stateful = observers.stream().filter(StatefulObserver.class::isInstance)
                    .map(StatefulObserver.class::cast).toList();
            if (checkpoint != null && checkpointEvery > 0) {
                String specJson = specJson(assembled);
                var also = control.checkpointer(); // e.g. a test's: called after the file is safely written
                control.checkpointEvery(checkpointEvery, state -> {
                    new Checkpoint(runId, specJson, state, saveAll(stateful)).write(checkpoint);
                    if (also != null) {
                        also.accept(state);
                    }
                });
            }
            Runnable restore = resume == null ? null : () -> restoreAll(stateful, resume);
            AssembledFlow running = metered ? new AssembledFlow(assembled.spec(), assembled.flow(),
                    new DissipationMeter(assembled.scheme(), assembled.spec().every() != null ? assembled.spec().every()
                    : FlowRunner.automaticInterval(assembled.spec().stepCount(), assembled.spec().particles())),
                    assembled.parts()) : assembled;
            RunResult result = new FlowRunner().run(running, observers, control,
                    resume == null ? null : resume.state(), restore);
            if (sink != null) {
                sink.commit();
            }
            if (checkpoint != null && !result.stopped()) {
                deleteQuietly(checkpoint);
            }
            Map<String, Report> reports = new LinkedHashMap<>();
            contributed.forEach((id, o) -> reports.put(id, new Report(o.summary())));
            FreeEnergy f = freeEnergy(free, reports.get(FREE_ENERGY_OBSERVER));
            RunSummary summary = new RunSummary(explicit(assembled), result.stepsTaken(), result.time(),
                    energy.energy(), energy.initialEnergy(), f.value(), f.initial(), f.method(),
                    new RunSummary.State(moments.mean(), moments.covariance(), moments.singleParticle(),
                            moments.covarianceOmitted()), new RunSummary.Diagnostics(result.allFinite(),
                    result.constraintViolations() < 0 ? OptionalLong.empty()
                            : OptionalLong.of(result.constraintViolations()), dissipation.reportedViolation(),
                    dissipation.intervalsChecked(), energy.increases(), result.stopped(), energy.drift()),
                    new Report(result.schemeStatistics()), provenance(assembled), result.wallSeconds(), reports,
                    lawParticles(assembled),
                    RunWarnings.of(assembled, result, energy.energy(), energy.initialEnergy()));
            return new Outcome(assembled, result, summary);
        } finally {
            if (sink != null) {
                sink.close();
            }
        }
    }

    /** The id of the observer that measure plugins report the free energy of a whole measure under. */
    static final String FREE_ENERGY_OBSERVER = "free-energy";

    private record FreeEnergy(double value, double initial, String method) {
    }

    /**
     * The free energy the summary reports: the standard observer's where it is defined; where it is not (one state
     * that is a whole measure: a grid density, an ensemble) the one a {@code free-energy} observer computed for that
     * measure (exact quadrature on grids, an entropy estimate for ensembles), with its method named.
     */
    private static FreeEnergy freeEnergy(FreeEnergyObserver standard, Report measure) {
        if (Double.isFinite(standard.freeEnergy()) || measure == null || !(measure.entries().get("final")
                instanceof Number last) || !Double.isFinite(last.doubleValue())) {
            return new FreeEnergy(standard.freeEnergy(), standard.initialFreeEnergy(), standard.method());
        }
        double initial = measure.entries().get("initial") instanceof Number n ? n.doubleValue() : Double.NaN;
        Object how = measure.entries().get("method");
        return new FreeEnergy(last.doubleValue(), initial, (how == null ? "measure" : how) + " (observer "
                + FREE_ENERGY_OBSERVER + ", per unit mass)");
    }

    /**
     * How many particles the run's law is made of: the spec's particles, times N when one state is itself an
     * ensemble of N points (a space over a {@link MeasureBase} of kind {@value MeasureKinds#ENSEMBLE}).
     */
    public static int lawParticles(AssembledFlow assembled) {
        var space = assembled.flow().space();
        int copies = assembled.spec().particles();
        if (space.base() instanceof MeasureBase base && MeasureKinds.ENSEMBLE.equals(base.measureKind())
                && base.dimension() > 0 && space.dimension() % base.dimension() == 0) {
            long n = (long) copies * (space.dimension() / base.dimension());
            return (int) Math.min(Integer.MAX_VALUE, n);
        }
        return copies;
    }

    private static RunSummary.Provenance provenance(AssembledFlow assembled) {
        Map<String, String> plugins = new LinkedHashMap<>();
        for (PartKind kind : PartKind.values()) {
            ResolvedPart p = assembled.part(kind);
            plugins.put(p.plugin(), p.pluginVersion());
        }
        return new RunSummary.Provenance(VERSION, plugins);
    }

    private static List<byte[]> saveAll(List<StatefulObserver> observers) {
        List<byte[]> out = new ArrayList<>();
        try {
            for (StatefulObserver o : observers) {
                var buffer = Checkpoint.buffer();
                try (var data = new DataOutputStream(buffer)) {
                    o.save(data);
                }
                out.add(buffer.toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save observer state: " + e.getMessage(), e);
        }
        return out;
    }

    private static void restoreAll(List<StatefulObserver> observers, Checkpoint saved) {
        if (saved.observers().size() != observers.size()) {
            throw new ConfigurationException("the checkpoint holds " + saved.observers().size()
                    + " observer states but this run has " + observers.size() + " (was it written with a CSV"
                    + " trajectory, and is it resumed with the same outputs?)");
        }
        try {
            for (int i = 0; i < observers.size(); i++) {
                observers.get(i).restore(Checkpoint.input(saved.observers().get(i)));
            }
        } catch (IOException e) {
            throw new ConfigurationException("the checkpoint's observer state is damaged: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale checkpoint is harmless: resume refuses a finished run's state only if its spec differs
        }
    }

    private static String json(Map<String, Object> map) {
        return org.varflow.core.output.JsonText.compact(map);
    }

    /** The spec of an assembled flow with every resolved parameter explicit. */
    public static FlowSpec explicit(AssembledFlow assembled) {
        Map<PartKind, PartChoice> parts = new EnumMap<>(PartKind.class);
        for (PartKind kind : PartKind.values()) {
            ResolvedPart p = assembled.part(kind);
            parts.put(kind, new PartChoice(p.id(), p.parameters().asMap()));
        }
        FlowSpec s = assembled.spec();
        return new FlowSpec(s.preset(), parts, s.steps(), s.time(), s.dt(), s.seed(), s.particles(), s.every());
    }

    /**
     * The spec of an assembled flow in spec-file form with every resolved parameter explicit: the summary's
     * {@code spec} block, what checkpoints record and what {@code varflow spec --example} prints.
     */
    public static Map<String, Object> explicitSpec(AssembledFlow assembled) {
        return RunSummary.specMap(explicit(assembled));
    }

    private static String versionOf(Class<?> c) {
        Package p = c.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    /**
     * A finished run.
     *
     * @param assembled what ran
     * @param result    the final states and timing
     * @param summary   what it reports
     */
    public record Outcome(AssembledFlow assembled, RunResult result, RunSummary summary) {
    }

    /** Which plugins a {@link Varflow} uses: discovered ones (unless switched off) and plugins given here. */
    public static final class Builder {
        private final List<Plugin> plugins = new ArrayList<>();
        private boolean discover = true;
        private ClassLoader loader;

        private Builder() {
        }

        /** Whether to look for plugins with {@link java.util.ServiceLoader} (true by default). */
        public Builder discover(boolean on) {
            this.discover = on;
            return this;
        }

        /** The class loader to discover plugins on (the context class loader by default). */
        public Builder classLoader(ClassLoader classLoader) {
            this.loader = classLoader;
            return this;
        }

        /** Adds plugins in-process, e.g. one whose parts are written in the same project. */
        public Builder plugin(Plugin... more) {
            plugins.addAll(List.of(more));
            return this;
        }

        /**
         * The registry of the discovered and given plugins. Ids must be unique across both; a duplicate is set
         * aside with a warning, as in discovery.
         */
        public Varflow build() {
            if (!discover) {
                return of(plugins);
            }
            ClassLoader l = loader != null ? loader : Thread.currentThread().getContextClassLoader();
            return wire(PluginDiscovery.discover(l == null ? Varflow.class.getClassLoader() : l, plugins));
        }
    }
}
