package org.varflow.measures.observe;

import java.util.Map;
import org.varflow.api.Flow;
import org.varflow.api.Observer;
import org.varflow.api.ObserverFactory;
import org.varflow.api.RunInfo;
import org.varflow.api.Snapshot;
import org.varflow.api.measure.EnsembleLayout;
import org.varflow.api.measure.GridLayout;
import org.varflow.api.measure.TsallisEntropy;
import org.varflow.measures.particles.KernelSums;

/**
 * The free energy F(rho) = E(rho) + T integral U(rho) of a measure, the Lyapunov functional of its gradient flow:
 *
 * <ul>
 *   <li>grid densities: exact quadrature, E(rho) + T sum_i U(rho_i) |cell| with U = rho log rho or rho^m/(m - 1);
 *       a gradient flow never increases it (the summary counts the observed increases);</li>
 *   <li>ensembles: per unit mass, E(X)/N + T integral rho log rho with the entropy estimated from the particles
 *       (d = 1: Vasicek's m-spacing estimator with m = round(sqrt(N)); d &gt; 1: the resubstitution estimate
 *       (1/N) sum_p log rho^(x_p) of a Gaussian kernel density estimate with Silverman's bandwidth, O(N^2); Tsallis:
 *       (1/N) sum_p rho^(x_p)^(m-1)/(m - 1)). Estimates carry a sampling error, so increases are not a failure
 *       here. Computed at about 50 observations per run.</li>
 * </ul>
 */
public final class MeasureFreeEnergyObserverFactory implements ObserverFactory {

    @Override
    public String id() {
        return "free-energy";
    }

    @Override
    public String summary() {
        return "free energy F = E + T integral U(rho) of the measure (exact on grids, estimated for ensembles)";
    }

    @Override
    public boolean appliesTo(Flow flow) {
        return Measures.grid(flow) != null || Measures.ensemble(flow) != null;
    }

    @Override
    public Observer create(Flow flow) {
        return new FreeEnergy(flow);
    }

    /** One run's free-energy record. */
    static final class FreeEnergy extends TracedObserver {
        private final Flow flow;
        private final GridLayout grid;
        private final EnsembleLayout ensemble;
        private final double exponent;
        private double[] state;
        private double[] scratch;
        private String method;

        FreeEnergy(Flow flow) {
            super(1e-12);
            this.flow = flow;
            this.grid = Measures.grid(flow);
            this.ensemble = Measures.ensemble(flow);
            this.exponent = TsallisEntropy.exponentOf(flow.entropy());
        }

        @Override
        public void start(RunInfo info) {
            super.start(info);
            state = new double[flow.dimension()];
            if (ensemble != null) {
                scratch = new double[ensemble.length() + ensemble.n()];
                method = flow.entropy().isNone() ? "energy / N (no entropy term)"
                        : ensemble.d() == 1 && exponent == 1.0 ? "energy / N + T * m-spacing entropy estimate"
                        : "energy / N + T * kernel-density resubstitution estimate";
            } else {
                method = "grid quadrature";
            }
        }

        @Override
        protected double value(Snapshot s) {
            System.arraycopy(s.states(), 0, state, 0, state.length);
            double t = flow.temperature(s.time());
            if (grid != null) {
                double e = flow.energy().value(state);
                return t == 0 ? e : e + t * Measures.internalEnergy(grid, state, exponent);
            }
            double e = flow.energy().value(state) / ensemble.n();
            return t == 0 ? e : e + t * ensembleInternalEnergy();
        }

        /** integral U(rho) estimated from the particles in {@code state}. */
        private double ensembleInternalEnergy() {
            int n = ensemble.n();
            int d = ensemble.d();
            if (d == 1 && exponent == 1.0) {
                System.arraycopy(state, 0, scratch, 0, n);
                java.util.Arrays.sort(scratch, 0, n);
                int m = Math.max(1, (int) Math.round(Math.sqrt(n)));
                double h = 0;
                for (int i = 0; i < n; i++) {
                    double gap = scratch[Math.min(n - 1, i + m)] - scratch[Math.max(0, i - m)];
                    h += Math.log(Math.max(gap, 1e-300) * n / (2.0 * m));
                }
                return -h / n; // integral rho log rho = -H
            }
            double s2 = 0;
            for (int a = 0; a < d; a++) {
                double mean = 0;
                for (int p = 0; p < n; p++) {
                    mean += state[p * d + a];
                }
                mean /= n;
                for (int p = 0; p < n; p++) {
                    double z = state[p * d + a] - mean;
                    s2 += z * z;
                }
            }
            double spread = Math.sqrt(s2 / (Math.max(1, n - 1) * (double) d));
            double sigma = Math.pow(4.0 / (d + 2), 1.0 / (d + 4)) * Math.pow(n, -1.0 / (d + 4)) * spread;
            KernelSums.gaussian(state, n, d, sigma, scratch, ensemble.length());
            double norm = Math.pow(2 * Math.PI * sigma * sigma, -0.5 * d) / n;
            double u = 0;
            for (int p = 0; p < n; p++) {
                double density = scratch[ensemble.length() + p] * norm;
                u += exponent == 1.0 ? Math.log(density) : Math.pow(density, exponent - 1) / (exponent - 1);
            }
            return u / n;
        }

        @Override
        public Map<String, Object> summary() {
            Map<String, Object> m = trace.summary(true);
            m.put("method", method);
            return m;
        }
    }
}
