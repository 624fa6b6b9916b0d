package org.varflow.models.manifold;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.FisherInformation;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.linalg.Cholesky;

/**
 * Maximum-likelihood fit of a Gaussian N(m, Sigma) on R^k to a seeded synthetic sample y_1..y_n: the energy is the
 * average negative log-likelihood
 *
 * <pre>
 *   E = (k/2) log 2 pi + (1/2) log det Sigma + (1/2) tr(Sigma^-1 S_m),   S_m = (1/n) sum_i (y_i - m)(y_i - m)^T
 * </pre>
 *
 * whose minimiser is the MLE m = ybar, Sigma = (1/n) sum (y_i - ybar)(y_i - ybar)^T. The state has
 * p = k + k(k+1)/2 coordinates (the space dimension fixes k: 2 -&gt; k = 1, 5 -&gt; 2, 9 -&gt; 3), in one of two
 * coordinate systems (a symmetric matrix by its upper triangle, row by row, each off-diagonal entry once):
 *
 * <pre>
 *   mean-covariance  x = (m, vech Sigma)      F = diag(P, F_S),  P = Sigma^-1,
 *                                             F_S[(ij),(rs)] = (1/2) tr(P E_ij P E_rs),  E_ij = e_i e_j^T + e_j e_i^T
 *   expectation      x = (m, vech M), M = Sigma + m m^T = E[y y^T]   (the expectation parameters eta = E[T(y)])
 *                                             F = Cov(T)^-1,  T(y) = (y, vech y y^T)    (Isserlis' formulas)
 * </pre>
 *
 * In expectation parameters the natural gradient is F^-1 dE = eta - Tbar (Tbar the sample mean of T), so the
 * natural-gradient (Fisher) Euler step with h = 1 lands on the MLE exactly, from any start: the exponential-family
 * property. Gradients: dE/dm = P (m - ybar) [- 2 G m in expectation coordinates], dE/dSigma = G =
 * (P - P S_m P) / 2 (off-diagonal coordinates 2 G_ij). Outside the domain (Sigma not positive definite) E = +infinity
 * and the gradient is NaN.
 */
public final class GaussianFitEnergyFactory implements EnergyFactory {
    static final String OWNER = "energy 'gaussian-fit'";

    @Override
    public String id() {
        return "gaussian-fit";
    }

    @Override
    public String summary() {
        return "Gaussian maximum-likelihood fit (average NLL) in expectation or mean-covariance coordinates; knows"
                + " its Fisher";
    }

