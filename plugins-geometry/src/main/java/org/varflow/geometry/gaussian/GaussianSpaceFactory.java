package org.varflow.geometry.gaussian;

import java.util.List;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;
import org.varflow.api.linalg.Cholesky;

/**
 * The space {@code gaussian}: the family N(mu, Sigma) on R^d, state (mu, Sigma); see {@link GaussianSpace}.
 *
 * <p>Gaussian variational inference as a five-part flow. The choice: the Gaussian family is a <em>space</em> that
 * lifts any energy E on R^d to F(q) = KL(q || exp(-E)/Z) - log Z (so the variational free energy lives with the
 * space, {@link GaussianFreeEnergy}), the two geometries are <em>metrics</em> on it ({@code fisher-rao-gaussian},
 * {@code bures-wasserstein}), and the scheme is core's {@code euler}, which moves the state with the metric's
 * retraction (natural-parameter step, BW exponential map). So "same functional, two geometries" is a one-part swap
 * ({@code --metric bures-wasserstein}), the energy slot takes any registered target (quadratic,
 * bayes-linear-regression, ...), and the observers (energy monotonicity, dissipation identity, moments) apply
 * unchanged. A scheme-only design would have hidden the geometry inside the step.
 */
public final class GaussianSpaceFactory implements SpaceFactory {
    static final String OWNER = "space 'gaussian'";
    /** Largest d: the state has d + d^2 coordinates and each step costs O(d^3). */
    static final int MAX_DIMENSION = 30;

    @Override
    public String id() {
        return "gaussian";
    }

    @Override
    public String summary() {
        return "Gaussian family q = N(mu, Sigma) on R^d (state mu, Sigma); energies on R^d are lifted to"
                + " F(q) = E_q[E] - H(q) = KL(q || exp(-E)/Z) - log Z";
    }

    @Override
    public String formula() {
        return "state (mu, Sigma row-major), d + d^2 coordinates;  F(mu, Sigma) = E_q[E] - (1/2) log det Sigma -"
                + " (d/2) log(2 pi e),  dF/dmu = E_q[grad E],  dF/dSigma = (E_q[Hess E] - Sigma^-1) / 2";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("dimension", 2, 1, MAX_DIMENSION, "d, the dimension of the variable x ~ q"),
                Parameter.vector("mean", "0", "mu_0 (one number is used for every coordinate)"),
                Parameter.vector("covariance", "1", "Sigma_0: its diagonal (one number for every coordinate), or"
                        + " all d^2 entries row-major; symmetric positive definite"),
                Parameter.choice("expectations", List.of("quadratic", "monte-carlo"), "quadratic: exact"
                        + " expectations from E(mu), grad E(mu) and the constant Hessian (Gaussian targets);"
                        + " monte-carlo: averages over reparameterised points mu + L z_s"),
                Parameter.integer("samples", 64, 2, 100_000, "monte-carlo: number of points z_s (antithetic pairs;"
                        + " even)"),
                Parameter.integer("seed", 1, 0, Long.MAX_VALUE, "monte-carlo: seed of the fixed points z_s"));
    }

    @Override
    public Space create(Parameters parameters) {
        int d = (int) parameters.integer("dimension");
        double[] mean = broadcast("mean", parameters.vector("mean"), d);
        double[] given = parameters.vector("covariance");
        double[] cov = new double[d * d];
        if (given.length == d * d && d > 1) {
            System.arraycopy(given, 0, cov, 0, d * d);
        } else {
            double[] diag = broadcast("covariance", given, d);
            for (int i = 0; i < d; i++) {
                cov[i * d + i] = diag[i];
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(cov[i * d + j] - cov[j * d + i]) > 1e-12 * Math.max(1, Math.abs(cov[i * d + j]))) {
                    throw new ConfigurationException(OWNER + ": parameter 'covariance' is not symmetric: entry ("
                            + (i + 1) + "," + (j + 1) + ") = " + Parameter.format(cov[i * d + j]) + " but ("
                            + (j + 1) + "," + (i + 1) + ") = " + Parameter.format(cov[j * d + i]));
                }
            }
        }
        if (Cholesky.factorSymmetricPart(cov, 0, d, new double[d * d]) >= 0) {
            throw new ConfigurationException(OWNER + ": parameter 'covariance' is not positive definite; give"
                    + " positive variances on the diagonal (or an SPD matrix of d^2 = " + d * d + " entries)");
        }
        long samples = parameters.integer("samples");
        if (samples % 2 != 0) {
            throw new ConfigurationException(OWNER + ": parameter 'samples' = " + samples + " is not valid; expected"
                    + " an even number (the points come in antithetic pairs z, -z)");
        }
        return new GaussianSpace(mean, cov, parameters.text("expectations").equals("quadratic"), (int) samples,
                parameters.integer("seed"));
    }

    private static double[] broadcast(String name, double[] v, int d) {
        if (v.length == d) {
            return v;
        }
        if (v.length == 1) {
            double[] out = new double[d];
            java.util.Arrays.fill(out, v[0]);
            return out;
        }
        throw new ConfigurationException(OWNER + ": parameter '" + name + "' has " + v.length + " entries; expected 1"
                + " or d = " + d + (name.equals("covariance") ? " (the diagonal) or d^2 = " + d * d : ""));
    }

    /** The Gaussian space a metric was given, or a clear error. */
    static GaussianSpace require(String owner, Space space) {
        if (space instanceof GaussianSpace g) {
            return g;
        }
        throw new ConfigurationException(owner + " needs the space 'gaussian', got kind " + space.kind());
    }
}
