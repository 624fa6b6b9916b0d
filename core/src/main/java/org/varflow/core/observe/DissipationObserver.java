package org.varflow.core.observe;

import java.util.LinkedHashMap;
import java.util.Map;
import org.varflow.api.RunInfo;
import org.varflow.api.Snapshot;
import org.varflow.api.StatefulObserver;

/**
 * The energy-dissipation certificate of a deterministic flow. Along x' = -K dE + J dE the energy obeys
 *
 * <pre>
 *   dE/dt = -&lt;dE, K dE&gt; = -D      (J is antisymmetric and does no work)
 * </pre>
 *
 * so between two observations a, b the energy must fall by the dissipation integrated along the path,
 * E_b - E_a = -A_ab, A_ab the sum over the steps between them of the scheme's quadrature of D that
 * {@link DissipationMeter} keeps for every particle (plus, for rate-metered schemes, the trapezoid's right end
 * h D(x_b) / 2 from the dissipation computed here; ensemble means of both sides). The observer reports the largest
 * relative violation
 *
 * <pre>
 *   max over intervals  |(E_b - E_a) + A_ab| / A_ab
 * </pre>
 *
 * What it measures: for an exact flow it is zero; for a scheme of order p it is the scheme's own error in the energy
 * along its path, O(h^p) (explicit Euler: about h |b^T Hess E b| / 2D, the known first-order gap; Dormand-Prince:
 * its local tolerance, about 1e-9 or below), whatever the observation interval. A figure far above that of the
 * scheme's order means that the path does not follow -K dE: a wrong gradient, a K that is not the metric's, a
 * retraction that moves the state elsewhere. Intervals whose predicted fall is below rounding
 * (A_ab &lt;= 1e-10 (1 + |E_a|)) are skipped. Not defined (null) for stochastic flows, for flows of measures with
 * an entropy, which descend F = E + T S rather than E ({@link DissipationMeter#energyIsLyapunov}), and for schemes
 * of a surrogate flow ({@link org.varflow.api.SurrogateSchemeFactory}: Adam, minibatch SGD, Sinkhorn).
 *
 * <p>Without a meter (a run not started through {@code Varflow}) the observer falls back on the trapezoid rule over
 * each observation interval, -(t_b - t_a)(D_a + D_b)/2, which is only second-order in the interval.
 */
public final class DissipationObserver implements StatefulObserver {
    private final EnsembleStats stats;
    /** Where the meter's slots start in the auxiliary state, or -1 without a meter. */
    private final int meterOffset;
    /** Whether the run's scheme discretises the flow (not a surrogate of it). */
    private final boolean certifiable;
    private boolean active;
    private double lastEnergy;
    private double lastRate;
    private double lastTime;
    private double maxViolation = Double.NaN;
    private long checked;
    private double[] aux;

    /** An observer with the trapezoid fallback (no meter). */
    public DissipationObserver(EnsembleStats stats) {
        this(stats, -1);
    }

    /**
     * @param meterOffset where {@link DissipationMeter}'s slots start in each particle's auxiliary state (-1: no
     *                    meter, fall back on the trapezoid rule between observations)
     */
    public DissipationObserver(EnsembleStats stats, int meterOffset) {
        this(stats, meterOffset, true);
    }

    /**
     * @param meterOffset where {@link DissipationMeter}'s slots start (-1: no meter)
     * @param scheme      false for a scheme of a surrogate flow ({@link org.varflow.api.SurrogateSchemeFactory}):
     *                    nothing is certified, the figures are null
     */
    public DissipationObserver(EnsembleStats stats, int meterOffset, boolean scheme) {
        this.stats = stats;
        this.meterOffset = meterOffset;
        this.certifiable = scheme;
    }

    @Override
    public void start(RunInfo info) {
        active = certifiable && DissipationMeter.energyIsLyapunov(info.flow());
    }

    @Override
    public void observe(Snapshot s) {
        if (!active) {
            return;
        }
        boolean metered = meterOffset >= 0 && s.auxiliaryDimension() >= meterOffset + DissipationMeter.SLOTS;
        EnsembleStats st = stats.update(s, true); // the energy observer asked for the same: cached
        double e = st.energy();
        double rate = st.dissipation();
        double dissipated = metered ? meteredSinceLast(s, st.dissipation())
                : (s.time() - lastTime) * 0.5 * (lastRate + rate);
        if (s.step() > 0) {
            double predicted = -dissipated;
            double observed = e - lastEnergy;
            if (Double.isFinite(observed) && Double.isFinite(predicted)
                    && Math.abs(predicted) > 1e-10 * (1 + Math.abs(lastEnergy))) {
                double v = Math.abs(observed - predicted) / Math.abs(predicted);
                maxViolation = Double.isNaN(maxViolation) ? v : Math.max(maxViolation, v);
                checked++;
            }
        }
        lastEnergy = e;
        lastRate = rate;
        lastTime = s.time();
    }

    /**
     * Mean over particles of what the meter summed since the last observation (the sum less its compensation), plus
     * the trapezoid's right end h D(x_b) / 2 of a rate-metered last step (h is the same for every particle).
     */
    private double meteredSinceLast(Snapshot s, double rateHere) {
        int n = s.particles();
        if (aux == null || aux.length != s.auxiliaryDimension()) {
            aux = new double[s.auxiliaryDimension()];
        }
        double total = 0;
        double pending = 0;
        for (int p = 0; p < n; p++) {
            s.auxiliary(p, aux);
            total += aux[meterOffset] - aux[meterOffset + 1];
            pending = aux[meterOffset + 2];
        }
        return total / n + (pending == 0 ? 0 : 0.5 * pending * rateHere);
    }

    /** The largest relative violation so far (NaN when nothing was checked). */
    public double maxViolation() {
        return maxViolation;
    }

    /** The largest relative violation of a deterministic flow; NaN for a stochastic one or when nothing was checked. */
    public double reportedViolation() {
        return active ? maxViolation : Double.NaN;
    }

    /** How many intervals were checked, for deterministic flows (empty for stochastic ones). */
    public java.util.OptionalLong intervalsChecked() {
        return active ? java.util.OptionalLong.of(checked) : java.util.OptionalLong.empty();
    }

    @Override
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxDissipationViolation", active ? Summaries.number(maxViolation) : null);
        m.put("dissipationIntervalsChecked", active ? checked : null);
        return m;
    }

    @Override
    public void save(java.io.DataOutput out) throws java.io.IOException {
        out.writeDouble(lastEnergy);
        out.writeDouble(lastRate);
        out.writeDouble(lastTime);
        out.writeDouble(maxViolation);
        out.writeLong(checked);
    }

    @Override
    public void restore(java.io.DataInput in) throws java.io.IOException {
        lastEnergy = in.readDouble();
        lastRate = in.readDouble();
        lastTime = in.readDouble();
        maxViolation = in.readDouble();
        checked = in.readLong();
    }
}
