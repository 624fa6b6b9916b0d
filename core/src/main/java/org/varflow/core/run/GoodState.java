package org.varflow.core.run;

import org.varflow.api.Energy;
import org.varflow.api.PoissonMetric;
import org.varflow.core.assembly.AssembledFlow;

/**
 * What the states at the end of a stretch of steps must pass before a run with
 * {@link RunControl.OnDivergence#HALVE} takes them as the point to go back to: besides the checks of every step
 * (finite, below 1e154 in magnitude), a finite energy at every particle, and for a gradient flow (no J part), whose
 * energy can only fall, an energy no higher than at the start. A state that is finite but has already blown up (the
 * energy of a quartic at 1e78 is infinite; a gradient flow that climbed above its starting energy has left the
 * stable regime) is then never a restart point: the stretch that led there is retried from its start with half the
 * step, like a backtracking line search.
 */
final class GoodState {
    /** Rounding allowed above the starting energy: relative to max(1, |E0|). */
    private static final double RISE_TOLERANCE = 1e-9;

    private final AssembledFlow assembled;
    private final int n;
    private final int d;
    private final boolean gradientFlow;
    private final double[] initial;
    private final double[] x;

    GoodState(AssembledFlow assembled, double[] states, int n, int d) {
        this.assembled = assembled;
        this.n = n;
        this.d = d;
        this.gradientFlow = !(assembled.flow().metric() instanceof PoissonMetric);
        this.initial = new double[n];
        this.x = new double[d];
        Energy e = assembled.flow().energy();
        for (int p = 0; p < n; p++) {
            System.arraycopy(states, p * d, x, 0, d);
            initial[p] = e.value(x);
        }
    }

    /**
     * Null when {@code states} may be restarted from; else the divergence to report (or retry), dated at the last
     * step of the stretch.
     */
    FlowRunner.Divergence check(double[] states, long stepsDone) {
        Energy e = assembled.flow().energy();
        for (int p = 0; p < n; p++) {
            System.arraycopy(states, p * d, x, 0, d);
            double value;
            try {
                value = e.value(x);
            } catch (RuntimeException | StackOverflowError ex) {
                throw PartBlame.of(assembled, ex, "at step " + stepsDone + ", while its energy was checked");
            }
            if (!Double.isFinite(value)) {
                return new FlowRunner.Divergence(stepsDone - 1, p, "the energy became " + value, true, x.clone());
            }
            double e0 = initial[p];
            if (gradientFlow && Double.isFinite(e0) && value > e0 + RISE_TOLERANCE * Math.max(1, Math.abs(e0))) {
                return new FlowRunner.Divergence(stepsDone - 1, p, "the energy rose above its starting value ("
                        + DivergenceReport.fmt(value) + " > " + DivergenceReport.fmt(e0) + "), which a gradient flow"
                        + " never does", false, x.clone());
            }
        }
        return null;
    }
}
