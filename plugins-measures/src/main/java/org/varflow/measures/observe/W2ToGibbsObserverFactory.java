package org.varflow.measures.observe;

import java.util.Map;
import org.varflow.api.Energy;
import org.varflow.api.Flow;
import org.varflow.api.Observer;
import org.varflow.api.ObserverFactory;
import org.varflow.api.RunInfo;
import org.varflow.api.Snapshot;
import org.varflow.api.measure.EnsembleLayout;
import org.varflow.api.measure.GridLayout;
import org.varflow.api.measure.TsallisEntropy;
import org.varflow.measures.LiftedPotential;
import org.varflow.ot.ExactOT;

/**
 * The Wasserstein-2 distance from the measure to the Gibbs law exp(-V/T)/Z of its potential (flows whose energy is
 * a lifted potential V, with a Boltzmann entropy at T &gt; 0), with the ot toolkit:
 *
 * <ul>
 *   <li>grid-1d: both densities piecewise constant on the cells, W2 exact by their piecewise-linear quantile
 *       functions (the Gibbs density is the potential's at the cell centres, as the flow's own);</li>
 *   <li>ensemble with d = 1: the particles against the Gibbs law piecewise constant on {@value #FINE} cells of an
 *       interval grown until exp(-(V - min V)/T) &lt; 1e-16 at both ends (relative to the maximum), W2 exact
 *       between the atoms' and that density's quantile functions;</li>
 *   <li>grid-2d: exact discrete OT (network simplex) between the cells carrying mass, at the start and the end only,
 *       when the problem has at most {@value #MAX_PLAN} cost entries.</li>
 * </ul>
 * One-dimensional distances are followed at about 50 observations.
 */
public final class W2ToGibbsObserverFactory implements ObserverFactory {
    /** Points of the tabulated Gibbs law for ensembles. */
    static final int FINE = 16_385;
    /** Largest number of cost entries of a 2-D exact OT problem. */
    static final long MAX_PLAN = 4_000_000L;

    @Override
    public String id() {
        return "w2-to-gibbs";
    }

    @Override
    public String summary() {
        return "W2 distance from the measure to the Gibbs law exp(-V/T)/Z of its potential (exact, ot toolkit)";
    }

    @Override
    public boolean appliesTo(Flow flow) {
        if (!(flow.energy() instanceof LiftedPotential) || flow.entropy().isNone()
                || TsallisEntropy.exponentOf(flow.entropy()) != 1.0) {
            return false;
        }
        EnsembleLayout e = Measures.ensemble(flow);
        return Measures.grid(flow) != null || (e != null && e.d() == 1);
    }

    @Override
    public Observer create(Flow flow) {
        return new W2(flow);
    }

    /** One run's record. */
    static final class W2 extends TracedObserver {
        private final Flow flow;
        private final GridLayout grid;
        private final EnsembleLayout ensemble;
        private final Energy potential;
        private double[] state;
        private double[] centres;
        private double[] weights;
        private double[] gradient;
        private double[] gibbs;
        private double[] fine;
        private double[] fineWeights;
        private double fineTemperature = Double.NaN;
        private double fineLower;
        private double fineUpper;
        private String skipped;
        private QuantileW2.Pieces mine;
        private QuantileW2.Pieces target;
        private double[] sorted;

        W2(Flow flow) {
            super(Double.POSITIVE_INFINITY);
            this.flow = flow;
            this.grid = Measures.grid(flow);
            this.ensemble = Measures.ensemble(flow);
            this.potential = ((LiftedPotential) flow.energy()).potential();
        }

        @Override
        public void start(RunInfo info) {
            super.start(info);
            state = new double[flow.dimension()];
            if (grid != null) {
                centres = new double[grid.size() * grid.axes()];
                for (int i = 0; i < grid.size(); i++) {
                    for (int a = 0; a < grid.axes(); a++) {
                        centres[i * grid.axes() + a] = grid.centre(i, a);
                    }
                }
                weights = new double[grid.size()];
                gradient = new double[grid.size()];
                gibbs = new double[grid.size()];
                mine = new QuantileW2.Pieces(grid.size());
                target = new QuantileW2.Pieces(grid.size());
            } else {
                weights = new double[ensemble.n()];
                java.util.Arrays.fill(weights, 1.0 / ensemble.n());
                sorted = new double[ensemble.n()];
                mine = new QuantileW2.Pieces(ensemble.n());
                target = new QuantileW2.Pieces(FINE);
            }
        }

        /** On 2-D grids (an expensive transport problem) only the first and the last snapshot are evaluated. */
        @Override
        protected boolean samples(Snapshot s) {
            if (grid != null && grid.axes() == 2) {
                return s.step() == 0;
            }
            return super.samples(s);
        }

        @Override
        protected double value(Snapshot s) {
            System.arraycopy(s.states(), 0, state, 0, state.length);
            double t = flow.temperature(s.time());
            if (!(t > 0)) {
                return Double.NaN;
            }
            if (grid != null) {
                Measures.gibbs(grid, flow.energy(), state, t, gradient, gibbs);
                double mass = 0;
                for (int i = 0; i < grid.size(); i++) {
                    mass += Math.max(state[i], 0);
                }
                for (int i = 0; i < grid.size(); i++) {
                    weights[i] = Math.max(state[i], 0) / mass;
                    gibbs[i] *= grid.cellVolume();
                }
                if (grid.axes() == 1) {
                    mine.cells(grid.lower(0), grid.dx(0), weights, grid.size());
                    target.cells(grid.lower(0), grid.dx(0), gibbs, grid.size());
                    return QuantileW2.distance(mine, target);
                }
                return exact2d();
            }
            tabulate(t);
            System.arraycopy(state, 0, sorted, 0, sorted.length);
            java.util.Arrays.sort(sorted);
            mine.atoms(sorted, weights, sorted.length);
            return QuantileW2.distance(mine, target);
        }

