package org.varflow.core.observe;

import org.varflow.api.linalg.Cholesky;
import org.varflow.api.Flow;
import org.varflow.api.Snapshot;

/**
 * Per-snapshot statistics shared by the standard observers, computed at most once per observed step: the
 * ensemble mean energy, the mean dissipation rate D = mean_p &lt;dE(x_p), K(x_p) dE(x_p)&gt;, the mean and
 * (for d &lt;= {@value #MAX_COVARIANCE_DIMENSION}) the covariance of the particles.
 */
public final class EnsembleStats {
    /** Largest dimension for which the full covariance is computed and reported. */
    public static final int MAX_COVARIANCE_DIMENSION = 64;

    private final double[] gradient;
    private final double[] raised;
    private final double[] x;
    private long step = -1;
    private boolean withDissipation;
    private double energy;
    private double dissipation;
    private double[] mean;
    private double[] covariance;
    private double[] covarianceStore;
    private Snapshot snapshot;
    private long momentsStep = -1;

    public EnsembleStats(int dimension) {
        this.gradient = new double[dimension];
        this.raised = new double[dimension];
        this.x = new double[dimension];
    }

    /** Brings the statistics up to the snapshot's step; dissipation is only computed when asked for. */
    public EnsembleStats update(Snapshot s, boolean needDissipation) {
        if (s.step() == step && (withDissipation || !needDissipation)) {
            return this;
        }
        snapshot = s;
        momentsStep = -1;
        Flow flow = s.flow();
        int n = s.particles();
        int d = s.dimension();
        double[] states = s.states();
        double e = 0;
        double diss = 0;
        for (int p = 0; p < n; p++) {
            System.arraycopy(states, p * d, x, 0, d);
            if (needDissipation) {
                e += flow.energy().valueAndGradient(x, gradient);
                flow.metric().raise(x, gradient, raised);
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += gradient[i] * raised[i];
                }
                diss += dot;
            } else {
                e += flow.energy().value(x);
            }
        }
        energy = e / n;
        dissipation = needDissipation ? diss / n : Double.NaN;
        withDissipation = needDissipation;
        step = s.step();
        return this;
    }

    /** Mean and covariance of the last updated snapshot, computed on first use (O(N d^2)). */
    private void moments() {
        Snapshot s = snapshot;
        if (momentsStep == step) {
            return;
        }
        int n = s.particles();
        int d = s.dimension();
        double[] states = s.states();
        if (mean == null || mean.length != d) {
            mean = new double[d];
        }
        java.util.Arrays.fill(mean, 0.0);
        for (int p = 0; p < n; p++) {
            for (int i = 0; i < d; i++) {
                mean[i] += states[p * d + i];
            }
        }
        for (int i = 0; i < d; i++) {
            mean[i] /= n;
        }
        covariance = null;
        if (n > 1 && d <= MAX_COVARIANCE_DIMENSION) {
            if (covarianceStore == null) {
                covarianceStore = new double[d * d];
            }
            covariance = covarianceStore;
            java.util.Arrays.fill(covariance, 0.0);
            for (int p = 0; p < n; p++) {
                int off = p * d;
                for (int i = 0; i < d; i++) {
                    double ci = states[off + i] - mean[i];
                    for (int j = 0; j <= i; j++) {
                        covariance[i * d + j] += ci * (states[off + j] - mean[j]);
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    double c = covariance[i * d + j] / (n - 1);
                    covariance[i * d + j] = c;
                    covariance[j * d + i] = c;
                }
            }
        }
        momentsStep = step;
    }

    /** Mean energy over the particles. */
    public double energy() {
        return energy;
    }

    /** Mean &lt;dE, K dE&gt; (NaN unless computed). */
    public double dissipation() {
        return dissipation;
    }

    /** Mean of the particles (shared array: do not modify). */
    public double[] mean() {
        moments();
        return mean;
    }

    /** Unbiased sample covariance, row-major d x d, or null (one particle, or d too large). */
    public double[] covariance() {
        moments();
        return covariance;
    }

    /**
     * The differential entropy of the Gaussian with the ensemble's covariance,
     * H = -integral rho log rho = (d/2) log(2 pi e) + (1/2) log det Sigma, or NaN when Sigma is unavailable or not
     * positive definite. Exact for Gaussian ensembles such as Ornstein-Uhlenbeck; an estimate otherwise.
     */
    public double gaussianEntropy(int d) {
        return covariance() == null ? Double.NaN : gaussianEntropy(covariance, d);
    }

    /**
     * The differential entropy (d/2) log(2 pi e) + (1/2) log det Sigma of the Gaussian with covariance
     * {@code covariance} (row-major d x d), by Cholesky; NaN when it is not positive definite. What the free energy
     * of an ensemble uses, also for ensembles whose covariance was merged from shards.
     */
    public static double gaussianEntropy(double[] covariance, int d) {
        double[] l = covariance.clone();
        if (Cholesky.factor(l, d) >= 0) {
            return Double.NaN;
        }
        double logDet = Cholesky.logDet(l, d);
        return 0.5 * d * Math.log(2 * Math.PI * Math.E) + 0.5 * logDet;
    }
}
