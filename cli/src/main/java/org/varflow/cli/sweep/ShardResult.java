package org.varflow.cli.sweep;

import java.io.Serializable;

/**
 * What one task computed: the figures of its run's summary over its particles, the moments to merge, and the counts
 * of its histogram; or, when the run diverged, the message the command line prints for it.
 *
 * @param task                    the task's index
 * @param run                     the run it belongs to
 * @param shard                   the shard of the run
 * @param message                 null, or why the run failed (the divergence message of {@code varflow run})
 * @param exitCode                0, or the exit code {@code varflow run} ends with for this run (3: numerical)
 * @param dimension               d
 * @param steps                   steps taken
 * @param time                    time reached
 * @param moments                 count, mean, M2 and mean energy of the particles (null when failed)
 * @param covariance              the summary's covariance as reported (null for one particle, large d, failure)
 * @param energyInitial           mean energy at step 0
 * @param freeEnergy              the summary's free energy of these particles (NaN when undefined)
 * @param freeEnergyMethod        how the free energy is computed
 * @param temperature             T = 1/beta at the end; NaN without an entropy term (then F = mean E)
 * @param finite                  whether every final coordinate is finite
 * @param maxDissipationViolation deterministic flows' dissipation check (NaN otherwise)
 * @param energyIncreases         deterministic flows' energy increases, -1 for stochastic flows
 * @param stoppedEarly            whether the run stopped before its end
 * @param wallSeconds             the run's wall time
 * @param histogram               counts, d blocks of {@link HistogramSpec#slots()}; null when none were asked for
 */
public record ShardResult(int task, int run, int shard, String message, int exitCode, int dimension, long steps,
                          double time, Moments moments, double[] covariance, double energyInitial,
                          double freeEnergy, String freeEnergyMethod, double temperature, boolean finite,
                          double maxDissipationViolation, long energyIncreases, boolean stoppedEarly,
                          double wallSeconds, long[] histogram) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ShardResult {
        covariance = covariance == null ? null : covariance.clone();
        histogram = histogram == null ? null : histogram.clone();
    }

    /** A task whose run diverged. */
    public static ShardResult failed(SweepTask t, int dimension, String message, int exitCode, double wallSeconds) {
        return new ShardResult(t.task(), t.run(), t.shard(), message, exitCode, dimension, 0, Double.NaN, null, null,
                Double.NaN, Double.NaN, null, Double.NaN, false, Double.NaN, -1, false, wallSeconds, null);
    }

    /** Whether the run completed. */
    public boolean ok() {
        return message == null;
    }

    @Override
    public double[] covariance() {
        return covariance == null ? null : covariance.clone();
    }

    @Override
    public long[] histogram() {
        return histogram == null ? null : histogram.clone();
    }
}
