package org.varflow.models.meanfield;

import org.varflow.api.Energy;

/**
 * The risk of a two-layer ReLU network in the mean-field parametrisation, as the extensive energy of its ensemble
 * of neurons. The state is m particles theta_i = (a_i, w_i, b_i) in R^3, row-major (a_1, w_1, b_1, a_2, ...):
 *
 * <pre>
 *   f(x) = (1/m) sum_i a_i relu(w_i x + b_i) = integral a relu(w x + b) d rho_m(a, w, b)
 *   R    = (1/2n) sum_k (f(x_k) - y_k)^2,      r_k = f(x_k) - y_k
 *   E    = m R                                  (extensive: E = N F(rho_N) with N = m, F = R)
 *   dE/da_i = (1/n) sum_k r_k relu(z_ik),  dE/dw_i = (a_i/n) sum_k r_k 1[z_ik > 0] x_k,
 *   dE/db_i = (a_i/n) sum_k r_k 1[z_ik > 0],   z_ik = w_i x_k + b_i
 * </pre>
 *
 * so dE/dtheta_i = m grad_{theta_i} R = grad_theta (dR/drho)(theta_i) with dR/drho(theta) = (1/n) sum_k r_k
 * a relu(w x_k + b): minus the Wasserstein velocity of neuron i (Mei, Montanari and Nguyen 2018; Chizat and Bach
 * 2018; Rotskoff and Vanden-Eijnden 2018). The relu's derivative at 0 is taken as 0.
 *
 * <p>Cost: one forward pass over the data (O(m n), the residuals once), then one pass for the gradients (O(m n)).
 * Safe for concurrent use: the residual scratch is per thread, allocated on a thread's first call only.
 */
public final class MeanFieldRisk implements Energy {
    private final double[] xs;
    private final double[] ys;
    private final int m;
    private final ThreadLocal<double[]> scratch;

    /**
     * @param data  the training points
     * @param width m, the number of neurons (the state has 3m coordinates)
     */
    public MeanFieldRisk(TrainingSet data, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
        this.xs = data.xs();
        this.ys = data.ys();
        this.m = width;
        int n = xs.length;
        this.scratch = ThreadLocal.withInitial(() -> new double[n]);
    }

    /** m, the number of neurons. */
    public int width() {
        return m;
    }

    /** n, the number of data points. */
    public int points() {
        return xs.length;
    }

    /** The training loss R = E / m. */
    public double risk(double[] theta) {
        return value(theta) / m;
    }

    /** out[k] = f(x_k); {@code out} has at least n entries. */
    public void predict(double[] theta, double[] out) {
        forward(theta, out);
    }

    /** f(x) at one point. */
    public double predict(double[] theta, double x) {
        double f = 0;
        for (int i = 0; i < m; i++) {
            double z = theta[3 * i + 1] * x + theta[3 * i + 2];
            if (z > 0) {
                f += theta[3 * i] * z;
            }
        }
        return f / m;
    }

    @Override
    public double value(double[] theta) {
        double[] r = scratch.get();
        return residuals(theta, r);
    }

    @Override
    public void gradient(double[] theta, double[] out) {
        valueAndGradient(theta, out);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] out) {
        double[] r = scratch.get();
        double e = residuals(theta, r);
        int n = xs.length;
        double[] x = xs;
        double inv = 1.0 / n;
        for (int i = 0; i < m; i++) {
            double a = theta[3 * i];
            double w = theta[3 * i + 1];
            double b = theta[3 * i + 2];
            double sa = 0;
            double sw = 0;
            double sb = 0;
            for (int k = 0; k < n; k++) {
                double z = w * x[k] + b;
                double g = z > 0 ? r[k] : 0.0;
                sa += g * z;
                sw += g * x[k];
                sb += g;
            }
            out[3 * i] = sa * inv;
            out[3 * i + 1] = a * sw * inv;
            out[3 * i + 2] = a * sb * inv;
        }
        return e;
    }

    /** f(x_k) into out[0..n). */
    private void forward(double[] theta, double[] out) {
        int n = xs.length;
        double[] x = xs;
        java.util.Arrays.fill(out, 0, n, 0.0);
        for (int i = 0; i < m; i++) {
            double a = theta[3 * i];
            double w = theta[3 * i + 1];
            double b = theta[3 * i + 2];
            for (int k = 0; k < n; k++) {
                out[k] += a * Math.max(w * x[k] + b, 0.0);
            }
        }
        double invM = 1.0 / m;
        for (int k = 0; k < n; k++) {
            out[k] *= invM;
        }
    }

    /** r_k = f(x_k) - y_k into r; returns E = m R. */
    private double residuals(double[] theta, double[] r) {
        forward(theta, r);
        double s = 0;
        for (int k = 0; k < r.length; k++) {
            r[k] -= ys[k];
            s += r[k] * r[k];
        }
        return m * s / (2.0 * r.length);
    }
}
