package org.varflow.core.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.varflow.api.ConstrainedSpace;
import org.varflow.api.Flow;
import org.varflow.api.NumericalException;
import org.varflow.api.Observer;
import org.varflow.api.PartKind;
import org.varflow.api.RunInfo;
import org.varflow.api.Scheme;
import org.varflow.api.Snapshot;
import org.varflow.api.StepContext;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.core.random.BlockStreams;

/**
 * Runs an assembled flow: N independent copies (particles) split into fixed blocks of {@value #BLOCK_SIZE}, each
 * block with its own stepper (scratch) and its own random stream, stepped in parallel. Within a block the loop is
 * step-major (all particles advance one step, then the next), so the random numbers a particle receives depend
 * only on the seed and its block, not on the thread count nor on how often observers look. For the same reason a run
 * can step a {@link ParticleSlice} of its particles alone ({@link RunControl#slice}): block b of the whole run keeps
 * its stream, so the slices of a split reproduce the whole run particle by particle (sharded ensembles). A run with a
 * single block (one state: an ensemble, a grid density) hands its threads to the parts that split their own work
 * instead ({@link org.varflow.api.SplitsWork}, with a partition fixed independently of the thread count).
 *
 * <p>After every step each state is checked: a coordinate that is NaN, infinite or above 1e154 in magnitude
 * (its square would overflow) stops the run with a {@link NumericalException} naming the step, the time, the
 * particle, the part to blame and a stable dt to try ({@link DivergenceReport}). On a {@link ConstrainedSpace} a
 * state outside the space (a sphere left, a negative rate) stops the run the same way, naming the coordinate; other
 * spaces are not asked. A part that throws anything else stops it with a
 * {@link org.varflow.api.PartFailureException} naming the part, its plugin and jar ({@link PartBlame}).
 * With {@link RunControl.OnDivergence#HALVE} the run goes back to the last state that passed the checks
 * ({@link GoodState}) and halves dt.
 */
public final class FlowRunner {
    /** Particles per block; part of the reproducibility contract (changing it changes random streams). */
    public static final int BLOCK_SIZE = 256;
    /** Most halvings of dt allowed by {@link RunControl.OnDivergence#HALVE}. */
    public static final int MAX_HALVINGS = 20;
    /** Records an automatic observation interval aims for (one particle). */
    public static final int TARGET_RECORDS = 1000;
    /** Records an automatic observation interval aims for (ensembles). */
    public static final int TARGET_ENSEMBLE_RECORDS = 50;
    private static final double OVERFLOW = 1e154;
    /** Coordinates a block steps in place between its checks (a run of whole particles): a few kB, in L1. */
    private static final int RUN_VALUES = 1024;
    /**
     * The states of the run being stepped in place, to put back for a replay: one array per thread, shared by the
     * blocks (a thread steps one block at a time; 10^7 particles make some 40 000 blocks).
     */
    private static final ThreadLocal<double[]> RUN_START = new ThreadLocal<>();

    /** Runs {@code assembled}, calling {@code observers} at step 0, every {@code every} steps and at the end. */
    public RunResult run(AssembledFlow assembled, List<? extends Observer> observers, RunControl control) {
        return run(assembled, observers, control, null, null);
    }

