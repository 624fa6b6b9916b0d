package org.varflow.models.targets;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * The negative log-density of a Gaussian mixture with diagonal covariances, a multimodal sampling target:
 *
 * <pre>
 *   E(x) = -log sum_k w_k N(x; mu_k, diag(s_k^2)),   l_k(x) = log w_k - sum_j [log(s_kj sqrt(2 pi)) + (x_j - mu_kj)^2 /
 * 2 s_kj^2]
 *        = -(M + log sum_k exp(l_k - M)),  M = max_k l_k                       (log-sum-exp, no underflow)
 *   grad E(x) = sum_k gamma_k (x - mu_k) / s_k^2,   gamma_k = exp(l_k - M) / sum_k' exp(l_k' - M)   (responsibilities)
 * </pre>
 *
 * At T = 1 its Gibbs law is the mixture itself. Weights are normalised to sum to one.
 */
public final class GaussianMixtureEnergyFactory implements EnergyFactory {
    private static final String OWNER = "energy 'gaussian-mixture'";

    @Override
    public String id() {
        return "gaussian-mixture";
    }

    @Override
    public String summary() {
        return "negative log-density of a Gaussian mixture with diagonal covariances (a multimodal target)";
    }

    @Override
    public String formula() {
        return "E(x) = -log sum_k w_k N(x; mu_k, diag(s_k^2)) (log-sum-exp),  grad E = sum_k gamma_k (x - mu_k)/s_k^2,"
                + " gamma_k the posterior responsibilities";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.vector("weights", "0.5,0.5", "mixture weights w_k > 0 (normalised), one per component"),
                Parameter.matrix("means", "component means mu_k, K rows of d numbers (default: K modes at"
                        + " -2 and +2 on every axis for K = 2, else spread evenly on [-2, 2])"),
                Parameter.vector("std", "1", "isotropic standard deviation s_k per component (1 entry for all, or K)"),
                Parameter.matrix("stds", "diagonal standard deviations, K rows of d numbers > 0 (overrides std)"));
    }

    @Override
    public Energy create(Parameters p, Space space) {
        int d = space.dimension();
        double[] w = p.vector("weights");
        int k = w.length;
        double total = 0;
        for (int i = 0; i < k; i++) {
            if (!(w[i] > 0) || !Double.isFinite(w[i])) {
                throw new ConfigurationException(OWNER + ": parameter 'weights' entry " + (i + 1) + " = " + w[i]
                        + " is out of range; valid: a finite number > 0");
            }
            total += w[i];
        }
        double[] mu = new double[k * d];
        if (p.has("means")) {
            double[][] m = p.matrix("means");
            if (m.length != k) {
                throw new ConfigurationException(OWNER + ": parameter 'means' has " + m.length + " rows but there are "
                        + k + " weights; give one row of " + d + " numbers per component");
            }
            for (int i = 0; i < k; i++) {
                if (m[i].length != d) {
                    throw new ConfigurationException(OWNER + ": row " + (i + 1) + " of 'means' has " + m[i].length
                            + " numbers but the space has dimension " + d);
                }
                System.arraycopy(m[i], 0, mu, i * d, d);
            }
        } else {
            for (int i = 0; i < k; i++) {
                Arrays.fill(mu, i * d, (i + 1) * d, k == 1 ? 0 : -2 + 4.0 * i / (k - 1));
            }
        }
        double[] s = new double[k * d];
        if (p.has("stds")) {
            double[][] m = p.matrix("stds");
            if (m.length != k) {
                throw new ConfigurationException(OWNER + ": parameter 'stds' has " + m.length + " rows, expected " + k);
            }
            for (int i = 0; i < k; i++) {
                if (m[i].length != d) {
                    throw new ConfigurationException(OWNER + ": row " + (i + 1) + " of 'stds' has " + m[i].length
                            + " numbers but the space has dimension " + d);
                }
                System.arraycopy(m[i], 0, s, i * d, d);
            }
        } else {
            double[] iso = p.vector("std");
            if (iso.length != 1 && iso.length != k) {
                throw new ConfigurationException(OWNER + ": parameter 'std' has " + iso.length + " entries; give 1 or "
                        + k + " (one per component)");
            }
            for (int i = 0; i < k; i++) {
                Arrays.fill(s, i * d, (i + 1) * d, iso.length == 1 ? iso[0] : iso[i]);
            }
        }
        for (int i = 0; i < s.length; i++) {
            if (!(s[i] > 0) || !Double.isFinite(s[i])) {
                throw new ConfigurationException(OWNER + ": standard deviation " + s[i] + " (component " + (i / d + 1)
                        + ", axis " + (i % d + 1) + ") is out of range; valid: a finite number > 0");
            }
        }
        double[] logW = new double[k];
        for (int i = 0; i < k; i++) {
            logW[i] = Math.log(w[i] / total);
        }
        return new MixturePotential(d, logW, mu, s);
    }

    /**
     * The mixture's potential E = -log p, the energy whose Gibbs law at beta = 1 is the mixture.
     *
     * @param d    dimension
     * @param logW log w_k (normalised)
     * @param mu   means, K x d row-major
     * @param s    standard deviations, K x d row-major
     */
    public record MixturePotential(int d, double[] logW, double[] mu, double[] s) implements Energy {
        public MixturePotential {
            logW = logW.clone();
            mu = mu.clone();
            s = s.clone();
        }

        /** The number K of components. */
        public int components() {
            return logW.length;
        }

        /** The mixture's mean sum_k w_k mu_k. */
        public double[] mean() {
            double[] m = new double[d];
            for (int k = 0; k < logW.length; k++) {
                for (int j = 0; j < d; j++) {
                    m[j] += Math.exp(logW[k]) * mu[k * d + j];
                }
            }
            return m;
        }

        private double logComponent(int k, double[] x) {
            double l = logW[k];
            for (int j = 0; j < d; j++) {
                double sj = s[k * d + j];
                double z = (x[j] - mu[k * d + j]) / sj;
                l -= Math.log(sj) + 0.5 * z * z;
            }
            return l - 0.5 * d * Math.log(2 * Math.PI);
        }

        private double max(double[] x) {
            double m = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < logW.length; k++) {
                m = Math.max(m, logComponent(k, x));
            }
            return m;
        }

        @Override
        public double value(double[] x) {
            double m = max(x);
            double sum = 0;
            for (int k = 0; k < logW.length; k++) {
                sum += Math.exp(logComponent(k, x) - m);
            }
            return -(m + Math.log(sum));
        }

        @Override
        public void gradient(double[] x, double[] out) {
            valueAndGradient(x, out);
        }

        @Override
        public double valueAndGradient(double[] x, double[] out) {
            double m = max(x);
            Arrays.fill(out, 0, d, 0.0);
            double sum = 0;
            for (int k = 0; k < logW.length; k++) {
                double e = Math.exp(logComponent(k, x) - m);
                sum += e;
                for (int j = 0; j < d; j++) {
                    double sj = s[k * d + j];
                    out[j] += e * (x[j] - mu[k * d + j]) / (sj * sj);
                }
            }
            for (int j = 0; j < d; j++) {
                out[j] /= sum;
            }
            return -(m + Math.log(sum));
        }
    }
}
