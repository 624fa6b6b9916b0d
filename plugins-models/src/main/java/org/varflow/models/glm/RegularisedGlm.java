package org.varflow.models.glm;

import java.util.Arrays;
import org.varflow.api.FiniteSumEnergy;
import org.varflow.api.FisherInformation;

/**
 * An L2-regularised generalised linear model with a canonical link, as a finite-sum energy:
 *
 * <pre>
 *   E(w) = (1/n) sum_i l(z_i, y_i) + (lambda/2) |w|^2,   z_i = phi_i . w,
 *   dE   = (1/n) sum_i l'(z_i, y_i) phi_i + lambda w,
 *   F(w) = (1/n) sum_i v(z_i) phi_i phi_i^T,   Hess E = F + lambda I   (canonical link: Hessian = Fisher)
 * </pre>
 *
 * with l the negative log-likelihood of one example in its natural parameter z and v = l'' its variance function.
 * Linear regression (l = (z - y)^2 / 2, v = 1) and logistic regression (l = log(1 + e^z) - y z, v = p (1 - p)) are
 * the two in varflow. The features are row-major n x d; nothing here allocates.
 */
public abstract class RegularisedGlm implements FiniteSumEnergy, FisherInformation {
    protected final double[] phi;
    protected final double[] y;
    protected final int n;
    protected final int d;
    protected final double lambda;

    protected RegularisedGlm(double[] phi, double[] y, int n, int d, double lambda) {
        if (phi.length != n * d || y.length != n) {
            throw new IllegalArgumentException("features must be n x d = " + n + " x " + d + " and responses n long");
        }
        this.phi = phi;
        this.y = y;
        this.n = n;
        this.d = d;
        this.lambda = lambda;
    }

    /** l(z, y): the loss of one example at natural parameter z. */
    protected abstract double loss(double z, double y);

    /** l'(z, y) = d l / d z. */
    protected abstract double lossSlope(double z, double y);

    /** v(z) = d^2 l / d z^2, the weight of phi phi^T in the Fisher information. */
    protected abstract double variance(double z);

    /** z_i = phi_i . w. */
    protected final double predictor(int i, double[] w) {
        double z = 0;
        int r = i * d;
        for (int j = 0; j < d; j++) {
            z += phi[r + j] * w[j];
        }
        return z;
    }

    @Override
    public int terms() {
        return n;
    }

    @Override
    public double termValue(int i, double[] w) {
        return loss(predictor(i, w), y[i]) / n;
    }

    @Override
    public void addTermGradient(int i, double[] w, double scale, double[] out) {
        double k = scale * lossSlope(predictor(i, w), y[i]) / n;
        int r = i * d;
        for (int j = 0; j < d; j++) {
            out[j] += k * phi[r + j];
        }
    }

    @Override
    public void regularizerGradient(double[] w, double[] out) {
        for (int j = 0; j < d; j++) {
            out[j] = lambda * w[j];
        }
    }

    @Override
    public double value(double[] w) {
        double e = 0;
        for (int i = 0; i < n; i++) {
            e += loss(predictor(i, w), y[i]);
        }
        double ww = 0;
        for (int j = 0; j < d; j++) {
            ww += w[j] * w[j];
        }
        return e / n + 0.5 * lambda * ww;
    }

    @Override
    public void gradient(double[] w, double[] out) {
        regularizerGradient(w, out);
        for (int i = 0; i < n; i++) {
            addTermGradient(i, w, 1.0, out);
        }
    }

    /** F(w) = (1/n) sum_i v(z_i) phi_i phi_i^T (lower triangle accumulated, then mirrored). */
    @Override
    public void fisher(double[] w, double[] out) {
        Arrays.fill(out, 0, d * d, 0.0);
        for (int i = 0; i < n; i++) {
            double k = variance(w == null ? 0 : predictor(i, w)) / n;
            int r = i * d;
            for (int j = 0; j < d; j++) {
                double kj = k * phi[r + j];
                for (int m = 0; m <= j; m++) {
                    out[j * d + m] += kj * phi[r + m];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            for (int m = 0; m < j; m++) {
                out[m * d + j] = out[j * d + m];
            }
        }
    }

    @Override
    public void hessian(double[] w, double[] out) {
        fisher(w, out);
        for (int j = 0; j < d; j++) {
            out[j * d + j] += lambda;
        }
    }
}