    /**
     * Runs {@code assembled}, or continues it from {@code resume} (a {@link RunState} handed to a checkpointer by an
     * earlier run of the same spec). {@code restoreObservers} is called after the observers' {@code start}, to bring
     * them back to the checkpoint's step.
     */
    public RunResult run(AssembledFlow assembled, List<? extends Observer> observers, RunControl control,
                         RunState resume, Runnable restoreObservers) {
        long start = System.nanoTime();
        var spec = assembled.spec();
        Flow flow = assembled.flow();
        ParticleSlice slice = control.slice() != null ? control.slice() : new ParticleSlice(0, spec.particles());
        slice.checkFits(spec.particles());
        if (control.slice() != null && control.checkpointEvery() > 0) {
            throw new org.varflow.api.ConfigurationException("checkpoints cover whole runs; a run of particles ["
                    + slice.from() + ", " + slice.to() + ") cannot take them");
        }
        int n = slice.size();
        int d = flow.dimension();
        long planned = spec.stepCount();
        double endTime = planned * spec.dt();
        int every = spec.every() != null ? spec.every() : automaticInterval(planned, spec.particles());
        boolean halve = control.onDivergence() == RunControl.OnDivergence.HALVE;
        if (halve && !flow.isDeterministic()) {
            throw new org.varflow.api.ConfigurationException("divergence policy 'halve' retries steps, which only"
                    + " deterministic flows allow; this flow has noise '" + assembled.part(PartKind.NOISE).id()
                    + "'. Use the policy 'stop', or a smaller dt");
        }

        double[] states = new double[n * d];
        int blockCount = (n + BLOCK_SIZE - 1) / BLOCK_SIZE;
        Block[] blocks = new Block[blockCount];
        for (int b = 0; b < blockCount; b++) {
            blocks[b] = new Block(assembled, states, b * BLOCK_SIZE, Math.min(n, (b + 1) * BLOCK_SIZE), d,
                    BlockStreams.forBlock(spec.seed(), slice.firstBlock() + b), slice.from(), halve);
            if (resume == null) {
                Block block = blocks[b];
                guarded(assembled, "while making its initial state", () -> {
                    block.start(spec.particles());
                    return null;
                });
            }
        }
        long done = 0;
        double time = 0;
        double h = spec.dt();
        int halvings = 0;
        long leftSpace = 0;
        if (resume != null) {
            restore(resume, states, blocks, n, d);
            done = resume.step();
            time = resume.time();
            h = resume.dt();
            halvings = resume.halvings();
        }
        LiveSnapshot snapshot = new LiveSnapshot(flow, states, n, d, blocks);
        snapshot.moveTo(done, time);
        RunInfo info = new RunInfo(spec, flow, n, planned, spec.dt());
        guarded(assembled, "at the start of the run", () -> {
            for (Observer o : observers) {
                o.start(info);
            }
            return null;
        });
        if (resume == null) {
            observe(assembled, observers, snapshot);
        } else if (restoreObservers != null) {
            restoreObservers.run();
        }
        GoodState good = halve ? new GoodState(assembled, states, n, d) : null;

        int threads = Math.min(control.threads(), blockCount);
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemonThreads()) : null;
        long checkpointEvery = control.checkpointEvery();
        double[] savedStates = halve ? new double[states.length] : null;
        boolean stopped = false;
        // one block (one state: an ensemble, a grid): its parts split their work over the threads instead
        PartWorkers partWorkers = PartWorkers.handOff(flow, List.of(blocks[0].stepper), blockCount,
                control.threads());
        try {
            while (true) {
                long remaining = Math.round((endTime - time) / h);
                if (remaining <= 0) {
                    break;
                }
                if (control.stopRequested()) {
                    stopped = true;
                    break;
                }
                long chunk = Math.min(every - (done % every), remaining);
                if (checkpointEvery > 0) {
                    chunk = Math.min(chunk, checkpointEvery - (done % checkpointEvery));
                }
                if (halve) {
                    System.arraycopy(states, 0, savedStates, 0, states.length);
                    for (Block b : blocks) {
                        b.saveAuxiliary();
                    }
                }
                advance(blocks, pool, done, chunk, time, h);
                Divergence first = null;
                for (Block block : blocks) {
                    if (block.fault != null) {
                        throw PartBlame.of(assembled, block.fault.thrown(), "at step " + (block.fault.step() + 1)
                                + " (t = " + DivergenceReport.fmt(time + (block.fault.step() - done) * h) + " -> "
                                + DivergenceReport.fmt(time + (block.fault.step() - done + 1) * h) + "), particle "
                                + block.fault.particle());
                    }
                    if (block.divergence != null && (first == null || block.divergence.step < first.step)) {
                        first = block.divergence;
                    }
                }
                if (first == null && good != null) {
                    first = good.check(states, done + chunk);
                }
                if (first != null) {
                    if (!halve || halvings == MAX_HALVINGS) {
                        double t = time + (first.step - done) * h;
                        throw first.leftSpace ? first.leftSpaceException(assembled, h, t, halvings)
                                : DivergenceReport.of(assembled, first.step, first.particle, first.cause,
                                first.energyBlamed, first.before, h, t, halvings, endTime);
                    }
                    if (first.leftSpace) {
                        leftSpace++;
                    }
                    System.arraycopy(savedStates, 0, states, 0, states.length);
                    for (Block b : blocks) {
                        b.restoreAuxiliary();
                        b.divergence = null;
                    }
                    h *= 0.5;
                    halvings++;
                    continue;
                }
                done += chunk;
                control.stepsDone = done;
                time = chunk == remaining ? endTime : time + chunk * h;
                snapshot.moveTo(done, time);
                if (done % every == 0 || time == endTime) {
                    observe(assembled, observers, snapshot);
                }
                if (checkpointEvery > 0 && done % checkpointEvery == 0 && time < endTime) {
                    control.checkpointer().accept(state(done, time, h, halvings, states, blocks, n));
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            partWorkers.close();
        }
        guarded(assembled, "at the end of the run", () -> {
            for (Observer o : observers) {
                o.finish(snapshot);
            }
            return null;
        });
        java.util.Map<String, Double> totals = new java.util.TreeMap<>();
        for (Block block : blocks) { // in block order: sums are the same for any thread count
            block.stepper.addStatistics(totals);
        }
        if (halvings > 0) {
            totals.put("dtHalvings", (double) halvings);
            totals.put("finalDt", h);
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        return new RunResult(done, time, n, d, states, stopped, wall, assembled.scheme().report(totals),
                flow.space() instanceof ConstrainedSpace ? leftSpace : -1);
    }

    /**
     * About {@value #TARGET_RECORDS} observations for a single point; for ensembles, whose every observation costs
     * O(N d^2), about {@value #TARGET_ENSEMBLE_RECORDS}.
     */
    public static int automaticInterval(long steps, int particles) {
        long records = particles > 1 ? TARGET_ENSEMBLE_RECORDS : TARGET_RECORDS;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, steps / records));
    }

