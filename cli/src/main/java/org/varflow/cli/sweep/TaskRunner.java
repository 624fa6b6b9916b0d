package org.varflow.cli.sweep;

import org.varflow.RunSummary;
import org.varflow.Varflow;
import org.varflow.api.FlowSpec;
import org.varflow.api.NumericalException;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.core.run.ParticleSlice;
import org.varflow.core.run.RunControl;
import org.varflow.core.run.RunResult;
import org.varflow.core.spec.SpecFiles;

/**
 * Runs one {@link SweepTask} on this JVM: reads its spec, runs it (or its slice of particles) and reduces the result
 * to a {@link ShardResult}. A run that diverges is a result, not an error: the sweep goes on and the table shows the
 * message. Any other exception (a lost executor, no memory) propagates, so an engine can retry the task, which then
 * recomputes the same numbers.
 */
public final class TaskRunner {
    /** Exit code of {@code varflow run} for a numerical failure (Main.NUMERICAL). */
    public static final int NUMERICAL = 3;
    private static volatile Varflow shared;

    private final Varflow varflow;

    public TaskRunner(Varflow varflow) {
        this.varflow = varflow;
    }

    /** A runner over the plugins this JVM's context class loader sees (built once per JVM: executors reuse it). */
    public static TaskRunner onThisJvm() {
        Varflow v = shared;
        if (v == null) {
            synchronized (TaskRunner.class) {
                if (shared == null) {
                    shared = Varflow.create();
                }
                v = shared;
            }
        }
        return new TaskRunner(v);
    }

    /** Runs the task with {@code threads} worker threads (the numbers do not depend on them). */
    public ShardResult run(SweepTask task, int threads) {
        FlowSpec spec = SpecFiles.parse("sweep task " + task.task(), task.specJson(), false, varflow.registry(), null);
        AssembledFlow assembled = varflow.assemble(spec);
        int d = assembled.flow().dimension();
        RunControl control = new RunControl(threads);
        if (task.sliced()) {
            control.slice(new ParticleSlice(task.from(), task.to()));
        }
        long start = System.nanoTime();
        Varflow.Outcome outcome;
        try {
            outcome = varflow.run(assembled, control, null);
        } catch (NumericalException e) {
            return ShardResult.failed(task, d, e.getMessage(), NUMERICAL, (System.nanoTime() - start) * 1e-9);
        }
        RunSummary s = outcome.summary();
        RunResult r = outcome.result();
        RunSummary.State state = s.state();
        double[] covariance = state.covariance();
        Moments moments = Moments.of(r.particles(), state.mean(), covariance,
                covariance != null || (r.particles() == 1 && state.covarianceOmitted() == null
                        && d <= org.varflow.core.observe.EnsembleStats.MAX_COVARIANCE_DIMENSION), s.energy());
        long[] histogram = null;
        if (task.histogram() != null) {
            histogram = new long[d * task.histogram().slots()];
            for (int p = 0; p < r.particles(); p++) { // particle by particle: no second copy of all the states
                task.histogram().count(r.particle(p), d, histogram);
            }
        }
        RunSummary.Diagnostics g = s.diagnostics();
        double temperature = assembled.flow().entropy().isNone() ? Double.NaN
                : assembled.flow().temperature(r.time());
        return new ShardResult(task.task(), task.run(), task.shard(), null, 0, d, r.stepsTaken(), r.time(), moments,
                covariance, s.energyInitial(), s.freeEnergy(), s.freeEnergyMethod(), temperature, g.finite(),
                g.maxDissipationViolation(), g.energyIncreases().orElse(-1), g.stoppedEarly(), s.wallSeconds(),
                histogram);
    }
}
