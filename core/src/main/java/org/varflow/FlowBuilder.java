package org.varflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.Entropy;
import org.varflow.api.FlowSpec;
import org.varflow.api.Metric;
import org.varflow.api.Noise;
import org.varflow.api.Observer;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.PartChoice;
import org.varflow.api.PartFactory;
import org.varflow.api.PartKind;
import org.varflow.api.Space;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.core.run.RunControl;

/**
 * Composes one flow, from a preset or from nothing, and runs it. Each part is chosen by its registered id or given
 * as an instance (an energy written as a lambda with {@link Energy#of}, a small class in the caller's project);
 * parameters are set with their declared types and checked as they are set; run length, step, particles, seed and
 * threads are set here too.
 *
 * <pre>{@code
 * RunSummary s = varflow.flow()
 *         .space("euclidean").set(PartKind.SPACE, "dimension", 1L)
 *         .energy("double-well", Energy.of(x -> Math.pow(x[0] * x[0] - 1, 2) / 4,
 *                                          (x, g) -> g[0] = x[0] * (x[0] * x[0] - 1)))
 *         .entropy("boltzmann").set(PartKind.ENTROPY, "beta", 3.0)
 *         .noise("thermal").scheme("euler-maruyama")
 *         .particles(10_000).time(20).dt(0.01).seed(7)
 *         .run();
 * }</pre>
 *
 * <p>Nothing runs until {@link #run()}, {@link #execute()} or {@link #start()}; each of them first builds and checks
 * the whole flow ({@link #build()}), so every configuration mistake is a {@link ConfigurationException} raised
 * before the first step. A builder is not thread-safe; the flows it builds are independent of it and of each other.
 */
public final class FlowBuilder {
    /** Particles a {@link Frame} carries at most, unless {@link #frameParticles(int)} says otherwise. */
    public static final int DEFAULT_FRAME_PARTICLES = 10_000;

    private final Varflow varflow;
    private String preset;
    private final EnumMap<PartKind, PartChoice> parts = new EnumMap<>(PartKind.class);
    private final EnumMap<PartKind, PartFactory<?>> given = new EnumMap<>(PartKind.class);
    private Long steps;
    private Double time;
    private double dt = 0.01;
    private long seed = 1;
    private int particles = 1;
    private Integer every;
    private int threads = Runtime.getRuntime().availableProcessors();
    private RunControl.OnDivergence onDivergence = RunControl.OnDivergence.STOP;
    private final Map<String, Supplier<? extends Observer>> observers = new LinkedHashMap<>();
    private final List<RunListener> listeners = new ArrayList<>();
    private int frameParticles = DEFAULT_FRAME_PARTICLES;
    private Path trajectory;

    FlowBuilder(Varflow varflow, FlowSpec from) {
        this.varflow = varflow;
        if (from == null) {
            parts.put(PartKind.METRIC, PartChoice.of("euclidean"));
            parts.put(PartKind.ENTROPY, PartChoice.of("none"));
            parts.put(PartKind.NOISE, PartChoice.of("none"));
            parts.put(PartKind.SCHEME, PartChoice.of("euler"));
            steps = 1000L;
        } else {
            preset = from.preset();
            parts.putAll(from.parts());
            steps = from.steps();
            time = from.time();
            dt = from.dt();
            seed = from.seed();
            particles = from.particles();
            every = from.every();
        }
    }

    // ----------------------------------------------------------------------------------------------- parts by id

    /** Chooses the part of a slot by its registered id; its parameters start at their defaults. */
    public FlowBuilder part(PartKind kind, String id) {
        Objects.requireNonNull(kind, "kind");
        PartChoice old = parts.get(kind);
        boolean wasGiven = given.remove(kind) != null;
        if (old == null || !old.id().equals(id) || wasGiven) {
            varflow.registry().factory(kind, id); // unknown ids fail here, with the nearest ids
            parts.put(kind, PartChoice.of(id));
        }
        return this;
    }

    /** Chooses the space by id, e.g. {@code "euclidean"}, {@code "ensemble"}, {@code "sphere"}. */
    public FlowBuilder space(String id) {
        return part(PartKind.SPACE, id);
    }

    /** Chooses the metric by id, e.g. {@code "euclidean"}, {@code "fisher"}, {@code "wasserstein"}. */
    public FlowBuilder metric(String id) {
        return part(PartKind.METRIC, id);
    }

    /** Chooses the energy by id, e.g. {@code "double-well"}. */
    public FlowBuilder energy(String id) {
        return part(PartKind.ENERGY, id);
    }