    private static RunState state(long done, double time, double h, int halvings, double[] states, Block[] blocks,
                                  int n) {
        int a = blocks[0].a;
        double[] aux = new double[n * a];
        byte[][] streams = new byte[blocks.length][];
        for (int b = 0; b < blocks.length; b++) {
            System.arraycopy(blocks[b].auxiliary, 0, aux, blocks[b].from * a, blocks[b].auxiliary.length);
            streams[b] = blocks[b].rng.saveState();
        }
        return new RunState(done, time, h, halvings, states, aux, streams);
    }

    private static void restore(RunState resume, double[] states, Block[] blocks, int n, int d) {
        int a = blocks[0].a;
        if (resume.states().length != n * d || resume.auxiliary().length != n * a
                || resume.streams().length != blocks.length) {
            throw new org.varflow.api.ConfigurationException("the checkpoint does not match this run: it holds "
                    + resume.states().length + " state values and " + resume.streams().length + " streams, the run"
                    + " needs " + (long) n * d + " and " + blocks.length);
        }
        System.arraycopy(resume.states(), 0, states, 0, states.length);
        for (int b = 0; b < blocks.length; b++) {
            System.arraycopy(resume.auxiliary(), blocks[b].from * a, blocks[b].auxiliary, 0,
                    blocks[b].auxiliary.length);
            blocks[b].rng.restoreState(resume.streams()[b]);
        }
    }

    private static void advance(Block[] blocks, ExecutorService pool, long first, long count, double t0,
                                double h) {
        if (pool == null) {
            for (Block b : blocks) {
                b.advance(first, count, t0, h);
            }
            return;
        }
        List<Callable<Void>> tasks = new ArrayList<>(blocks.length);
        for (Block b : blocks) {
            tasks.add(() -> {
                b.advance(first, count, t0, h);
                return null;
            });
        }
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("run interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "varflow-block");
            t.setDaemon(true);
            return t;
        };
    }

