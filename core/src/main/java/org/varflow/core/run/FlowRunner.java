package org.varflow.core.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * particle, the part to blame and a smaller dt to try.
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
        double[] x0 = flow.space().initialState();
        for (int p = 0; p < n; p++) {
            System.arraycopy(x0, 0, states, p * d, d);
        }
        int blockCount = (n + BLOCK_SIZE - 1) / BLOCK_SIZE;
        Block[] blocks = new Block[blockCount];
        for (int b = 0; b < blockCount; b++) {
            blocks[b] = new Block(assembled, states, b * BLOCK_SIZE, Math.min(n, (b + 1) * BLOCK_SIZE), d,
                    BlockStreams.forBlock(spec.seed(), slice.firstBlock() + b), slice.from());
        }
        long done = 0;
        double time = 0;
        double h = spec.dt();
        int halvings = 0;
        if (resume != null) {
            restore(resume, states, blocks, n, d);
            done = resume.step();
            time = resume.time();
            h = resume.dt();
            halvings = resume.halvings();
        }
        LiveSnapshot snapshot = new LiveSnapshot(flow, states, n, d);
        snapshot.moveTo(done, time);
        RunInfo info = new RunInfo(spec, flow, n, planned, spec.dt());
        for (Observer o : observers) {
            o.start(info);
        }
        if (resume == null) {
            for (Observer o : observers) {
                o.observe(snapshot);
            }
        } else if (restoreObservers != null) {
            restoreObservers.run();
        }

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
                    if (block.divergence != null && (first == null || block.divergence.step < first.step)) {
                        first = block.divergence;
                    }
                }
                if (first != null) {
                    if (!halve || halvings == MAX_HALVINGS) {
                        throw first.toException(assembled, h, time + (first.step - done) * h, halvings);
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
                    for (Observer o : observers) {
                        o.observe(snapshot);
                    }
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
        for (Observer o : observers) {
            o.finish(snapshot);
        }
        java.util.Map<String, Double> totals = new java.util.TreeMap<>();
        for (Block block : blocks) { // in block order: sums are the same for any thread count
            block.stepper.addStatistics(totals);
        }
        if (halvings > 0) {
            totals.put("dtHalvings", (double) halvings);
            totals.put("finalDt", h);
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        return new RunResult(done, time, n, d, states, stopped, wall, assembled.scheme().report(totals));
    }

    /**
     * About {@value #TARGET_RECORDS} observations for a single point; for ensembles, whose every observation costs
     * O(N d^2), about {@value #TARGET_ENSEMBLE_RECORDS}.
     */
    static int automaticInterval(long steps, int particles) {
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

    /** Where and how a block first went wrong. */
    private record Divergence(long step, int particle, String cause, boolean energyBlamed, double[] before) {
        NumericalException toException(AssembledFlow assembled, double h, double t, int halvings) {
            String part = energyBlamed ? assembled.part(PartKind.ENERGY).label() + " (its gradient is not finite"
                    + " there)" : assembled.part(PartKind.SCHEME).label();
            StringBuilder m = new StringBuilder("the run diverged at step ").append(step + 1).append(" (t = ")
                    .append(fmt(t)).append(" -> ").append(fmt(t + h)).append("): ").append(cause)
                    .append(" for particle ").append(particle).append(", in ").append(part).append(" with dt = ")
                    .append(fmt(h)).append(halvings > 0 ? " (after " + halvings + " halvings)" : "")
                    .append(". Try a smaller dt, e.g. dt = ").append(fmt(h / 10));
            if (before != null && before.length <= 8) {
                m.append(". Last finite state: ").append(java.util.Arrays.toString(before));
            }
            return new NumericalException(m.toString());
        }

        private static String fmt(double v) {
            return String.format(java.util.Locale.ROOT, "%.6g", v);
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
        private Divergence divergence;

        Block(AssembledFlow assembled, double[] states, int from, int to, int d, BlockStreams.BlockStream rng,
              int firstParticle) {
            this.firstParticle = firstParticle;
            this.flow = assembled.flow();
            this.stepper = assembled.scheme().stepper(flow);
            this.rng = rng;
            this.states = states;
            this.from = from;
            this.to = to;
            this.d = d;
            this.x = new double[d];
            this.a = assembled.scheme().auxiliaryDimension(flow);
            this.aux = new double[a];
            this.auxiliary = new double[(to - from) * a];
            this.savedAuxiliary = new double[auxiliary.length];
        }

        void saveAuxiliary() {
            System.arraycopy(auxiliary, 0, savedAuxiliary, 0, auxiliary.length);
        }

        void restoreAuxiliary() {
            System.arraycopy(savedAuxiliary, 0, auxiliary, 0, auxiliary.length);
        }

        void advance(long first, long count, double t0, double h) {
            if (divergence != null) {
                return;
            }
            for (long k = first; k < first + count; k++) {
                double t = t0 + (k - first) * h;
                step.moveTo(k, t, h);
                for (int p = from; p < to; p++) {
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
                        return;
                    }
                    for (int i = 0; i < d; i++) {
                        double v = x[i];
                        if (!(Math.abs(v) <= OVERFLOW)) {
                            String what = Double.isNaN(v) ? "coordinate " + flow.space().coordinateName(i)
                                    + " became NaN" : "coordinate " + flow.space().coordinateName(i) + " overflowed ("
                                    + v + ")";
                            divergence = new Divergence(k, firstParticle + p, what, gradientNotFinite(off),
                                    before(off));
                            return;
                        }
                    }
                    System.arraycopy(x, 0, states, off, d);
                    if (a > 0) {
                        System.arraycopy(aux, 0, auxiliary, auxOff, a);
                    }
                }
            }
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
        private long step;
        private double time;

        LiveSnapshot(Flow flow, double[] states, int n, int d) {
            this.flow = flow;
            this.states = states;
            this.n = n;
            this.d = d;
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
