package org.varflow.measures.observe;

import java.util.Map;
import org.varflow.api.Flow;
import org.varflow.api.Observer;
import org.varflow.api.ObserverFactory;
import org.varflow.api.RunInfo;
import org.varflow.api.Snapshot;
import org.varflow.api.measure.GridLayout;
import org.varflow.api.measure.TsallisEntropy;

/**
 * The relative entropy of a grid density to the Gibbs density of its flow,
 *
 * <pre>
 *   KL(rho | g) = sum_i rho_i log(rho_i / g_i) |cell|,   g_i = exp(-psi_i / T) / Z  (normalised on the grid),
 * </pre>
 *
 * psi = dE/drho the energy's first variation (the potential V for integral V rho, so g is the Gibbs law; for an
 * interaction energy psi depends on rho and g is the self-consistent local equilibrium, zero exactly at stationary
 * states). With the Boltzmann entropy, F(rho) - F(g) = T KL(rho | g) for potentials, so it decays along the flow.
 * Applies to grid flows with a Boltzmann entropy at a positive temperature.
 */
public final class KlToGibbsObserverFactory implements ObserverFactory {

    @Override
    public String id() {
        return "kl-to-gibbs";
    }

    @Override
    public String summary() {
        return "KL(rho | exp(-dE/drho / T) / Z) of a grid density to the Gibbs law of its flow";
    }

    @Override
    public boolean appliesTo(Flow flow) {
        return Measures.closedGrid(flow) && !flow.entropy().isNone()
                && TsallisEntropy.exponentOf(flow.entropy()) == 1.0;
    }

    @Override
    public Observer create(Flow flow) {
        return new Kl(flow);
    }

    /** One run's record. */
    static final class Kl extends TracedObserver {
        private final Flow flow;
        private final GridLayout grid;
        private double[] rho;
        private double[] gradient;
        private double[] gibbs;

        Kl(Flow flow) {
            super(1e-12);
            this.flow = flow;
            this.grid = Measures.grid(flow);
        }

        @Override
        public void start(RunInfo info) {
            super.start(info);
            rho = new double[grid.size()];
            gradient = new double[grid.size()];
            gibbs = new double[grid.size()];
        }

        /** Every observed snapshot is evaluated, so every rise of KL between observations is counted. */
        @Override
        protected boolean samples(Snapshot s) {
            return true;
        }

        @Override
        protected double value(Snapshot s) {
            System.arraycopy(s.states(), 0, rho, 0, rho.length);
            double t = flow.temperature(s.time());
            if (!(t > 0)) {
                return Double.NaN;
            }
            Measures.gibbs(grid, flow.energy(), rho, t, gradient, gibbs);
            return Measures.kl(grid, rho, gibbs);
        }

        @Override
        public Map<String, Object> summary() {
            return trace.summary(true);
        }
    }
}