    /** Chooses the entropy by id: {@code "none"}, {@code "boltzmann"}, ... */
    public FlowBuilder entropy(String id) {
        return part(PartKind.ENTROPY, id);
    }

    /** Chooses the noise by id: {@code "none"}, {@code "thermal"}, ... */
    public FlowBuilder noise(String id) {
        return part(PartKind.NOISE, id);
    }

    /** Chooses the scheme by id, e.g. {@code "euler-maruyama"}, {@code "baoab"}. */
    public FlowBuilder scheme(String id) {
        return part(PartKind.SCHEME, id);
    }

    // ------------------------------------------------------------------------------------------ parts as instances

    /**
     * Fills a slot with a factory that is not registered (written in the caller's project, say): it is checked at
     * assembly like a registered one, parameters included, and named by its id in the summary.
     */
    public FlowBuilder part(PartFactory<?> factory) {
        Objects.requireNonNull(factory, "factory");
        PartKind kind = factory.kind();
        if (!kind.type().factoryClass().isInstance(factory)) {
            throw new ConfigurationException("factory '" + factory.id() + "' says it makes a " + kind + " but is not"
                    + " a " + kind.type().factoryClass().getSimpleName());
        }
        given.put(kind, factory);
        parts.put(kind, PartChoice.of(factory.id()));
        return this;
    }

    /** Uses this space, named {@code name} in the summary. */
    public FlowBuilder space(String name, Space space) {
        return part(Instances.space(name, space));
    }

    /** Uses this metric, named {@code name} in the summary. */
    public FlowBuilder metric(String name, Metric metric) {
        return part(Instances.metric(name, metric));
    }

    /** Uses this energy (e.g. {@link Energy#of}), named {@code name} in the summary. */
    public FlowBuilder energy(String name, Energy energy) {
        return part(Instances.energy(name, energy));
    }

    /** Uses this energy, named after its class in the summary. */
    public FlowBuilder energy(Energy energy) {
        return energy(Instances.idOf(energy, "energy"), energy);
    }

    /** Uses this entropy, named {@code name} in the summary. */
    public FlowBuilder entropy(String name, Entropy entropy) {
        return part(Instances.entropy(name, entropy));
    }

    /** Uses this noise, named {@code name} in the summary. */
    public FlowBuilder noise(String name, Noise noise) {
        return part(Instances.noise(name, noise));
    }

    // ------------------------------------------------------------------------------------------------ parameters

    /** Sets a real parameter of the part in a slot, checked against its declared type and range now. */
    public FlowBuilder set(PartKind kind, String name, double value) {
        return setRaw(kind, name, value);
    }

    /** Sets a whole-number parameter. */
    public FlowBuilder set(PartKind kind, String name, long value) {
        return setRaw(kind, name, value);
    }

    /** Sets a yes/no parameter. */
    public FlowBuilder set(PartKind kind, String name, boolean value) {
        return setRaw(kind, name, value);
    }

    /** Sets a word (a choice, a file name, a formula) parameter. */
    public FlowBuilder set(PartKind kind, String name, String value) {
        return setRaw(kind, name, value);
    }

    /** Sets a vector parameter. */
    public FlowBuilder set(PartKind kind, String name, double[] values) {
        return setRaw(kind, name, java.util.Arrays.stream(values).boxed().toList());
    }

    private FlowBuilder setRaw(PartKind kind, String name, Object value) {
        PartChoice choice = parts.get(kind);
        if (choice == null) {
            throw new ConfigurationException("no " + kind + " part is chosen yet; choose one before setting its"
                    + " parameter '" + name + "'");
        }
        PartFactory<?> factory = given.containsKey(kind) ? given.get(kind)
                : varflow.registry().factory(kind, choice.id());
        String label = kind + " '" + factory.id() + "'";
        List<Parameter> declared = factory.parameters() == null ? List.of() : factory.parameters();
        Map<String, Object> merged = new LinkedHashMap<>(choice.params());
        merged.put(name, value);
        Parameters.resolve(label, declared, merged); // unknown names and invalid values fail here
        parts.put(kind, choice.with(name, value));
        return this;
    }

    // ---------------------------------------------------------------------------------------------- how it runs

    /** Runs this many steps (instead of a final time). */
    public FlowBuilder steps(long n) {
        this.steps = n;
        this.time = null;
        return this;
    }

    /** Runs to this final time (steps = time / dt, rounded up). */
    public FlowBuilder time(double t) {
        this.time = t;
        this.steps = null;
        return this;
    }

