package org.varflow.geometry.gaussian;

import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.Space;
import org.varflow.api.SpaceKinds;
import org.varflow.api.linalg.Matrices;

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
 */
public final class GaussianSpace implements Space {
    /** The space kind. */
    public static final String KIND = SpaceKinds.GAUSSIAN;

    private final int d;
    private final double[] mean;
    private final double[] covariance;
    private final boolean quadratic;
    private final double[] z;
    private final Space base;

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
