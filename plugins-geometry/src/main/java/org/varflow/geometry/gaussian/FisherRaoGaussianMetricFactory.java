package org.varflow.geometry.gaussian;

import java.util.Set;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.linalg.Cholesky;
import org.varflow.api.linalg.Matrices;

/**
 * The metric {@code fisher-rao-gaussian}: the Fisher information metric of the family N(mu, Sigma), whose gradient
 * flow is natural-gradient variational inference. In (mu, Sigma) coordinates the Fisher metric is
 * g = dmu^T Sigma^-1 dmu + (1/2) tr(Sigma^-1 dSigma Sigma^-1 dSigma), so its Onsager operator is
 *
 * <pre>
 *   K (c_mu, C) = (Sigma c_mu, 2 Sigma C Sigma)        (C symmetrised)
 *   flow of F:  mu' = -Sigma E_q[grad E],   Sigma' = Sigma - Sigma E_q[Hess E] Sigma,  i.e. (Sigma^-1)' = E_q[Hess E] -
 * Sigma^-1
 * </pre>
 *
 * <p>Retraction: the Euler step in the natural parameters (Sigma^-1 mu, Sigma^-1). From the velocity v = h (mu',
 * Sigma') it sets P = Sigma^-1 - Sigma^-1 v_Sigma Sigma^-1 = (1 - h) Sigma^-1 + h E_q[Hess E] and
 * mu + P^-1 Sigma^-1 v_mu = mu - h P^-1 E_q[grad E] - the natural-gradient VI update of Khan and Lin (2017) (with the
 * new covariance in the mean step), which keeps Sigma SPD for h &lt;= 1 and, for a Gaussian target with exact
 * expectations, lands on it in one step at h = 1. A step that would leave the SPD cone (h &gt; 1, an indefinite
 * E_q[Hess E], or an arbitrary tangent vector) takes P = P^1/2 (I - W + W^2/2) P^1/2, W = P^1/2 V P^1/2, instead: the
 * second-order expansion of the affine-invariant geodesic, positive definite for every V (1 - w + w^2/2 &gt; 0).
 */
public final class FisherRaoGaussianMetricFactory implements MetricFactory {

    @Override
    public String id() {
        return "fisher-rao-gaussian";
    }

    @Override
    public String summary() {
        return "Fisher-Rao metric of the Gaussian family: natural-gradient variational inference, steps in natural"
                + " parameters";
    }

    @Override
    public String formula() {
        return "K(c_mu, C) = (Sigma c_mu, 2 Sigma C Sigma);  retraction: Sigma^-1 <- (1 - h) Sigma^-1 + h E_q[Hess E],"
                + " mu <- mu - h Sigma_new E_q[grad E]";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(GaussianSpace.KIND);
    }

    @Override
    public Metric create(Parameters parameters, Space space) {
        int d = GaussianSpaceFactory.require("metric 'fisher-rao-gaussian'", space).variableDimension();
        return new FisherRao(d);
    }

    static final class FisherRao implements Metric {
        private final int d;
        private final ThreadLocal<double[][]> scratch;

        FisherRao(int d) {
            this.d = d;
            this.scratch = ThreadLocal.withInitial(() -> new double[][] {
                new double[d * d], new double[d * d], new double[d * d], new double[d * d], new double[d]});
        }

        @Override
        public void raise(double[] x, double[] c, double[] out) {
            double[][] s = scratch.get();
            double[] sym = s[0];
            double[] t = s[1];
            for (int i = 0; i < d; i++) {
                double v = 0;
                for (int j = 0; j < d; j++) {
                    v += x[d + i * d + j] * c[j];
                    sym[i * d + j] = 0.5 * (c[d + i * d + j] + c[d + j * d + i]);
                }
                out[i] = v;
            }
            Matrices.multiply(x, d, sym, 0, d, t);   // Sigma C
            Matrices.multiply(t, 0, x, d, d, sym);   // Sigma C Sigma
            for (int i = 0; i < d * d; i++) {
                out[d + i] = 2 * sym[i];
            }
        }

        /**
         * Refused: K is singular on the full d x d coordinates of Sigma (antisymmetric directions are its kernel) and
         * variational inference needs no noise - the entropy of q is inside F.
         */
        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            throw new org.varflow.api.ConfigurationException("metric 'fisher-rao-gaussian' refuses noise: the "
                    + "Gaussian family's"
                    + " entropy is already inside the free energy F(q) = KL(q || p) - log Z; use noise 'none'");
        }

        @Override
        public void retract(double[] x, double[] v, double[] out) {
            double[][] s = scratch.get();
            double[] l = s[0];
            double[] p = s[1];
            double[] t = s[2];
            double[] pNew = s[3];
            double[] pv = s[4];
            if (Cholesky.factorSymmetricPart(x, d, d, l) >= 0) {
                java.util.Arrays.fill(out, 0, d + d * d, Double.NaN);
                return;
            }
            Cholesky.inverse(l, d, p);                       // P = Sigma^-1
            Matrices.symmetrise(p, d);
            Matrices.multiply(v, d, p, 0, d, t);             // V P
            Matrices.multiply(p, 0, t, 0, d, pNew);          // P V P
            for (int i = 0; i < d * d; i++) {
                pNew[i] = p[i] - pNew[i];
            }
            Matrices.symmetrise(pNew, d);
            for (int i = 0; i < d; i++) {                         // pv = P v_mu
                double a = 0;
                for (int j = 0; j < d; j++) {
                    a += p[i * d + j] * v[j];
                }
                pv[i] = a;
            }
            if (Cholesky.factorSymmetricPart(pNew, 0, d, l) >= 0) {
                // the natural-parameter step left the cone (h > 1 or an indefinite E_q[Hess E]): take the
                // second-order expansion of the affine-invariant geodesic instead, P - P V P + (1/2)(P V P) Sigma (P V
                // P)
                // = P^1/2 (I - W + W^2 / 2) P^1/2, W = P^1/2 V P^1/2, which is positive definite for every V
                Matrices.multiply(p, 0, t, 0, d, pNew);      // P V P again (pNew was overwritten)
                Matrices.multiply(pNew, 0, x, d, d, t);      // (P V P) Sigma
                Matrices.multiply(t, 0, pNew, 0, d, l);      // (P V P) Sigma (P V P)
                for (int i = 0; i < d * d; i++) {
                    pNew[i] = p[i] - pNew[i] + 0.5 * l[i];
                }
                Matrices.symmetrise(pNew, d);
                if (Cholesky.factorSymmetricPart(pNew, 0, d, l) >= 0) {
                    java.util.Arrays.fill(out, 0, d + d * d, Double.NaN);
                    return;
                }
            }
            Cholesky.inverse(l, d, t);                       // Sigma_new
            Matrices.symmetrise(t, d);
            for (int i = 0; i < d; i++) {
                double a = 0;
                for (int j = 0; j < d; j++) {
                    a += t[i * d + j] * pv[j];
                }
                out[i] = x[i] + a;
            }
            System.arraycopy(t, 0, out, d, d * d);
        }
    }
}