    /** The step length h. */
    public FlowBuilder dt(double h) {
        this.dt = h;
        return this;
    }

    /** The number N of independent copies run side by side (chains of a sampler, say). */
    public FlowBuilder particles(int n) {
        this.particles = n;
        return this;
    }

    /** The seed of all random streams: the same seed gives the same numbers, whatever the thread count. */
    public FlowBuilder seed(long s) {
        this.seed = s;
        return this;
    }

    /** Observes every k-th step (by default about 1000 observations for one particle, 50 for ensembles). */
    public FlowBuilder every(int k) {
        this.every = k;
        return this;
    }

    /** Worker threads (the machine's cores by default); results do not depend on it. */
    public FlowBuilder threads(int n) {
        if (n < 1) {
            throw new ConfigurationException("threads = " + n + " is not valid; expected a whole number >= 1");
        }
        this.threads = n;
        return this;
    }

    /** What a diverging deterministic run does: stop (the default) or halve dt and retry. */
    public FlowBuilder onDivergence(RunControl.OnDivergence policy) {
        this.onDivergence = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** Writes the per-observation CSV (step, time, energy, free energy, moments) here when the run completes. */
    public FlowBuilder trajectory(Path csv) {
        this.trajectory = csv;
        return this;
    }

    /**
     * Attaches an observer, made fresh for each run by {@code observer}; what it reports appears in the summary under
     * {@code observers.<id>}. If it is a {@link org.varflow.api.StatefulObserver} it survives checkpoints.
     */
    public FlowBuilder observer(String id, Supplier<? extends Observer> observer) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(observer, "observer");
        observers.put(id, observer);
        return this;
    }

    /** Calls {@code listener} with a {@link Frame} at every observation, on the run's thread. */
    public FlowBuilder listener(RunListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** The most particles a {@link Frame} carries (the first ones of the run); {@value #DEFAULT_FRAME_PARTICLES}. */
    public FlowBuilder frameParticles(int max) {
        if (max < 1) {
            throw new ConfigurationException("frame particles = " + max + " is not valid; expected >= 1");
        }
        this.frameParticles = max;
        return this;
    }

    // ------------------------------------------------------------------------------------------------- results

    /** The composition as a spec (given instances appear under their names). */
    public FlowSpec spec() {
        return new FlowSpec(preset, parts, steps, time, dt, seed, particles, every);
    }

    /** Builds and checks every part: what would run, without running it. */
    public AssembledFlow build() {
        return varflow.assemble(spec(), given);
    }

    /** Builds, checks and runs the flow on this thread; returns what it reports. */
    public RunSummary run() {
        return execute().summary();
    }

    /** Builds, checks and runs the flow on this thread; returns its summary, final states and what ran. */
    public Varflow.Outcome execute() {
        AssembledFlow assembled = build();
        return varflow.execute(assembled, control(), trajectory, null, 0, "", null, freshObservers(), frames(null));
    }

    /**
     * Builds and checks the flow on this thread (a configuration mistake is thrown here), then runs it on a thread of
     * its own and returns at once.
     */
    public FlowRun start() {
        AssembledFlow assembled = build();
        RunControl control = control();
        FlowRun run = new FlowRun(control, assembled.spec().stepCount());
        Map<String, Observer> extra = freshObservers();
        List<FrameObserver> frameObservers = frames(run);
        Path csv = trajectory;
        Thread thread = new Thread(() -> {
            try {
                run.complete(varflow.execute(assembled, control, csv, null, 0, "", null, extra, frameObservers), null);
            } catch (RuntimeException | Error e) {
                run.complete(null, e);
            }
        }, "varflow-run");
        thread.setDaemon(true);
        thread.start();
        return run;
    }

    private RunControl control() {
        return new RunControl(threads).onDivergence(onDivergence);
    }

    private Map<String, Observer> freshObservers() {
        Map<String, Observer> made = new LinkedHashMap<>();
        observers.forEach((id, s) -> made.put(id, Objects.requireNonNull(s.get(), () -> "observer '" + id
                + "': its supplier returned null")));
        return made;
    }

    private List<FrameObserver> frames(FlowRun run) {
        List<FrameObserver> out = new ArrayList<>();
        for (RunListener l : listeners) {
            out.add(new FrameObserver(frameParticles, l::onFrame));
        }
        if (run != null) {
            out.add(new FrameObserver(frameParticles, run::offer));
        }
        return out;
    }
}
