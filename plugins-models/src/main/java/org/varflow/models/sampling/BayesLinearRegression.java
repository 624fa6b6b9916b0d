package org.varflow.models.sampling;

import org.varflow.api.FiniteSumEnergy;
import org.varflow.api.linalg.Cholesky;

/**
 * The negative log-posterior of Bayesian linear regression with a Gaussian prior and Gaussian noise, up to a
 * constant:
 *
 * <pre>
 *   y_i = w . phi_i + eps_i,   eps_i ~ N(0, sigma^2),   w ~ N(0, s0^2 I)
 *   E(w) = |w|^2 / (2 s0^2) + sum_{i=1..n} (y_i - w . phi_i)^2 / (2 sigma^2)
 *   r(w) = |w|^2 / (2 s0^2),   f_i(w) = (y_i - w . phi_i)^2 / (2 sigma^2),   df_i(w) = -(y_i - w . phi_i) phi_i /
 * sigma^2
 * </pre>
 *
 * with features phi_i = (1, x_i) when an intercept is fitted, else x_i. At beta = 1 the Gibbs law exp(-E) / Z is the
 * exact posterior N(mu, A^-1), A = I / s0^2 + Phi^T Phi / sigma^2, mu = A^-1 Phi^T y / sigma^2 (also the MAP and the
 * minimiser of E). Features are stored row-major; nothing is allocated in value, gradient or the term methods.
 */
public final class BayesLinearRegression implements FiniteSumEnergy {
    private final int n;
    private final int d;
    private final double[] phi;
    private final double[] y;
    private final double noiseVariance;
    private final double priorVariance;

    /**
     * @param data      inputs and responses
     * @param intercept whether phi_i starts with a constant 1
     * @param sigma     noise standard deviation
     * @param priorScale prior standard deviation s0
     */
    public BayesLinearRegression(RegressionData data, boolean intercept, double sigma, double priorScale) {
        if (!(sigma > 0) || !(priorScale > 0)) {
            throw new IllegalArgumentException("sigma and priorScale must be > 0");
        }
        this.n = data.size();
        int k = data.inputCount();
        this.d = k + (intercept ? 1 : 0);
        this.phi = new double[n * d];
        double[][] x = data.inputs();
        for (int i = 0; i < n; i++) {
            int off = i * d;
            if (intercept) {
                phi[off++] = 1.0;
            }
            System.arraycopy(x[i], 0, phi, off, k);
        }
        this.y = data.responses();
        this.noiseVariance = sigma * sigma;
        this.priorVariance = priorScale * priorScale;
    }

    /** The dimension d of w. */
    public int dimension() {
        return d;
    }

    @Override
    public int terms() {
        return n;
    }

    @Override
    public double value(double[] w) {
        double e = 0;
        for (int c = 0; c < d; c++) {
            e += w[c] * w[c];
        }
        e /= 2 * priorVariance;
        for (int i = 0; i < n; i++) {
            double r = residual(i, w);
            e += r * r / (2 * noiseVariance);
        }
        return e;
    }

    @Override
    public void gradient(double[] w, double[] out) {
        regularizerGradient(w, out);
        for (int i = 0; i < n; i++) {
            addTermGradient(i, w, 1.0, out);
        }
    }

    @Override
    public double valueAndGradient(double[] w, double[] gradient) {
        double e = 0;
        for (int c = 0; c < d; c++) {
            e += w[c] * w[c];
            gradient[c] = w[c] / priorVariance;
        }
        e /= 2 * priorVariance;
        for (int i = 0; i < n; i++) {
            double r = residual(i, w);
            e += r * r / (2 * noiseVariance);
            double s = -r / noiseVariance;
            int off = i * d;
            for (int c = 0; c < d; c++) {
                gradient[c] += s * phi[off + c];
            }
        }
        return e;
    }

    @Override
    public void addTermGradient(int i, double[] w, double scale, double[] out) {
        double s = -scale * residual(i, w) / noiseVariance;
        int off = i * d;
        for (int c = 0; c < d; c++) {
            out[c] += s * phi[off + c];
        }
    }

    @Override
    public double termValue(int i, double[] w) {
        double r = residual(i, w);
        return r * r / (2 * noiseVariance);
    }

    @Override
    public void regularizerGradient(double[] w, double[] out) {
        for (int c = 0; c < d; c++) {
            out[c] = w[c] / priorVariance;
        }
    }

    /** The constant Hessian A = I / s0^2 + Phi^T Phi / sigma^2. */
    @Override
    public void hessian(double[] w, double[] out) {
        double[] a = posteriorPrecision();
        System.arraycopy(a, 0, out, 0, d * d);
    }

    /** A = I / s0^2 + Phi^T Phi / sigma^2, row-major d x d. */
    public double[] posteriorPrecision() {
        double[] a = new double[d * d];
        for (int i = 0; i < n; i++) {
            int off = i * d;
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    a[r * d + c] += phi[off + r] * phi[off + c] / noiseVariance;
                }
            }
        }
        for (int r = 0; r < d; r++) {
            a[r * d + r] += 1.0 / priorVariance;
        }
        return a;
    }

    /** The exact posterior mean mu = A^-1 Phi^T y / sigma^2 (the MAP, the minimiser of E). */
    public double[] posteriorMean() {
        double[] b = new double[d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                b[c] += phi[i * d + c] * y[i] / noiseVariance;
            }
        }
        double[] l = factor(posteriorPrecision());
        Cholesky.solve(l, d, b, b);
        return b;
    }

    /** The exact posterior covariance A^-1, row-major d x d. */
    public double[] posteriorCovariance() {
        double[] l = factor(posteriorPrecision());
        double[] cov = new double[d * d];
        Cholesky.inverse(l, d, cov);
        return cov;
    }

    private double residual(int i, double[] w) {
        int off = i * d;
        double s = 0;
        for (int c = 0; c < d; c++) {
            s += phi[off + c] * w[c];
        }
        return y[i] - s;
    }

    /** The Cholesky factor of an SPD matrix, in place. */
    private double[] factor(double[] a) {
        if (Cholesky.factor(a, d) >= 0) {
            throw new IllegalStateException("posterior precision is not positive definite");
        }
        return a;
    }
}
