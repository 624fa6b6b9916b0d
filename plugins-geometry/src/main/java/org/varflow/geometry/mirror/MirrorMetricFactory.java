package org.varflow.geometry.mirror;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConstantMetric;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.MirrorPotential;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceKinds;
import org.varflow.geometry.internal.FiniteDifferences;

/**
 * The Hessian metric g = Hess phi of a mirror map phi: the continuous-time limit of mirror descent,
 * x' = -(Hess phi(x))^-1 dE(x), i.e. d/dt grad phi(x) = -dE(x).
 *
 * <pre>
 *   positive orthant:  K = D,                     D = (Hess phi)^-1 = diag(x) (neg-entropy) or diag(x^2) (burg)
 *   simplex:           K = D - w w^T / (1^T w),   w = D 1  (K 1 = 0: velocities keep sum x = 1)
 *   euclidean, p-norm: K = alpha - ((2-p)/(p-1)) x x^T / |x|_p^2,  alpha_i = |x_i|^{2-p} |x|_p^{p-2} / (p-1)
 * </pre>
 *
 * On the simplex with neg-entropy K = diag(x) - x x^T (Shahshahani metric), and the flow is the replicator equation
 * x_i' = -x_i (g_i - x.g). Square roots: S = D^{1/2} on the orthant, S = (I - w 1^T / 1^T w) D^{1/2} on the simplex,
 * S = alpha^{1/2} (I - gamma z z^T) for the p-norm (closed forms with S S^T = K). Divergence: closed form for
 * neg-entropy and burg,
 * (div K)_i = D_i' - w_i (D_i' + sum_j D_j') / s + w_i (sum_j w_j D_j') / s^2 (s = 1^T w; only D_i' on the orthant),
 * central differences for the p-norm. At x = 0 the p-norm K is taken as I.
 *
 * <p>Retractions ({@code retraction}) keep every state positive whatever the step (the flat x + v would leave the
 * domain), normalised to sum 1 on the simplex:
 *
 * <pre>
 *   ito (default)   R_x(v)_i = x_i phi(v_i / x_i),   phi(u) = 1 + u (u &gt;= 0),  exp(u - u^2 / 2) (u &lt; 0)
 *   exp             R_x(v)_i = x_i exp(v_i / x_i)
 * </pre>
 *
 * phi is positive, increasing and C^2 with phi(u) = 1 + u + O(u^3), so {@code ito} is right to second order in
 * coordinates and noise through it has exactly the Ito drift T div K (the runner's Euler-Maruyama step is then a
 * consistent Riemannian Langevin sampler). {@code exp} is right to first order only: its second-order term
 * x_i (v_i / x_i)^2 / 2 adds a drift T K_ii / x_i under noise (Burg: 3 x where the Ito drift is 2 x), so it refuses
 * noise; deterministically, one Euler step of the neg-entropy flow on the simplex with it is exactly the
 * exponentiated gradient step x_i exp(-h g_i) / Z, and for Burg it is the exact geodesic x_i exp(t v_i / x_i) of the
 * metric diag(1/x^2). The p-norm potential lives on R^d with the Euclidean retraction.
 */
public final class MirrorMetricFactory implements MetricFactory {
    static final String OWNER = "metric 'mirror'";

    @Override
    public String id() {
        return "mirror";
    }

    @Override
    public String summary() {
        return "Hessian metric of a mirror map (neg-entropy, burg, p-norm): the continuous-time mirror descent flow";
    }

