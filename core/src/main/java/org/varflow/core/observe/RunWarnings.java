package org.varflow.core.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.varflow.api.Flow;
import org.varflow.api.PoissonMetric;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.core.run.RunResult;

/**
 * What a finished run's own diagnostics say about whether it did its job, as warnings for the summary and stderr. A run
 * that ends without a numerical failure can still have failed:
 *
 * <ul>
 *   <li>a method meant to lower the energy (no temperature, no J part: gradient descent, SGD, Adam, mirror descent...)
 *       that ends with a higher energy than it started with — its step is too large, and the overflow check stops it
 *       only when a coordinate passes 1e154;</li>
 *   <li>a Metropolis-adjusted sampler that accepted fewer than {@value #LOW_ACCEPTANCE_PERCENT}% of its proposals —
 *       its samples barely moved;</li>
 *   <li>a sampler (with noise and a temperature) none of whose particles moved from the start.</li>
 * </ul>
 */
public final class RunWarnings {
    /** Acceptance rates below this (in percent) are reported. */
    public static final int LOW_ACCEPTANCE_PERCENT = 5;
    /** Rounding allowed above the starting energy, relative to max(1, |E0|). */
    private static final double RISE_TOLERANCE = 1e-9;

    private RunWarnings() {
    }

    /** The warnings of a finished run (empty when its diagnostics raise no doubt). */
    public static List<String> of(AssembledFlow assembled, RunResult result, double energy, double energyInitial) {
        List<String> out = new ArrayList<>();
        Flow flow = assembled.flow();
        String scheme = assembled.part(org.varflow.api.PartKind.SCHEME).label();
        boolean descent = flow.entropy().isNone() && !(flow.metric() instanceof PoissonMetric);
        if (descent && Double.isFinite(energyInitial)) {
            if (!Double.isFinite(energy)) {
                out.add("the energy started at " + fmt(energyInitial) + " and ended at " + energy + " under "
                        + scheme + ", a method meant to lower it: the run failed; try a smaller dt");
            } else if (energy > energyInitial + RISE_TOLERANCE * Math.max(1, Math.abs(energyInitial))) {
                out.add("the energy rose from " + fmt(energyInitial) + " to " + fmt(energy) + " under " + scheme
                        + ", a method meant to lower it: its step dt = " + fmt(assembled.spec().dt()) + " is probably"
                        + " too large (a run is stopped as diverging only when a coordinate overflows)");
            }
        }
        Map<String, Object> report = result.schemeStatistics();
        if (report.get("acceptanceRate") instanceof Number rate
                && rate.doubleValue() * 100 < LOW_ACCEPTANCE_PERCENT) {
            out.add(scheme + " accepted " + String.format(Locale.ROOT, "%.2g", rate.doubleValue() * 100) + "% of its"
                    + " proposals (below " + LOW_ACCEPTANCE_PERCENT + "%): the samples barely moved and do not"
                    + " represent the target; reduce dt");
        }
        if (!flow.isDeterministic() && result.stepsTaken() > 0 && noneMoved(flow, result)) {
            out.add("no particle moved from its starting point in " + result.stepsTaken() + " steps of "
                    + scheme + ": the sampler did not sample");
        }
        return out;
    }

    private static boolean noneMoved(Flow flow, RunResult result) {
        return result.allAt(flow.space().initialState()); // no copy of a large ensemble
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
