package org.varflow.api;

import org.varflow.api.linalg.Cholesky;

/**
 * The geometry: what "steepest" means. Its core is the Onsager operator K(x) = g(x)^-1, which turns a
 * differential (covector) into a velocity; the gradient flow is x' = -K(x) dE(x).
 *
 * <p>Optional structure, all with defaults: a square root of K for noise (any S with S S^T = K), the divergence
 * of K for the Ito correction of position-dependent metrics and the retraction that moves a state along a
 * velocity. Capabilities are types, which schemes and assembly recognise: {@link FlatMetric} (K = I),
 * {@link ConstantMetric} (K independent of x), {@link PoissonMetric} (a conservative part J, zero otherwise),
 * {@link DampedHamiltonian} (phase-space mechanics with friction).
 *
 * <p>Implementations are created per run and may be used by several particle blocks at once: hot methods must
 * not keep state between calls. All methods write into caller-supplied arrays and must not allocate on the
 * hot path; {@code out} never aliases an input. Every method takes the dimension d from {@code x.length} and reads
 * and writes only the first d entries of the other arrays, which may be longer (callers pass scratch of 2d).
 */
public interface Metric {

    /** out = K(x) covector. */
    void raise(double[] x, double[] covector, double[] out);

    /**
     * out = S(x) xi with S S^T = K(x): the factor that turns standard normal xi into noise of covariance K.
     *
     * <p>The default builds K column by column with {@link #raise} and takes its Cholesky factor; it allocates,
     * so metrics used with noise should override it.
     */
    default void sqrtRaise(double[] x, double[] xi, double[] out) {
        int d = xi.length;
        double[] k = new double[d * d];
        double[] e = new double[d];
        double[] col = new double[d];
        for (int j = 0; j < d; j++) {
            e[j] = 1.0;
            raise(x, e, col);
            e[j] = 0.0;
            for (int i = 0; i < d; i++) {
                k[i * d + j] = col[i];
            }
        }
        int pivot = Cholesky.factor(k, d);
        if (pivot >= 0) {
            throw new IllegalStateException("K(x) is not positive definite (pivot " + pivot + " = "
                    + k[pivot * d + pivot] + ")");
        }
        Cholesky.multiplyLower(k, d, xi, out, 0, 1);
    }

    /** out_i = sum_j d K_ij / d x_j, the Ito correction direction for position-dependent K. Zero by default. */
    default void divergence(double[] x, double[] out) {
        java.util.Arrays.fill(out, 0.0);
    }

    /**
     * Moves the state along a velocity: out = R_x(v). Euclidean by default, out = x + v; manifolds override this
     * with a retraction that stays on the manifold.
     */
    default void retract(double[] x, double[] v, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + v[i];
        }
    }
}