    @Override
    public String formula() {
        return "E(m, Sigma) = (k/2) log 2pi + (1/2) log det Sigma + (1/2) tr(Sigma^-1 S_m);  x = (m, vech Sigma) with"
                + " F = diag(Sigma^-1, (1/2) tr(P E P E')), or x = (m, vech(Sigma + m m^T)) with F = Cov(T)^-1";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.choice("coordinates", List.of("expectation", "mean-covariance"),
                        "state coordinates: expectation (m, E[y y^T]) or mean-covariance (m, Sigma), symmetric"
                                + " matrices by their upper triangle"),
                Parameter.integer("n", 100, 2, 10_000_000, "sample size"),
                Parameter.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE, "seed of the synthetic sample"),
                Parameter.vector("mean", "1", "true mean of the sample's law (one number for every coordinate)"),
                Parameter.positive("std", 2, "true standard deviation of each coordinate"),
                Parameter.real("correlation", 0.5, -0.99, 0.99, "true correlation between any two coordinates"));
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        int p = space.dimension();
        int k = (int) Math.round((Math.sqrt(9.0 + 8.0 * p) - 3) / 2);
        if (k < 1 || k * (k + 3) / 2 != p) {
            throw new ConfigurationException(OWNER + ": the state of a Gaussian on R^k has k + k(k+1)/2 coordinates"
                    + " (2, 5, 9, 14, ...); the space has dimension " + p);
        }
        if (k > 40) {
            throw new ConfigurationException(OWNER + ": data dimension k = " + k + " is too large (at most 40)");
        }
        double[] mean = Parameters.broadcast(OWNER, "mean", parameters.vector("mean"), k,
                "dimension " + k + " is needed");
        double std = parameters.real("std");
        double rho = parameters.real("correlation");
        if (k > 1 && !(rho > -1.0 / (k - 1))) {
            throw new ConfigurationException(OWNER + ": correlation " + Parameter.format(rho) + " does not give a"
                    + " positive definite covariance in dimension " + k + "; it must be > " + (-1.0 / (k - 1)));
        }
        double[] cov = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                cov[i * k + j] = std * std * (i == j ? 1 : rho);
            }
        }
        Cholesky.factor(cov, k);
        int n = (int) parameters.integer("n");
        Random rnd = new Random(parameters.integer("seed"));
        double[] ybar = new double[k];
        double[] second = new double[k * k];
        double[] z = new double[k];
        double[] y = new double[k];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < k; i++) {
                z[i] = rnd.nextGaussian();
            }
            for (int i = 0; i < k; i++) {
                double v = mean[i];
                for (int j = 0; j <= i; j++) {
                    v += cov[i * k + j] * z[j];
                }
                y[i] = v;
            }
            for (int i = 0; i < k; i++) {
                ybar[i] += y[i] / n;
                for (int j = 0; j < k; j++) {
                    second[i * k + j] += y[i] * y[j] / n;
                }
            }
        }
        return new GaussianFit(k, ybar, second, parameters.text("coordinates").equals("expectation"));
    }

    /** The sufficient statistics of the sample and the coordinate system; scratch per thread. */
    public static final class GaussianFit implements Energy, FisherInformation {
        private final int k;
        private final int p;
        private final double[] ybar;
        private final double[] second;
        private final boolean expectation;
        private final int[] rowOf;
        private final int[] colOf;
        private final ThreadLocal<Work> work;

        GaussianFit(int k, double[] ybar, double[] second, boolean expectation) {
            this.k = k;
            this.p = k + k * (k + 1) / 2;
            this.ybar = ybar;
            this.second = second;
            this.expectation = expectation;
            this.rowOf = new int[p - k];
            this.colOf = new int[p - k];
            int a = 0;
            for (int i = 0; i < k; i++) {
                for (int j = i; j < k; j++) {
                    rowOf[a] = i;
                    colOf[a] = j;
                    a++;
                }
            }
            this.work = ThreadLocal.withInitial(() -> new Work(k, p));
        }

        /** The sample mean ybar (a copy). */
        public double[] sampleMean() {
            return ybar.clone();
        }

        /** The sample second moment (1/n) sum y y^T, row-major k x k (a copy). */
        public double[] sampleSecondMoment() {
            return second.clone();
        }

        /** The MLE in this energy's coordinates: (ybar, vech Sigma_hat) or (ybar, vech second moment). */
        public double[] maximumLikelihood() {
            double[] x = new double[p];
            System.arraycopy(ybar, 0, x, 0, k);
            for (int a = 0; a < p - k; a++) {
                int i = rowOf[a];
                int j = colOf[a];
                x[k + a] = second[i * k + j] - (expectation ? 0 : ybar[i] * ybar[j]);
            }
            return x;
        }

        /** Fills m, Sigma, its factor, P = Sigma^-1 and S_m; false when Sigma is not positive definite. */
        private boolean load(double[] x, Work w) {
            System.arraycopy(x, 0, w.m, 0, k);
            for (int a = 0; a < p - k; a++) {
                int i = rowOf[a];
                int j = colOf[a];
                double v = x[k + a] - (expectation ? x[i] * x[j] : 0.0);
                w.sigma[i * k + j] = v;
                w.sigma[j * k + i] = v;
            }
            System.arraycopy(w.sigma, 0, w.factor, 0, k * k);
            if (Cholesky.factor(w.factor, k) >= 0) {
                return false;
            }
            Cholesky.inverse(w.factor, k, w.precision);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    w.sm[i * k + j] = second[i * k + j] - ybar[i] * w.m[j] - w.m[i] * ybar[j] + w.m[i] * w.m[j];
                }
            }
            return true;
        }

        @Override
        public double value(double[] x) {
            Work w = work.get();
            if (!load(x, w)) {
                return Double.POSITIVE_INFINITY;
            }
            double e = 0.5 * k * Math.log(2 * Math.PI);
            for (int i = 0; i < k; i++) {
                e += Math.log(w.factor[i * k + i]);
            }
            double tr = 0;
            for (int i = 0; i < k * k; i++) {
                tr += w.precision[i] * w.sm[i];
            }
            return e + 0.5 * tr;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            Work w = work.get();
            if (!load(x, w)) {
                java.util.Arrays.fill(out, 0, p, Double.NaN);
                return;
            }
            double[] pr = w.precision;
            // tmp = P S_m, G = (P - P S_m P) / 2
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    double s = 0;
                    for (int l = 0; l < k; l++) {
                        s += pr[i * k + l] * w.sm[l * k + j];
                    }
                    w.tmp[i * k + j] = s;
                }
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    double s = 0;
                    for (int l = 0; l < k; l++) {
                        s += w.tmp[i * k + l] * pr[l * k + j];
                    }
                    w.g[i * k + j] = 0.5 * (pr[i * k + j] - s);
                }
            }
            for (int i = 0; i < k; i++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += pr[i * k + j] * (w.m[j] - ybar[j]);
                    if (expectation) {
                        s -= 2 * w.g[i * k + j] * w.m[j];
                    }
                }
                out[i] = s;
            }
            for (int a = 0; a < p - k; a++) {
                int i = rowOf[a];
                int j = colOf[a];
                out[k + a] = (i == j ? 1 : 2) * w.g[i * k + j];
            }
        }

        @Override
        public void fisher(double[] x, double[] out) {
            Work w = work.get();
            if (!load(x, w)) {
                java.util.Arrays.fill(out, 0, p * p, Double.NaN);
                return;
            }
            if (expectation) {
                covarianceOfT(w, w.cov);
                if (Cholesky.factor(w.cov, p) >= 0) {
                    java.util.Arrays.fill(out, 0, p * p, Double.NaN);
                    return;
                }
                Cholesky.inverse(w.cov, p, out);
                return;
            }
            java.util.Arrays.fill(out, 0, p * p, 0.0);
            double[] pr = w.precision;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    out[i * p + j] = pr[i * k + j];
                }
            }
            for (int a = 0; a < p - k; a++) {
                for (int b = 0; b < p - k; b++) {
                    out[(k + a) * p + k + b] = 0.5 * traceTerm(pr, rowOf[a], colOf[a], rowOf[b], colOf[b]);
                }
            }
        }

        /** tr(P E_ij P E_rs) with E_ij = e_i e_j^T + e_j e_i^T (i != j) or e_i e_i^T. */
        private double traceTerm(double[] pr, int i, int j, int r, int s) {
            // E_ij = sum over ordered pairs (a, b) of e_a e_b^T; tr(P e_a e_b^T P e_c e_d^T) = P_da P_bc
            double t = 0;
            for (int u = 0; u < (i == j ? 1 : 2); u++) {
                int a = u == 0 ? i : j;
                int b = u == 0 ? j : i;
                for (int v = 0; v < (r == s ? 1 : 2); v++) {
                    int c = v == 0 ? r : s;
                    int d = v == 0 ? s : r;
                    t += pr[d * k + a] * pr[b * k + c];
                }
            }
            return t;
        }

        /** Cov(T) for T = (y, vech y y^T) under N(m, Sigma), by Isserlis' theorem. */
        private void covarianceOfT(Work w, double[] c) {
            double[] m = w.m;
            double[] s = w.sigma;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    c[i * p + j] = s[i * k + j];
                }
                for (int a = 0; a < p - k; a++) {
                    int q1 = rowOf[a];
                    int q2 = colOf[a];
                    double v = m[q1] * s[i * k + q2] + m[q2] * s[i * k + q1];
                    c[i * p + k + a] = v;
                    c[(k + a) * p + i] = v;
                }
            }
            for (int a = 0; a < p - k; a++) {
                int q = rowOf[a];
                int r = colOf[a];
                for (int b = 0; b < p - k; b++) {
                    int u = rowOf[b];
                    int v = colOf[b];
                    c[(k + a) * p + k + b] = s[q * k + u] * s[r * k + v] + s[q * k + v] * s[r * k + u]
                            + m[q] * m[u] * s[r * k + v] + m[q] * m[v] * s[r * k + u]
                            + m[r] * m[u] * s[q * k + v] + m[r] * m[v] * s[q * k + u];
                }
            }
        }

        /** Scratch of one thread. */
        private static final class Work {
            final double[] m;
            final double[] sigma;
            final double[] factor;
            final double[] precision;
            final double[] sm;
            final double[] tmp;
            final double[] g;
            final double[] cov;

            Work(int k, int p) {
                m = new double[k];
                sigma = new double[k * k];
                factor = new double[k * k];
                precision = new double[k * k];
                sm = new double[k * k];
                tmp = new double[k * k];
                g = new double[k * k];
                cov = new double[p * p];
            }
        }
    }
}