    /** Where and how a block first went wrong; {@code leftSpace} when the state left a constrained space. */
    record Divergence(long step, int particle, String cause, boolean energyBlamed, double[] before,
                      boolean leftSpace) {
        Divergence(long step, int particle, String cause, boolean energyBlamed, double[] before) {
            this(step, particle, cause, energyBlamed, before, false);
        }

        /** The state left a {@link ConstrainedSpace}: name the parts that moved it and the coordinate. */
        NumericalException leftSpaceException(AssembledFlow assembled, double h, double t, int halvings) {
            boolean noisy = !assembled.flow().isDeterministic();
            String fmtT = DivergenceReport.fmt(t);
            StringBuilder m = new StringBuilder("the state left the space at step ").append(step + 1).append(" (t = ")
                    .append(fmtT).append(" -> ").append(DivergenceReport.fmt(t + h)).append("): particle ")
                    .append(particle).append(" has ").append(cause).append(", outside ")
                    .append(assembled.part(PartKind.SPACE).label()).append(", after a step of ")
                    .append(assembled.part(PartKind.SCHEME).label()).append(" with ")
                    .append(assembled.part(PartKind.METRIC).label()).append(" (its retraction moves the state)")
                    .append(noisy ? " and " + assembled.part(PartKind.NOISE).label() : "").append(", dt = ")
                    .append(DivergenceReport.fmt(h)).append(halvings > 0 ? " (after " + halvings + " halvings)" : "")
                    .append(". A smaller dt may keep the states inside (e.g. dt = ")
                    .append(DivergenceReport.fmt(h / 10))
                    .append(noisy ? "; with noise only a retraction that keeps every step inside is safe at any dt"
                            : "").append("; 'varflow check ").append(assembled.part(PartKind.METRIC).id())
                    .append("' tests the retraction)");
            if (before != null && before.length <= 8) {
                m.append(". Last state inside: ").append(java.util.Arrays.toString(before));
            }
            return new NumericalException(m.toString(), PartKind.SCHEME);
        }
    }

    /** A part that threw while a block stepped. */
    private record Fault(long step, int particle, Throwable thrown) {
    }

    /** Observers see a snapshot; a part that throws while they evaluate it is named. */
    private static void observe(AssembledFlow assembled, List<? extends Observer> observers, Snapshot snapshot) {
        guarded(assembled, "at step " + snapshot.step() + " (t = " + DivergenceReport.fmt(snapshot.time())
                + "), while it was observed", () -> {
                    for (Observer o : observers) {
                        o.observe(snapshot);
                    }
                    return null;
                });
    }

