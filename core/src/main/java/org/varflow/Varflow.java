package org.varflow;

import com.google.inject.Guice;
import com.google.inject.Injector;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.varflow.api.FlowSpec;
import org.varflow.api.Observer;
import org.varflow.api.PartKind;
import org.varflow.api.Plugin;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.core.assembly.FlowAssembler;
import org.varflow.core.assembly.ResolvedPart;
import org.varflow.core.discovery.DiscoveryReport;
import org.varflow.core.discovery.PluginDiscovery;
import org.varflow.core.observe.CsvSink;
import org.varflow.core.observe.DissipationObserver;
import org.varflow.core.observe.EnergyObserver;
import org.varflow.core.observe.EnsembleStats;
import org.varflow.core.observe.FreeEnergyObserver;
import org.varflow.core.observe.MomentsObserver;
import org.varflow.api.StatefulObserver;
import org.varflow.core.observe.Summaries;
import org.varflow.core.checkpoint.Checkpoint;
import org.varflow.core.spec.SpecFiles;
import org.varflow.core.registry.PartRegistry;
import org.varflow.core.registry.PartsModule;
import org.varflow.core.run.FlowRunner;
import org.varflow.core.run.RunControl;
import org.varflow.core.run.RunResult;

/**
 * The entry point for Java users: discover plugins, assemble a {@link FlowSpec} and run it with the standard
 * observers (energy, free energy, dissipation check, moments, optional CSV), returning the result and the JSON
 * summary as a map.
 *
 * <pre>{@code
 * Varflow varflow = Varflow.discover();
 * FlowSpec spec = varflow.registry().preset("langevin").spec().withSeed(7);
 * Varflow.Outcome out = varflow.run(spec, RunControl.defaults(), null);
 * }</pre>
 */
public final class Varflow {
    /** The version of varflow itself, for provenance. */
    public static final String VERSION = versionOf(Varflow.class);

    private final PartRegistry registry;
    private final FlowAssembler assembler;

    @Inject
    public Varflow(PartRegistry registry, FlowAssembler assembler) {
        this.registry = registry;
        this.assembler = assembler;
    }