    @Override
    public String formula() {
        return "K = (Hess phi)^-1: diag(x) [neg-entropy], diag(x^2) [burg] on positive-orthant; projected"
                + " D - w w^T/1^T w (w = D 1) on simplex; p-norm (Sherman-Morrison closed form) on euclidean;"
                + "  R_x(v)_i = x_i phi(v_i/x_i), phi(u) = 1 + u (u >= 0), exp(u - u^2/2) (u < 0) [ito] or"
                + " exp(u) [exp] (/ sum on simplex)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(SpaceKinds.SIMPLEX, SpaceKinds.POSITIVE_ORTHANT, Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(MirrorPotential.parameter(), MirrorPotential.exponent(),
                Parameter.choice("retraction", List.of("ito", "exp"), "how a state moves (simplex and orthant): ito"
                        + " x_i phi(v_i/x_i), right to second order, for noise; exp x_i exp(v_i/x_i), the"
                        + " exponentiated-gradient step, first order, refuses noise"));
    }

    @Override
    public Metric create(Parameters parameters, Space space) {
        MirrorPotential potential = MirrorPotential.on(parameters.text("potential"), space, OWNER);
        if (potential == MirrorPotential.P_NORM) {
            double p = parameters.real("p");
            return p == 2 ? new EuclideanNormMetric(space.dimension()) : new PNormMetric(p, space.dimension());
        }
        return new HessianMetric(potential, space.kind().equals(SpaceKinds.SIMPLEX),
                parameters.text("retraction").equals("exp"));
    }

    /** K = D (orthant) or D - w w^T / s (simplex) for a separable potential. Stateless. */
    record HessianMetric(MirrorPotential potential, boolean simplex, boolean exponential) implements Metric {

        @Override
        public void raise(double[] x, double[] covector, double[] out) {
            int d = x.length;
            double wc = 0;
            double s = 0;
            for (int i = 0; i < d; i++) {
                double w = inverseHessian(potential, x[i]);
                out[i] = w * covector[i];
                wc += out[i];
                s += w;
            }
            if (simplex) {
                double k = wc / s;
                for (int i = 0; i < d; i++) {
                    out[i] -= inverseHessian(potential, x[i]) * k;
                }
            }
        }

        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            if (exponential) {
                throw new ConfigurationException(OWNER + " with retraction=exp is right to first order only: noise"
                        + " through x_i exp(v_i/x_i) adds a drift T K_ii / x_i beside the Ito drift T div K, so it"
                        + " refuses noise; use retraction=ito");
            }
            int d = x.length;
            double sum = 0;
            double s = 0;
            for (int i = 0; i < d; i++) {
                double w = inverseHessian(potential, x[i]);
                out[i] = Math.sqrt(w) * xi[i];
                sum += out[i];
                s += w;
            }
            if (simplex) {
                double k = sum / s;
                for (int i = 0; i < d; i++) {
                    out[i] -= inverseHessian(potential, x[i]) * k;
                }
            }
        }

        @Override
        public void divergence(double[] x, double[] out) {
            int d = x.length;
            double s = 0;
            double sumPrime = 0;
            double wPrime = 0;
            for (int i = 0; i < d; i++) {
                double w = inverseHessian(potential, x[i]);
                double p = inverseHessianDerivative(potential, x[i]);
                s += w;
                sumPrime += p;
                wPrime += w * p;
            }
            for (int i = 0; i < d; i++) {
                double p = inverseHessianDerivative(potential, x[i]);
                out[i] = p;
                if (simplex) {
                    double w = inverseHessian(potential, x[i]);
                    out[i] += -w * (p + sumPrime) / s + w * wPrime / (s * s);
                }
            }
        }

        @Override
        public void retract(double[] x, double[] v, double[] out) {
            int d = x.length;
            if (!simplex) {
                for (int i = 0; i < d; i++) {
                    double u = v[i] / x[i];
                    out[i] = x[i] * (exponential ? Math.exp(u) : phi(u));
                }
                return;
            }
            // x_i exp(v_i / x_i) / Z (or x_i phi(v_i / x_i) / Z), in logs with the largest exponent taken out
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < d; i++) {
                double u = v[i] / x[i];
                out[i] = Math.log(x[i]) + (exponential ? u : logPhi(u));
                max = Math.max(max, out[i]);
            }
            double z = 0;
            for (int i = 0; i < d; i++) {
                out[i] = Math.exp(out[i] - max);
                z += out[i];
            }
            for (int i = 0; i < d; i++) {
                out[i] /= z;
            }
        }

        /** phi(u) = 1 + u for u &gt;= 0, exp(u - u^2 / 2) below: positive, increasing, 1 + u + O(u^3). */
        static double phi(double u) {
            return u >= 0 ? 1 + u : Math.exp(u - 0.5 * u * u);
        }

        /** log phi(u). */
        static double logPhi(double u) {
            return u >= 0 ? Math.log1p(u) : u - 0.5 * u * u;
        }

        /** Hess phi^-1 = diag(D), D_i for the separable potentials: x_i (neg-entropy), x_i^2 (Burg). */
        private static double inverseHessian(MirrorPotential potential, double x) {
            return potential == MirrorPotential.NEG_ENTROPY ? x : x * x;
        }

        /** d D_i / d x_i. */
        private static double inverseHessianDerivative(MirrorPotential potential, double x) {
            return potential == MirrorPotential.NEG_ENTROPY ? 1.0 : 2 * x;
        }
    }

    /** The Hessian metric of |x|_p^2 / 2 on R^d, in closed form. Stateless apart from per-thread FD scratch. */
    static class PNormMetric implements Metric {
        private final double p;
        private final double gamma;
        private final double rootGamma;
        private final ThreadLocal<FiniteDifferences.Workspace> fd;

        PNormMetric(double p, int d) {
            this.p = p;
            this.gamma = (2 - p) / (p - 1);
            this.rootGamma = 1 - Math.sqrt(p - 1);
            this.fd = FiniteDifferences.workspaces(d);
        }

        private double norm(double[] x) {
            double s = 0;
            for (double v : x) {
                s += Math.pow(Math.abs(v), p);
            }
            return Math.pow(s, 1 / p);
        }

        /** alpha_i = |x_i|^{2-p} N^{p-2} / (p - 1), the inverse of the diagonal part of Hess phi. */
        private double alpha(double xi, double n) {
            return Math.pow(Math.abs(xi) / n, 2 - p) / (p - 1);
        }

        @Override
        public void raise(double[] x, double[] covector, double[] out) {
            int d = x.length;
            double n = norm(x);
            if (n == 0) {
                System.arraycopy(covector, 0, out, 0, d);
                return;
            }
            double xc = 0;
            for (int i = 0; i < d; i++) {
                out[i] = alpha(x[i], n) * covector[i];
                xc += x[i] * covector[i];
            }
            double k = gamma * xc / (n * n);
            for (int i = 0; i < d; i++) {
                out[i] -= k * x[i];
            }
        }

        /**
         * S xi = alpha^{1/2} xi - (1 - sqrt(p - 1)) x N^-p sum_j alpha_j^{1/2} u_j xi_j, u = sign(x) |x|^{p-1}:
         * the symmetric square root alpha^{1/2} (I - c z z^T) alpha^{1/2} factor of K, z = alpha^{1/2} u.
         */
        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            int d = x.length;
            double n = norm(x);
            if (n == 0) {
                System.arraycopy(xi, 0, out, 0, d);
                return;
            }
            double zx = 0;
            for (int i = 0; i < d; i++) {
                double r = Math.sqrt(alpha(x[i], n));
                out[i] = r * xi[i];
                zx += r * Math.signum(x[i]) * Math.pow(Math.abs(x[i]), p - 1) * xi[i];
            }
            double k = rootGamma * zx / Math.pow(n, p);
            for (int i = 0; i < d; i++) {
                out[i] -= k * x[i];
            }
        }

        @Override
        public void divergence(double[] x, double[] out) {
            if (p == 2) {
                java.util.Arrays.fill(out, 0, x.length, 0.0);
                return;
            }
            FiniteDifferences.divergence(this, x, out, fd.get());
        }
    }

    /** p = 2: phi = |x|^2 / 2, whose Hessian metric is the identity everywhere, so K is constant. */
    static final class EuclideanNormMetric extends PNormMetric implements ConstantMetric {
        EuclideanNormMetric(int d) {
            super(2.0, d);
        }

        @Override
        public void divergence(double[] x, double[] out) {
            java.util.Arrays.fill(out, 0, x.length, 0.0);
        }
    }
}