    /** Runs {@code body}; a part that throws in it is named, with {@code where}. */
    private static <T> T guarded(AssembledFlow assembled, String where, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (NumericalException | org.varflow.api.ConfigurationException | java.io.UncheckedIOException e) {
            throw e; // said already, or an output that cannot be written (a full disk): not a fault of a part
        } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
            if (e instanceof org.varflow.api.PartFailureException p) {
                throw p;
            }
            throw PartBlame.of(assembled, e, where);
        }
    }

    /** One block of particles with its stepper, random stream and scratch. */
    private static final class Block {
        private final Scheme.Stepper stepper;
        private final BlockStreams.BlockStream rng;
        private final Flow flow;
        private final double[] states;
        private final int from;
        private final int to;
        private final int d;
        private final double[] x;
        private final double[] auxiliary;
        private final double[] savedAuxiliary;
        private final double[] aux;
        private final int a;
        private final int firstParticle;
        private final MovingStep step = new MovingStep();
        /** The stepper as a {@link Scheme.BlockStepper} when the block steps in place, else null. */
        private final Scheme.BlockStepper inPlace;
        /** The space's membership test, or null when the space contains every finite state (nothing to ask). */
        private final ConstrainedSpace constrained;
        private Divergence divergence;
        private Fault fault;

        Block(AssembledFlow assembled, double[] states, int from, int to, int d, BlockStreams.BlockStream rng,
              int firstParticle, boolean halve) {
            this.firstParticle = firstParticle;
            this.flow = assembled.flow();
            this.stepper = assembled.scheme().stepper(flow);
            this.constrained = flow.space() instanceof ConstrainedSpace c ? c : null;
            this.rng = rng;
            this.states = states;
            this.from = from;
            this.to = to;
            this.d = d;
            this.x = new double[d];
            this.a = assembled.scheme().auxiliaryDimension(flow);
            this.aux = new double[a];
            this.auxiliary = new double[(to - from) * a];
            // the copy a return to the last good state needs: only when dt may be halved (O(N a) otherwise unused)
            this.savedAuxiliary = halve ? new double[auxiliary.length] : null;
            // the in-place path: a block stepper, no auxiliary state to carry, no membership to test per particle
            this.inPlace = stepper instanceof Scheme.BlockStepper b && a == 0 && constrained == null
                    && to - from > 1 ? b : null;
        }

        /**
         * Each particle's starting state, from the space (drawn from this block's stream when the space starts from
         * a law); a start that is not finite stops the run before it begins, naming the particle and coordinate.
         */
        void start(int particles) {
            for (int p = from; p < to; p++) {
                flow.space().initialState(firstParticle + p, particles, rng, x);
                for (int i = 0; i < d; i++) {
                    if (!Double.isFinite(x[i])) {
                        throw new org.varflow.api.ConfigurationException("the starting state of particle "
                                + (firstParticle + p)
                                + " has coordinate " + flow.space().coordinateName(i) + " = " + x[i] + "; a start"
                                + " must be finite");
                    }
                }
                System.arraycopy(x, 0, states, p * d, d);
            }
        }

        void saveAuxiliary() {
            System.arraycopy(auxiliary, 0, savedAuxiliary, 0, auxiliary.length);
        }

        void restoreAuxiliary() {
            System.arraycopy(savedAuxiliary, 0, auxiliary, 0, auxiliary.length);
        }

        void advance(long first, long count, double t0, double h) {
            if (divergence != null || fault != null) {
                return;
            }
            for (long k = first; k < first + count; k++) {
                double t = t0 + (k - first) * h;
                step.moveTo(k, t, h);
                boolean ok = inPlace != null ? stepRuns(k) : stepParticles(k, from, to);
                if (!ok) {
                    return;
                }
            }
        }

        /**
         * Step k of the block through the stepper's {@link Scheme.BlockStepper#stepBlock}, in runs of particles. A
         * run whose call throws or leaves a coordinate that is not finite (or beyond 1e154, where squares overflow)
         * is put back, states and stream, and replayed particle by particle, which names the particle exactly as the
         * per-particle path would. Returns false when the step ended in a divergence or a fault.
         */
        private boolean stepRuns(long k) {
            int run = Math.max(1, RUN_VALUES / d);
            double[] runStart = RUN_START.get();
            if (runStart == null || runStart.length != run * d) { // this thread's first run of dimension d
                runStart = new double[run * d];
                RUN_START.set(runStart);
            }
            for (int first = from; first < to; first += run) {
                int last = Math.min(to, first + run);
                int off = first * d;
                int length = (last - first) * d;
                System.arraycopy(states, off, runStart, 0, length);
                rng.mark();
                boolean ok;
                try {
                    inPlace.stepBlock(states, first, last, step, rng);
                    ok = bounded(states, off, off + length);
                } catch (org.varflow.api.ConfigurationException | java.io.UncheckedIOException e) {
                    throw e;
                } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
                    ok = false; // the replay below meets it again at its particle
                }
                if (!ok) {
                    System.arraycopy(runStart, 0, states, off, length);
                    rng.reset();
                    if (!stepParticles(k, first, last)) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Whether every value in [from, to) is finite and within the overflow bound. */
        private static boolean bounded(double[] values, int from, int to) {
            for (int i = from; i < to; i++) {
                if (!(Math.abs(values[i]) <= OVERFLOW)) {
                    return false;
                }
            }
            return true;
        }

        /** Step k of particles [pFrom, pTo), one at a time; false when it ended in a divergence or a fault. */
        private boolean stepParticles(long k, int pFrom, int pTo) {
            for (int p = pFrom; p < pTo; p++) {
                int off = p * d;
                System.arraycopy(states, off, x, 0, d);
                int auxOff = (p - from) * a;
                if (a > 0) {
                    System.arraycopy(auxiliary, auxOff, aux, 0, a);
                }
                try {
                    stepper.step(x, aux, step, rng);
                } catch (NumericalException e) {
                    boolean energy = e.blame() == PartKind.ENERGY
                            || (e.blame() == null && gradientNotFinite(off));
                    divergence = new Divergence(k, firstParticle + p, e.getMessage(), energy, before(off));
                    return false;
                } catch (org.varflow.api.ConfigurationException | java.io.UncheckedIOException e) {
                    throw e;
                } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
                    fault = new Fault(k, p, e);
                    return false;
                }
                for (int i = 0; i < d; i++) {
                    double v = x[i];
                    if (!(Math.abs(v) <= OVERFLOW)) {
                        String what = Double.isNaN(v) ? "coordinate " + flow.space().coordinateName(i)
                                + " became NaN" : "coordinate " + flow.space().coordinateName(i) + " overflowed ("
                                + v + ")";
                        divergence = new Divergence(k, firstParticle + p, what, gradientNotFinite(off),
                                before(off));
                        return false;
                    }
                }
                if (constrained != null && !constrained.contains(x)) {
                    divergence = new Divergence(k, p, constrained.violation(x), false, before(off), true);
                    return false;
                }
                System.arraycopy(x, 0, states, off, d);
                if (a > 0) {
                    System.arraycopy(aux, 0, auxiliary, auxOff, a);
                }
            }
            return true;
        }

        private double[] before(int off) {
            return java.util.Arrays.copyOfRange(states, off, off + d);
        }

        private boolean gradientNotFinite(int off) {
            double[] y = before(off);
            double[] g = new double[d];
            try {
                flow.energy().gradient(y, g);
            } catch (RuntimeException e) {
                return true;
            }
            for (double v : g) {
                if (!Double.isFinite(v)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The step context a block moves from step to step (one object per block: nothing allocated per step). */
    private static final class MovingStep implements StepContext {
        private long index;
        private double time;
        private double dt;

        void moveTo(long index, double time, double dt) {
            this.index = index;
            this.time = time;
            this.dt = dt;
        }

        @Override
        public long index() {
            return index;
        }

        @Override
        public double time() {
            return time;
        }

        @Override
        public double dt() {
            return dt;
        }
    }

    /** The live view observers receive. */
    private static final class LiveSnapshot implements Snapshot {
        private final Flow flow;
        private final double[] states;
        private final int n;
        private final int d;
        private final Block[] blocks;
        private long step;
        private double time;

        LiveSnapshot(Flow flow, double[] states, int n, int d, Block[] blocks) {
            this.flow = flow;
            this.states = states;
            this.n = n;
            this.d = d;
            this.blocks = blocks;
        }

        @Override
        public int auxiliaryDimension() {
            return blocks[0].a;
        }

        @Override
        public void auxiliary(int particle, double[] out) {
            Block b = blocks[particle / BLOCK_SIZE];
            System.arraycopy(b.auxiliary, (particle - b.from) * b.a, out, 0, b.a);
        }

        void moveTo(long step, double time) {
            this.step = step;
            this.time = time;
        }

        @Override
        public long step() {
            return step;
        }

        @Override
        public double time() {
            return time;
        }

        @Override
        public int particles() {
            return n;
        }

        @Override
        public int dimension() {
            return d;
        }

        @Override
        public double[] states() {
            return states;
        }

        @Override
        public Flow flow() {
            return flow;
        }
    }
}
