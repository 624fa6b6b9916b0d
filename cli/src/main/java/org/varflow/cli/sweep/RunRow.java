package org.varflow.cli.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.varflow.core.observe.EnsembleStats;

/**
 * One run of a sweep, its shards merged: the row of the runs table.
 *
 * @param run                     the run's index in the plan
 * @param shards                  how many shards it ran in
 * @param particles               N, over all shards
 * @param message                 null, or why it failed (the first failed shard's message)
 * @param exitCode                0, or the exit code {@code varflow run} ends with for it
 * @param dimension               d
 * @param steps                   steps taken
 * @param time                    time reached
 * @param energyInitial           mean energy at the start
 * @param energy                  mean energy at the end
 * @param freeEnergy              F = mean E - T H at the end (NaN when undefined)
 * @param mean                    the point or the ensemble mean (null when failed)
 * @param covariance              the ensemble covariance (null for one particle, large d, or failure)
 * @param finite                  whether every final coordinate is finite
 * @param maxDissipationViolation deterministic flows' dissipation check (the largest over shards; NaN otherwise)
 * @param energyIncreases         deterministic flows' energy increases (the most over shards), -1 otherwise
 * @param stoppedEarly            whether a shard stopped before the end
 * @param wallSeconds             the run's wall time, summed over its shards
 * @param histogram               the summed counts, or null
 */
public record RunRow(int run, int shards, long particles, String message, int exitCode, int dimension, long steps,
                     double time, double energyInitial, double energy, double freeEnergy, double[] mean,
                     double[] covariance, boolean finite, double maxDissipationViolation, long energyIncreases,
                     boolean stoppedEarly, double wallSeconds, long[] histogram) {

    /** Whether the run completed. */
    public boolean ok() {
        return message == null;
    }

    /**
     * Merges the shards of one run (in any order: they are sorted by shard first). One shard is taken as it is, so
     * an unsharded row holds exactly the numbers of {@code varflow run}'s summary. Several are merged exactly:
     * moments and mean energies by {@link Moments#mergeAll}, histograms by adding counts, and the free energy is
     * recomputed from the merged energy and covariance as the summary computes it (F = mean E - T H(Sigma)).
     */
    public static RunRow merge(List<ShardResult> parts) {
        List<ShardResult> shards = new ArrayList<>(parts);
        shards.sort(Comparator.comparingInt(ShardResult::shard));
        ShardResult first = shards.get(0);
        int k = shards.size();
        double wall = 0;
        for (ShardResult s : shards) {
            wall += s.wallSeconds();
        }
        for (ShardResult s : shards) {
            if (!s.ok()) {
                return new RunRow(first.run(), k, 0, s.message(), s.exitCode(), s.dimension(), 0, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, null, null, false, Double.NaN, -1, false, wall, null);
            }
        }
        if (k == 1) {
            return new RunRow(first.run(), 1, first.moments().n(), null, 0, first.dimension(), first.steps(),
                    first.time(), first.energyInitial(), first.moments().energy(), first.freeEnergy(),
                    first.moments().mean(), first.covariance(), first.finite(), first.maxDissipationViolation(),
                    first.energyIncreases(), first.stoppedEarly(), wall, first.histogram());
        }
        List<Moments> moments = new ArrayList<>();
        double energyInitial = 0;
        boolean finite = true;
        boolean stopped = false;
        double violation = Double.NaN;
        long increases = -1;
        long[] histogram = first.histogram() == null ? null : new long[first.histogram().length];
        long n = 0;
        for (ShardResult s : shards) {
            moments.add(s.moments());
            n += s.moments().n();
        }
        for (ShardResult s : shards) {
            energyInitial += s.energyInitial() * s.moments().n() / n;
            finite &= s.finite();
            stopped |= s.stoppedEarly();
            double v = s.maxDissipationViolation();
            if (!Double.isNaN(v)) {
                violation = Double.isNaN(violation) ? v : Math.max(violation, v);
            }
            increases = Math.max(increases, s.energyIncreases());
            if (histogram != null) {
                long[] h = s.histogram();
                for (int i = 0; i < h.length; i++) {
                    histogram[i] += h[i];
                }
            }
        }
        Moments all = Moments.mergeAll(moments);
        double[] covariance = all.covariance();
        double f;
        if (Double.isNaN(first.temperature())) {
            f = all.energy();
        } else {
            f = covariance == null ? Double.NaN
                    : all.energy() - first.temperature() * EnsembleStats.gaussianEntropy(covariance, all.dimension());
        }
        return new RunRow(first.run(), k, all.n(), null, 0, first.dimension(), first.steps(), first.time(),
                energyInitial, all.energy(), f, all.mean(), covariance, finite, violation, increases, stopped, wall,
                histogram);
    }
}