        /** Exact OT between the cells carrying mass (above 1e-14 of the total), or NaN when too large. */
        private double exact2d() {
            int n = grid.size();
            int na = 0;
            int nb = 0;
            for (int i = 0; i < n; i++) {
                if (weights[i] > 1e-14) {
                    na++;
                }
                if (gibbs[i] > 1e-14) {
                    nb++;
                }
            }
            if ((long) na * nb > MAX_PLAN) {
                skipped = na + " x " + nb + " cells is more than " + MAX_PLAN + " cost entries for exact OT";
                return Double.NaN;
            }
            double[] xa = new double[2 * na];
            double[] wa = new double[na];
            double[] xb = new double[2 * nb];
            double[] wb = new double[nb];
            double sa = 0;
            double sb = 0;
            for (int i = 0, ia = 0, ib = 0; i < n; i++) {
                if (weights[i] > 1e-14) {
                    xa[2 * ia] = centres[2 * i];
                    xa[2 * ia + 1] = centres[2 * i + 1];
                    wa[ia++] = weights[i];
                    sa += weights[i];
                }
                if (gibbs[i] > 1e-14) {
                    xb[2 * ib] = centres[2 * i];
                    xb[2 * ib + 1] = centres[2 * i + 1];
                    wb[ib++] = gibbs[i];
                    sb += gibbs[i];
                }
            }
            for (int i = 0; i < na; i++) {
                wa[i] /= sa;
            }
            for (int i = 0; i < nb; i++) {
                wb[i] /= sb;
            }
            return Math.sqrt(Math.max(0, ExactOT.squaredEuclidean(xa, wa, xb, wb, 2).cost()));
        }

        /** The Gibbs law of V at temperature t on {@value #FINE} points covering the ensemble and the law. */
        private void tabulate(double t) {
            if (t == fineTemperature && fine != null) {
                return;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : state) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double width = Math.max(hi - lo, 1.0);
            lo -= width;
            hi += width;
            fine = new double[FINE];
            fineWeights = new double[FINE];
            double[] point = new double[1];
            double dx = (hi - lo) / FINE;
            for (int round = 0; round < 60; round++) {
                double min = Double.POSITIVE_INFINITY;
                dx = (hi - lo) / FINE;
                for (int k = 0; k < FINE; k++) {
                    fine[k] = lo + (k + 0.5) * dx;
                    point[0] = fine[k];
                    fineWeights[k] = potential.value(point);
                    min = Math.min(min, fineWeights[k]);
                }
                double left = Math.exp(-(fineWeights[0] - min) / t);
                double right = Math.exp(-(fineWeights[FINE - 1] - min) / t);
                double sum = 0;
                for (int k = 0; k < FINE; k++) {
                    fineWeights[k] = Math.exp(-(fineWeights[k] - min) / t);
                    sum += fineWeights[k];
                }
                for (int k = 0; k < FINE; k++) {
                    fineWeights[k] /= sum;
                }
                if ((left < 1e-16 && right < 1e-16) || round == 59) {
                    break;
                }
                double grow = hi - lo;
                if (left >= 1e-16) {
                    lo -= grow;
                }
                if (right >= 1e-16) {
                    hi += grow;
                }
            }
            target.cells(lo, dx, fineWeights, FINE);
            fineTemperature = t;
            fineLower = lo;
            fineUpper = hi;
        }

        /** The tabulation of a saved run: the same range and temperature, so the same target. */
        private void tabulateOn(double lo, double hi, double t) {
            fine = new double[FINE];
            fineWeights = new double[FINE];
            double[] point = new double[1];
            double dx = (hi - lo) / FINE;
            double min = Double.POSITIVE_INFINITY;
            for (int k = 0; k < FINE; k++) {
                fine[k] = lo + (k + 0.5) * dx;
                point[0] = fine[k];
                fineWeights[k] = potential.value(point);
                min = Math.min(min, fineWeights[k]);
            }
            double sum = 0;
            for (int k = 0; k < FINE; k++) {
                fineWeights[k] = Math.exp(-(fineWeights[k] - min) / t);
                sum += fineWeights[k];
            }
            for (int k = 0; k < FINE; k++) {
                fineWeights[k] /= sum;
            }
            target.cells(lo, dx, fineWeights, FINE);
            fineTemperature = t;
            fineLower = lo;
            fineUpper = hi;
        }

        /** The trace, and for ensembles the range of the tabulated Gibbs law (it was chosen from the first state). */
        @Override
        public void save(java.io.DataOutput out) throws java.io.IOException {
            super.save(out);
            out.writeDouble(fineTemperature);
            out.writeDouble(fineLower);
            out.writeDouble(fineUpper);
        }

        @Override
        public void restore(java.io.DataInput in) throws java.io.IOException {
            super.restore(in);
            double t = in.readDouble();
            double lo = in.readDouble();
            double hi = in.readDouble();
            if (grid == null && !Double.isNaN(t)) {
                tabulateOn(lo, hi, t);
            }
        }

        @Override
        public Map<String, Object> summary() {
            Map<String, Object> m = trace.summary(grid == null || grid.axes() == 1);
            m.remove("increases");
            m.remove("largestIncrease");
            m.put("target", "Gibbs exp(-V/T)/Z");
            if (skipped != null) {
                m.put("skipped", skipped);
            }
            return m;
        }
    }
}
