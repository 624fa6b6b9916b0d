package org.varflow.geometry.gaussian;

import java.util.Set;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.linalg.Cholesky;
import org.varflow.api.linalg.Matrices;

/**
 * The metric {@code bures-wasserstein}: the Wasserstein-2 metric restricted to Gaussians (Otto's metric on the
 * Bures–Wasserstein manifold), whose gradient flow of KL(q || p) is Gaussian VI in the sense of Lambert, Chewi,
 * Bach, Bonnabel and Rigollet (2022). Onsager operator and flow:
 *
 * <pre>
 *   K (c_mu, C) = (c_mu, 2 (C Sigma + Sigma C))        (C symmetrised)
 *   mu' = -E_q[grad E],   Sigma' = 2 I - E_q[Hess E] Sigma - Sigma E_q[Hess E]
 * </pre>
 *
 * <p>Retraction: the exponential map of the Bures–Wasserstein manifold, Sigma &lt;- (I + X) Sigma (I + X) with X the
 * solution of the Lyapunov equation X Sigma + Sigma X = v_Sigma (by the eigenvectors of Sigma: X~_ij =
 * v~_ij / (lambda_i + lambda_j)). For the Euler velocity v_Sigma = -h (M Sigma + Sigma M), M = E_q[Hess E] -
 * Sigma^-1, it gives X = -h M and Sigma &lt;- (I - h M) Sigma (I - h M): exactly the scheme of Lambert et al.,
 * symmetric positive semi-definite for every h and definite while I - h M is invertible; mu &lt;- mu - h E_q[grad E].
 * Explicit steps need h below about 1 / lambda_max(E_q[Hess E]), whereas Fisher–Rao steps need h &lt;= 1. Past the
 * cut locus (I + X not positive definite; for the Euler velocity, h M has an eigenvalue &gt;= 1) the retraction adds
 * X Sigma X, which keeps it first order
 * and the result positive definite for every tangent vector.
 */
public final class BuresWassersteinMetricFactory implements MetricFactory {

    @Override
    public String id() {
        return "bures-wasserstein";
    }

    @Override
    public String summary() {
        return "Bures-Wasserstein (W2) metric of the Gaussian family: Gaussian VI as a Wasserstein gradient flow"
                + " (Lambert et al. 2022)";
    }

    @Override
    public String formula() {
        return "K(c_mu, C) = (c_mu, 2 (C Sigma + Sigma C));  retraction (exponential map): Sigma <- (I + X) Sigma"
                + " (I + X), X Sigma + Sigma X = v_Sigma  (Euler: Sigma <- (I - h M) Sigma (I - h M), M = E_q[Hess E]"
                + " - Sigma^-1)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(GaussianSpace.KIND);
    }

    @Override
    public Metric create(Parameters parameters, Space space) {
        int d = GaussianSpaceFactory.require("metric 'bures-wasserstein'", space).variableDimension();
        return new BuresWasserstein(d);
    }

    static final class BuresWasserstein implements Metric {
        private final int d;
        private final ThreadLocal<double[][]> scratch;

        BuresWasserstein(int d) {
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
                out[i] = c[i];
                for (int j = 0; j < d; j++) {
                    sym[i * d + j] = 0.5 * (c[d + i * d + j] + c[d + j * d + i]);
                }
            }
            Matrices.multiply(sym, 0, x, d, d, t);   // C Sigma
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    out[d + i * d + j] = 2 * (t[i * d + j] + t[j * d + i]); // C Sigma + (C Sigma)^T = C S + S C
                }
            }
        }

        /**
         * Refused: K is singular on the full d x d coordinates of Sigma (antisymmetric directions are its kernel) and
         * variational inference needs no noise - the entropy of q is inside F.
         */
        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            throw new org.varflow.api.ConfigurationException("metric 'bures-wasserstein' refuses noise: the "
                    + "Gaussian family's entropy is already inside the free energy F(q) = KL(q || p) - log Z; "
                    + "use noise 'none'");
        }

        @Override
        public void retract(double[] x, double[] v, double[] out) {
            double[][] s = scratch.get();
            double[] a = s[0];
            double[] u = s[1];
            double[] t = s[2];
            double[] xm = s[3];
            double[] lambda = s[4];
            for (int i = 0; i < d; i++) {
                out[i] = x[i] + v[i];
            }
            System.arraycopy(x, d, a, 0, d * d);
            Matrices.symmetrise(a, d);
            Matrices.symmetricEigen(a, d, lambda, u);
            // t = U^T V U (V symmetrised), then X~ = t / (lambda_i + lambda_j), X = U X~ U^T
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a[i * d + j] = 0.5 * (v[d + i * d + j] + v[d + j * d + i]);
                }
            }
            Matrices.multiply(a, 0, u, 0, d, t);     // V U
            for (int i = 0; i < d; i++) {                 // U^T (V U)
                for (int j = 0; j < d; j++) {
                    double sum = 0;
                    for (int m = 0; m < d; m++) {
                        sum += u[m * d + i] * t[m * d + j];
                    }
                    double denom = lambda[i] + lambda[j];
                    xm[i * d + j] = denom > 0 ? sum / denom : Double.NaN;
                }
            }
            Matrices.multiply(u, 0, xm, 0, d, t);    // U X~
            for (int i = 0; i < d; i++) {                 // X = (U X~) U^T, then I + X
                for (int j = 0; j < d; j++) {
                    double sum = 0;
                    for (int m = 0; m < d; m++) {
                        sum += t[i * d + m] * u[j * d + m];
                    }
                    a[i * d + j] = sum + (i == j ? 1 : 0);
                }
            }
            // I + X positive definite: inside the cut locus
            boolean inside = Cholesky.factorSymmetricPart(a, 0, d, t) < 0;
            Matrices.multiply(a, 0, x, d, d, t);     // (I + X) Sigma
            Matrices.multiply(t, 0, a, 0, d, xm);    // (I + X) Sigma (I + X), X symmetric
            Matrices.symmetrise(xm, d);
            if (!inside) {
                // past the cut locus (I + X not positive definite): add X Sigma X, which keeps the first-order
                // behaviour and makes the result positive definite ((I + X) v = 0 and X v = 0 force v = 0)
                for (int i = 0; i < d; i++) {
                    a[i * d + i] -= 1;                    // X
                }
                Matrices.multiply(a, 0, x, d, d, t); // X Sigma
                Matrices.multiply(t, 0, a, 0, d, u); // X Sigma X
                for (int i = 0; i < d * d; i++) {
                    xm[i] += u[i];
                }
                Matrices.symmetrise(xm, d);
            }
            System.arraycopy(xm, 0, out, d, d * d);
        }
    }
}
