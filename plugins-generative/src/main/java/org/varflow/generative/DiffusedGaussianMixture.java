package org.varflow.generative;

import java.util.random.RandomGenerator;

/**
 * A Gaussian mixture with diagonal covariances, p(x) = sum_k w_k N(x; mu_k, diag(s_k^2)), and its image under the
 * forward Ornstein-Uhlenbeck process dX = -X dt + sqrt(2) dW.
 *
 * <h2>The forward marginals</h2>
 * X_t = e^-t X_0 + sigma_t Z with sigma_t^2 = 1 - e^-2t and Z ~ N(0, I) independent of X_0, so a Gaussian component
 * N(mu, S) is carried to N(e^-t mu, e^-2t S + sigma_t^2 I) and the whole law to
 * <pre>
 *   p_t(x) = sum_k w_k N(x; m_k(t), diag(v_k(t))),   m_k(t) = e^-t mu_k,   v_kj(t) = e^-2t s_kj^2 + 1 - e^-2t,
 * </pre>
 * which tends to N(0, I) as t grows (the mean part as e^-t). Its score is the responsibility-weighted average of the
 * component scores:
 * <pre>
 *   grad log p_t(x) = sum_k r_k(x) ( -(x - m_k(t)) / v_k(t) ),   r_k(x) = w_k N_k(x) / sum_l w_l N_l(x),
 * </pre>
 * evaluated with log-sum-exp (two passes over the components, no scratch arrays), so it is stable far out in the
 * tails and allocates nothing. Diagonal covariances keep every marginal diagonal; a full covariance would need a
 * d x d factorisation per component and time and is not needed for the demonstrations.
 */
public final class DiffusedGaussianMixture implements TimeScore {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private final int k;
    private final int d;
    private final double[] logWeights;
    private final double[] weights;
    private final double[] means;
    private final double[] variances;

    /**
     * @param weights   w_k &gt; 0 (normalised here), length K &gt;= 1
     * @param means     mu_k, row-major K x d
     * @param variances s_kj^2 &gt; 0, row-major K x d
     */
    public DiffusedGaussianMixture(double[] weights, double[] means, double[] variances) {
        k = weights.length;
        if (k == 0) {
            throw new IllegalArgumentException("Gaussian mixture: no components; give at least one weight");
        }
        if (means.length == 0 || means.length % k != 0 || variances.length != means.length) {
            throw new IllegalArgumentException("Gaussian mixture: " + k + " weights need means and variances of"
                    + " length K d (a multiple of " + k + "); got " + means.length + " and " + variances.length);
        }
        d = means.length / k;
        double total = 0;
        for (double w : weights) {
            if (!(w > 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("Gaussian mixture: weight " + w + " is not valid; expected a"
                        + " finite real number > 0");
            }
            total += w;
        }
        for (double v : variances) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("Gaussian mixture: variance " + v + " is not valid; expected a"
                        + " finite real number > 0");
            }
        }
        for (double m : means) {
            if (!Double.isFinite(m)) {
                throw new IllegalArgumentException("Gaussian mixture: mean " + m + " is not finite");
            }
        }
        this.weights = new double[k];
        this.logWeights = new double[k];
        for (int c = 0; c < k; c++) {
            this.weights[c] = weights[c] / total;
            this.logWeights[c] = Math.log(this.weights[c]);
        }
        this.means = means.clone();
        this.variances = variances.clone();
    }

    /** The 1-D demonstration law: 0.3 N(-2, 0.25) + 0.7 N(1.5, 0.36). */
    public static DiffusedGaussianMixture demo1d() {
        return new DiffusedGaussianMixture(new double[] {0.3, 0.7}, new double[] {-2, 1.5}, new double[] {0.25, 0.36});
    }

    /**
     * The 2-D demonstration law: three equally weighted components at (-2, 0), (2, 0), (0, 2.5) with variances
     * (0.3, 0.2), (0.2, 0.4), (0.25, 0.25).
     */
    public static DiffusedGaussianMixture demo2d() {
        return new DiffusedGaussianMixture(new double[] {1, 1, 1}, new double[] {-2, 0, 2, 0, 0, 2.5},
                new double[] {0.3, 0.2, 0.2, 0.4, 0.25, 0.25});
    }

    @Override
    public int dimension() {
        return d;
    }

    /** Number of components K. */
    public int components() {
        return k;
    }

    /** n independent draws of the data law (t = 0), row-major n x d. */
    public double[] sample(int n, RandomGenerator rng) {
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            int c = 0;
            double acc = weights[0];
            while (u >= acc && c < k - 1) {
                c++;
                acc += weights[c];
            }
            for (int j = 0; j < d; j++) {
                out[i * d + j] = means[c * d + j] + Math.sqrt(variances[c * d + j]) * rng.nextGaussian();
            }
        }
        return out;
    }

    /** log p_t(x) (t = 0: the data law). */
    public double logDensity(double[] x, double t) {
        double a = Math.exp(-t);
        double a2 = a * a;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, logComponent(x, c, a, a2));
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            sum += Math.exp(logComponent(x, c, a, a2) - max);
        }
        return max + Math.log(sum);
    }

    /** The exact score grad log p_t(x) of the OU marginal (t = 0: the data law's score). */
    @Override
    public void score(double[] x, double t, double[] out) {
        double a = Math.exp(-t);
        double a2 = a * a;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, logComponent(x, c, a, a2));
        }
        java.util.Arrays.fill(out, 0, d, 0.0);
        double sum = 0;
        for (int c = 0; c < k; c++) {
            double r = Math.exp(logComponent(x, c, a, a2) - max);
            sum += r;
            for (int j = 0; j < d; j++) {
                double v = a2 * variances[c * d + j] + 1 - a2;
                out[j] -= r * (x[j] - a * means[c * d + j]) / v;
            }
        }
        for (int j = 0; j < d; j++) {
            out[j] /= sum;
        }
    }

    /** The mean of coordinate j under p_t. */
    public double mean(int j, double t) {
        double m = 0;
        for (int c = 0; c < k; c++) {
            m += weights[c] * means[c * d + j];
        }
        return Math.exp(-t) * m;
    }

    /** The variance of coordinate j under p_t. */
    public double variance(int j, double t) {
        double a = Math.exp(-t);
        double second = 0;
        for (int c = 0; c < k; c++) {
            double m = a * means[c * d + j];
            second += weights[c] * (a * a * variances[c * d + j] + 1 - a * a + m * m);
        }
        double mean = mean(j, t);
        return second - mean * mean;
    }

    private double logComponent(double[] x, int c, double a, double a2) {
        double s = logWeights[c];
        for (int j = 0; j < d; j++) {
            double v = a2 * variances[c * d + j] + 1 - a2;
            double z = x[j] - a * means[c * d + j];
            s -= 0.5 * (LOG_2PI + Math.log(v) + z * z / v);
        }
        return s;
    }
}
