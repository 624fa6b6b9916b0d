package org.varflow.geometry.gaussian;

import java.util.Locale;
import org.varflow.api.ConfigurationException;
import org.varflow.api.ConstrainedSpace;
import org.varflow.api.Energy;
import org.varflow.api.Space;
import org.varflow.api.SpaceKinds;
import org.varflow.api.linalg.Cholesky;
import org.varflow.api.linalg.Matrices;
import org.varflow.geometry.internal.Scratch;

/**
 * The Gaussian family q = N(mu, Sigma) on R^d as a space: the state is (mu, Sigma), d + d^2 coordinates, mu first,
 * then Sigma row-major (kept symmetric positive definite by the metrics' retractions). Energies are written on the
 * base R^d - the potential E of the target p = exp(-E) / Z - and {@link #lift lifted} to the variational free energy
 *
 * <pre>
 *   F(mu, Sigma) = E_q[E] - H(q) = E_q[E] - (1/2) log det Sigma - (d/2) log(2 pi e) = KL(q || p) - log Z,
 *   dF/dmu = E_q[grad E],   dF/dSigma = (E_q[Hess E] - Sigma^-1) / 2      (Bonnet's and Price's theorems)
 * </pre>
 *
 * so the entropy of q is part of the energy ("built into KL"), and the metrics {@code fisher-rao-gaussian} and
 * {@code bures-wasserstein} decide the geometry. Expectations: {@code quadratic} uses E_q[E] = E(mu) +
 * tr(A Sigma) / 2, E_q[grad E] = grad E(mu), E_q[Hess E] = A with A the (constant) Hessian taken once when the energy
 * is lifted - exact for quadratic targets such as Gaussians and Bayesian linear regression, and refused (at lift time)
 * for energies whose Hessian is not constant; {@code monte-carlo} averages E, grad E and Hess E over the fixed
 * reparameterised points x_s = mu + L z_s, Sigma = L L^T, z_s standard normal drawn once from the seed in antithetic
 * pairs (z, -z), so the gradients are exact for quadratics and the energy is a deterministic function of the state.
 *
 * <p>What it contains (checked after every step of a run):
 *
 * <pre>
 *   contains(mu, Sigma)   |Sigma_ij - Sigma_ji| &lt;= 1e-10 max(1, max|Sigma|) and Sigma positive definite (Cholesky)
 *   defect                max |Sigma_ij - Sigma_ji|
 *   tangent space         (dmu, dSigma) with dSigma symmetric: dimension d + d(d+1)/2, P = symmetrise dSigma
 * </pre>
 */
public final class GaussianSpace implements ConstrainedSpace {
    /** The space kind. */
    public static final String KIND = SpaceKinds.GAUSSIAN;

    private final int d;
    private final double[] mean;
    private final double[] covariance;
    private final boolean quadratic;
    private final double[] z;
    private final Space base;
    /** Per-thread d x d scratch for the Cholesky factor of the membership test. */
    private final Scratch factor;

