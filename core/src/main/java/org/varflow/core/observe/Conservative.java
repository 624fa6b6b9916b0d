package org.varflow.core.observe;

import org.varflow.api.DampedHamiltonian;
import org.varflow.api.Flow;
import org.varflow.api.PoissonMetric;

/**
 * Whether a flow conserves its energy: its metric has a Poisson part J and no dissipation K. A
 * {@link DampedHamiltonian} is conservative when its friction is zero; any other {@link PoissonMetric} when K(x0) = 0
 * (checked on the coordinate covectors at the starting state). For such flows "the energy never increases" is the wrong
 * check: E is a constant of motion, and what a scheme gets wrong is its drift |E - E0|.
 */
public final class Conservative {
    private Conservative() {
    }

    /** True when {@code flow} has a Poisson part and no dissipative part. */
    public static boolean is(Flow flow) {
        if (!(flow.metric() instanceof PoissonMetric poisson) || !flow.isDeterministic()) {
            return false;
        }
        if (poisson instanceof DampedHamiltonian hamiltonian) {
            return hamiltonian.friction() == 0;
        }
        int d = flow.dimension();
        if (d > 4096) {
            return false;
        }
        double[] x = flow.space().initialState();
        double[] e = new double[d];
        double[] out = new double[d];
        for (int i = 0; i < d; i++) {
            e[i] = 1;
            poisson.raise(x, e, out);
            e[i] = 0;
            for (double v : out) {
                if (v != 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