    /** Discovers plugins on the context class loader (or this class's loader) and wires the registry. */
    public static Varflow discover() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return discover(loader == null ? Varflow.class.getClassLoader() : loader);
    }

    /** Discovers plugins visible to {@code loader}. */
    public static Varflow discover(ClassLoader loader) {
        return wire(PluginDiscovery.discover(loader));
    }

    /** Uses exactly these plugins, without looking at the classpath. */
    public static Varflow of(Collection<? extends Plugin> plugins) {
        return wire(PluginDiscovery.of(plugins));
    }

    /** Builds the root injector for a discovery report. */
    public static Varflow wire(DiscoveryReport report) {
        Injector injector = Guice.createInjector(new PartsModule(report));
        return injector.getInstance(Varflow.class);
    }

    public PartRegistry registry() {
        return registry;
    }

    /** Resolves and checks a spec without running it. */
    public AssembledFlow assemble(FlowSpec spec) {
        return assembler.assemble(spec);
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
        return execute(assembled, control, csv, checkpoint, checkpointEvery, null);
    }

    /**
     * Continues the run saved in {@code checkpoint}: same spec, same random streams, same observer state, so the
     * outcome is bitwise-identical to the uninterrupted run (the wall time aside). Keeps checkpointing there every
     * {@code checkpointEvery} steps if that is positive.
     */
    public Outcome resume(Path checkpoint, RunControl control, Path csv, long checkpointEvery) {
        Checkpoint saved = Checkpoint.read(checkpoint);
        FlowSpec spec = SpecFiles.parse(checkpoint + " (recorded spec)", saved.specJson(), false, registry, null);
        return execute(assemble(spec), control, csv, checkpoint, checkpointEvery, saved);
    }

    private Outcome execute(AssembledFlow assembled, RunControl control, Path csv, Path checkpoint,
                            long checkpointEvery, Checkpoint resume) {
        EnsembleStats stats = new EnsembleStats(assembled.flow().dimension());
        EnergyObserver energy = new EnergyObserver(stats);
        FreeEnergyObserver free = new FreeEnergyObserver(stats);
        DissipationObserver dissipation = new DissipationObserver(stats);
        MomentsObserver moments = new MomentsObserver(stats);
        List<Observer> observers = new ArrayList<>(List.of(energy, free, dissipation, moments));
        Map<String, Observer> contributed = new LinkedHashMap<>();
        for (var factory : registry.observers().values()) {
            if (factory.appliesTo(assembled.flow())) {
                contributed.put(factory.id(), factory.create(assembled.flow()));
            }
        }
        observers.addAll(contributed.values());
        CsvSink sink = csv == null ? null : new CsvSink(csv, stats, free);
        try {
            if (sink != null) {
                observers.add(sink);
            }
            List<StatefulObserver> stateful = observers.stream().filter(StatefulObserver.class::isInstance)
                    .map(StatefulObserver.class::cast).toList();
            if (checkpoint != null && checkpointEvery > 0) {
                String specJson = json(explicitSpec(assembled));
                var also = control.checkpointer(); // e.g. a test's: called after the file is safely written
                control.checkpointEvery(checkpointEvery, state -> {
                    new Checkpoint(specJson, state, saveAll(stateful)).write(checkpoint);
                    if (also != null) {
                        also.accept(state);
                    }
                });
            }
            Runnable restore = resume == null ? null : () -> restoreAll(stateful, resume);
            RunResult result = new FlowRunner().run(assembled, observers, control,
                    resume == null ? null : resume.state(), restore);
            if (sink != null) {
                sink.commit();
            }
            if (checkpoint != null && !result.stopped()) {
                deleteQuietly(checkpoint);
            }
            Map<String, Object> summary = summary(assembled, result, energy, free, dissipation, moments);
            if (!contributed.isEmpty()) {
                Map<String, Object> reports = new LinkedHashMap<>();
                contributed.forEach((id, o) -> reports.put(id, o.summary()));
                summary.put("observers", reports);
            }
            return new Outcome(assembled, result, summary);
        } finally {
            if (sink != null) {
                sink.close();
            }
        }
    }

    private static List<byte[]> saveAll(List<StatefulObserver> observers) {
        List<byte[]> out = new ArrayList<>();
        try {
            for (StatefulObserver o : observers) {
                var buffer = Checkpoint.buffer();
                try (var data = new java.io.DataOutputStream(buffer)) {
                    o.save(data);
                }
                out.add(buffer.toByteArray());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot save observer state: " + e.getMessage(), e);
        }
        return out;
    }

    private static void restoreAll(List<StatefulObserver> observers, Checkpoint saved) {
        if (saved.observers().size() != observers.size()) {
            throw new org.varflow.api.ConfigurationException("the checkpoint holds " + saved.observers().size()
                    + " observer states but this run has " + observers.size() + " (was it written with a CSV trajectory,"
                    + " and is it resumed with the same outputs?)");
        }
        try {
            for (int i = 0; i < observers.size(); i++) {
                observers.get(i).restore(Checkpoint.input(saved.observers().get(i)));
            }
        } catch (java.io.IOException e) {
            throw new org.varflow.api.ConfigurationException("the checkpoint's observer state is damaged: "
                    + e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (java.io.IOException ignored) {
            // a stale checkpoint is harmless: resume refuses a finished run's state only if its spec differs
        }
    }

    private static String json(Map<String, Object> map) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(map);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The spec of an assembled flow in spec-file form with every resolved parameter explicit: the summary's
     * {@code spec} block, what checkpoints record and what {@code varflow spec --example} prints.
     */
    public static Map<String, Object> explicitSpec(AssembledFlow assembled) {
        Map<String, Object> parts = new LinkedHashMap<>();
        for (PartKind kind : PartKind.values()) {
            ResolvedPart p = assembled.part(kind);
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("id", p.id());
            part.put("params", p.parameters().asMap());
            parts.put(kind.label(), part);
        }
        return specOf(assembled.spec(), parts);
    }

    private static Map<String, Object> summary(AssembledFlow assembled, RunResult result, EnergyObserver energy,
                                               FreeEnergyObserver free, DissipationObserver dissipation,
                                               MomentsObserver moments) {
        FlowSpec spec = assembled.spec();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preset", spec.preset());
        Map<String, Object> parts = new LinkedHashMap<>();
        for (PartKind kind : PartKind.values()) {
            ResolvedPart p = assembled.part(kind);
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("id", p.id());
            part.put("params", p.parameters().asMap());
            parts.put(kind.label(), part);
        }
        m.put("parts", parts);
        m.put("steps", result.stepsTaken());
        m.put("dt", spec.dt());
        m.put("seed", spec.seed());
        m.put("particles", spec.particles());
        m.put("time", result.time());
        m.putAll(energy.summary());
        m.putAll(free.summary());
        m.putAll(moments.summary());
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        boolean finite = isFinite(result.states());
        diagnostics.put("finite", finite);
        diagnostics.putAll(dissipation.summary());
        diagnostics.put("energyIncreases", energy.summary().get("energyIncreases"));
        diagnostics.put("stoppedEarly", result.stopped());
        m.put("diagnostics", diagnostics);
        if (!result.schemeStatistics().isEmpty()) {
            m.put("scheme", result.schemeStatistics());
        }
        m.remove("energyIncreases");
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("varflow", VERSION);
        Map<String, Object> plugins = new LinkedHashMap<>();
        for (PartKind kind : PartKind.values()) {
            ResolvedPart p = assembled.part(kind);
            plugins.put(p.plugin(), p.pluginVersion());
        }
        provenance.put("plugins", plugins);
        m.put("provenance", provenance);
        m.put("spec", specOf(spec, parts));
        m.put("wallSeconds", Summaries.number(result.wallSeconds()));
        return m;
    }

    /**
     * The run's spec in spec-file form with every parameter explicit, so that {@code varflow run --spec} on a
     * summary file repeats the run.
     */
    private static Map<String, Object> specOf(FlowSpec spec, Map<String, Object> parts) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (spec.preset() != null) {
            m.put("preset", spec.preset());
        }
        m.put("parts", parts);
        if (spec.steps() != null) {
            m.put("steps", spec.steps());
        } else {
            m.put("time", spec.time());
        }
        m.put("dt", spec.dt());
        m.put("seed", spec.seed());
        m.put("particles", spec.particles());
        if (spec.every() != null) {
            m.put("every", spec.every());
        }
        return m;
    }

    private static boolean isFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
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
     * @param summary   the JSON summary as an ordered map
     */
    public record Outcome(AssembledFlow assembled, RunResult result, Map<String, Object> summary) {
    }
}