    /**
     * @param mean       mu_0
     * @param covariance Sigma_0, d x d row-major, symmetric positive definite
     * @param quadratic  exact expectations for quadratic energies, else Monte Carlo
     * @param samples    the number of Monte Carlo points (even)
     * @param seed       their seed
     */
    GaussianSpace(double[] mean, double[] covariance, boolean quadratic, int samples, long seed) {
        this.d = mean.length;
        this.mean = mean.clone();
        this.covariance = covariance.clone();
        this.quadratic = quadratic;
        this.factor = new Scratch(d * d);
        java.util.Random random = new java.util.Random(seed);
        this.z = new double[quadratic ? 0 : samples * d];
        for (int s = 0; !quadratic && s + 1 < samples; s += 2) {
            for (int i = 0; i < d; i++) {
                double v = random.nextGaussian();
                z[s * d + i] = v;
                z[(s + 1) * d + i] = -v;
            }
        }
        this.base = new Space() {
            @Override
            public String kind() {
                return EUCLIDEAN;
            }

            @Override
            public int dimension() {
                return d;
            }

            @Override
            public double[] initialState() {
                return GaussianSpace.this.mean.clone();
            }
        };
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int dimension() {
        return d + d * d;
    }

    /** d, the dimension of the variable x ~ q. */
    public int variableDimension() {
        return d;
    }

    @Override
    public double[] initialState() {
        double[] x = new double[d + d * d];
        System.arraycopy(mean, 0, x, 0, d);
        System.arraycopy(covariance, 0, x, d, d * d);
        return x;
    }

    @Override
    public String coordinateName(int i) {
        if (i < d) {
            return "mu" + (i + 1);
        }
        int k = i - d;
        return "Sigma" + (k / d + 1) + "_" + (k % d + 1);
    }

    @Override
    public boolean contains(double[] x) {
        return asymmetry(x) <= symmetryTolerance(x) && Cholesky.factor(x, d, d, factor.get()) < 0;
    }

    @Override
    public String constraint() {
        return "Sigma symmetric (to 1e-10 max(1, |Sigma|)) and positive definite";
    }

    @Override
    public String violation(double[] x) {
        double tol = symmetryTolerance(x);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double a = x[d + i * d + j];
                double b = x[d + j * d + i];
                if (!(Math.abs(a - b) <= tol)) {
                    return String.format(Locale.ROOT, "%s = %.6g but %s = %.6g (Sigma symmetric)",
                            coordinateName(d + i * d + j), a, coordinateName(d + j * d + i), b);
                }
            }
        }
        double[] l = new double[d * d];
        int pivot = Cholesky.factor(x, d, d, l);
        return pivot < 0 ? null : String.format(Locale.ROOT, "Sigma is not positive definite: Cholesky pivot %d"
                + " is %.6g (%s = %.6g)", pivot + 1, l[pivot * d + pivot], coordinateName(d + pivot * d + pivot),
                x[d + pivot * d + pivot]);
    }

    @Override
    public double defect(double[] x) {
        return asymmetry(x);
    }

    @Override
    public int tangentDimension() {
        return d + d * (d + 1) / 2;
    }

    @Override
    public void projectTangent(double[] x, double[] v, double[] out) {
        System.arraycopy(v, 0, out, 0, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[d + i * d + j] = 0.5 * (v[d + i * d + j] + v[d + j * d + i]);
            }
        }
    }

    private double asymmetry(double[] x) {
        double worst = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double r = Math.abs(x[d + i * d + j] - x[d + j * d + i]);
                if (!(r <= worst)) {
                    worst = r;
                }
            }
        }
        return worst;
    }

    private double symmetryTolerance(double[] x) {
        double scale = 1;
        for (int k = d; k < d + d * d; k++) {
            scale = Math.max(scale, Math.abs(x[k]));
        }
        return 1e-10 * scale;
    }

    @Override
    public Space base() {
        return base;
    }

    @Override
    public Energy lift(Energy target) {
        if (quadratic) {
            double[] a = new double[d * d];
            target.hessian(mean, a);
            double[] shifted = mean.clone();
            double[] b = new double[d * d];
            for (int i = 0; i < d; i++) {
                shifted[i] += 1 + Math.abs(mean[i]);
            }
            target.hessian(shifted, b);
            double scale = 0;
            double diff = 0;
            for (int i = 0; i < d * d; i++) {
                scale = Math.max(scale, Math.abs(a[i]));
                diff = Math.max(diff, Math.abs(a[i] - b[i]));
            }
            if (diff > 1e-6 * Math.max(scale, 1e-300) || !Double.isFinite(diff)) {
                throw new ConfigurationException("space 'gaussian': expectations = quadratic needs an energy with a"
                        + " constant Hessian (a Gaussian target), but the energy's Hessian at mu0 and at mu0 + 1"
                        + " differ by " + String.format("%.3g", diff) + " (largest entry " + String.format("%.3g",
                        scale) + "); set space.expectations=monte-carlo");
            }
            Matrices.symmetrise(a, d);
            return new GaussianFreeEnergy(target, d, a, null);
        }
        return new GaussianFreeEnergy(target, d, null, z);
    }
}
