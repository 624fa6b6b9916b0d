package org.varflow.generative;

import java.util.random.RandomGenerator;
import org.varflow.api.linalg.Cholesky;

/**
 * A score learned from samples by denoising score matching (Vincent 2011; Song et al. 2021), fitted in-process by
 * linear least squares.
 *
 * <h2>Objective</h2>
 * For data x_0, a forward time t and Z ~ N(0, I), x_t = a x_0 + sigma Z (a = e^-t, sigma^2 = 1 - e^-2t) has
 * conditional score -Z / sigma, and minimising E lambda(t) |s(x_t, t) + Z / sigma|^2 over s gives the marginal score
 * grad log p_t. Equivalently (Tweedie) s(x, t) = (a D(x, t) - x) / sigma^2 with the denoiser D(x, t) ~ E[x_0 | x_t =
 * x],
 * fitted by E |D(x_t, t) - x_0|^2. The denoiser is preconditioned as in Karras et al. (2022), in the scaled variable
 * x~ = x / a whose noise level is s~ = sigma / a and with the data's standard deviation s_d:
 * <pre>
 *   D = c_skip x~ + c_out F(c_in x~, log t),   c_skip = s_d^2 / (s~^2 + s_d^2),   c_out = s~ s_d / sqrt(s~^2 + s_d^2),
 *   c_in = 1 / sqrt(s~^2 + s_d^2),
 * </pre>
 * and F is fitted by plain least squares to (x_0 - c_skip x~) / c_out, a target of unit scale at every t. A score
 * error e is a denoiser error sigma^2 e / a and an F error sigma^2 e / (a c_out), so this is the time weighting
 * lambda(t) = sigma^4 / (a^2 c_out^2) = sigma^2 (s~^2 + s_d^2) / s_d^2: the usual noise-prediction weighting sigma^2 at
 * small t, growing at large t.
 * Bounded features keep F bounded far from the data, where the skip term then pulls the flows back (a plain
 * noise-prediction model, eps = -sigma s, was tried first: its errors divided by sigma_t sent the probability-flow
 * ODE far off in 2-D, W2 up to 30 against 0.25 here).
 *
 * <h2>Model and solve</h2>
 * F(u, tau) = W^T phi, phi = (1, u_1..u_d, sqrt(2/F) cos(omega_f . u + nu_f tau + b_f)), random Fourier features with
 * omega_f ~ N(0, I / l_x^2), nu_f ~ N(0, 1 / l_tau^2), b_f ~ U[0, 2 pi): a Gaussian kernel in (u, log t) of widths
 * (l_x, l_tau). The normal equations (Phi^T Phi + M delta I) W = Phi^T Y are solved by Cholesky, one column per
 * coordinate. Training pairs: M = {@code pairsPerSample} x n draws, each of a data point (cycled), t log-uniform on
 * [t0, T] and Z. Evaluation costs F cosines and allocates nothing.
 */
public final class DenoisingScoreModel implements TimeScore {
    private final int d;
    private final int features;
    private final double[] omega; // F x d
    private final double[] nu;
    private final double[] phase;
    private final double[] weights; // (1 + d + F) x d
    private final double dataScale;
    private final double trainingLoss;

    private DenoisingScoreModel(int d, int features, double[] omega, double[] nu, double[] phase, double[] weights,
                                double dataScale, double trainingLoss) {
        this.d = d;
        this.dataScale = dataScale;
        this.features = features;
        this.omega = omega;
        this.nu = nu;
        this.phase = phase;
        this.weights = weights;
        this.trainingLoss = trainingLoss;
    }

    /**
     * Fits the model to data samples.
     *
     * @param samples        x_0, row-major n x d
     * @param d              dimension
     * @param features       F random Fourier features, in [1, 2000]
     * @param pairsPerSample noisy training pairs per data point, &gt;= 1
     * @param t0             smallest time, in (0, T)
     * @param horizon        T, largest time
     * @param lengthX        l_x &gt; 0, kernel width in x
     * @param lengthTau      l_tau &gt; 0, kernel width in log t
     * @param ridge          delta &gt;= 0
     * @param rng            draws the features and the training pairs
     */
    public static DenoisingScoreModel fit(double[] samples, int d, int features, int pairsPerSample, double t0,
            double horizon, double lengthX, double lengthTau, double ridge, RandomGenerator rng) {
        if (d < 1 || samples.length == 0 || samples.length % d != 0) {
            throw new IllegalArgumentException("denoising score matching: " + samples.length
                    + " sample coordinates do not form rows of dimension " + d);
        }
        if (features < 1 || features > 2000) {
            throw new IllegalArgumentException("denoising score matching: features = " + features
                    + " is not valid; expected a whole number in [1, 2000]");
        }
        if (pairsPerSample < 1) {
            throw new IllegalArgumentException("denoising score matching: pairsPerSample = " + pairsPerSample
                    + " is not valid; expected >= 1");
        }
        if (!(t0 > 0 && t0 < horizon && Double.isFinite(horizon))) {
            throw new IllegalArgumentException("denoising score matching: times [t0, T] = [" + t0 + ", " + horizon
                    + "] are not valid; expected 0 < t0 < T < infinity");
        }
        if (!(lengthX > 0) || !(lengthTau > 0) || !(ridge >= 0)) {
            throw new IllegalArgumentException("denoising score matching: widths l_x = " + lengthX + ", l_tau = "
                    + lengthTau + " must be > 0 and the ridge " + ridge + " >= 0");
        }
        int n = samples.length / d;
        double sd = dataScale(samples, d);
        double[] omega = new double[features * d];
        double[] nu = new double[features];
        double[] phase = new double[features];
        for (int f = 0; f < features; f++) {
            for (int j = 0; j < d; j++) {
                omega[f * d + j] = rng.nextGaussian() / lengthX;
            }
            nu[f] = rng.nextGaussian() / lengthTau;
            phase[f] = 2 * Math.PI * rng.nextDouble();
        }
        int p = 1 + d + features;
        DenoisingScoreModel shell = new DenoisingScoreModel(d, features, omega, nu, phase, new double[p * d], sd, 0);
        long m = (long) n * pairsPerSample;
        double[] gram = new double[p * p];
        double[] rhs = new double[p * d];
        double[] phi = new double[p];
        double[] z = new double[d];
        double[] u = new double[d];
        double zz = 0;
        double logT0 = Math.log(t0);
        double logRange = Math.log(horizon) - logT0;
        for (long i = 0; i < m; i++) {
            int row = (int) (i % n);
            double t = Math.exp(logT0 + logRange * rng.nextDouble());
            double a = Math.exp(-t);
            double sigma = Math.sqrt(-Math.expm1(-2 * t));
            double noise = sigma / a;
            double c2 = noise * noise + sd * sd;
            double skip = sd * sd / c2;
            double out = noise * sd / Math.sqrt(c2);
            double in = 1 / Math.sqrt(c2);
            for (int j = 0; j < d; j++) {
                double x0 = samples[row * d + j];
                double scaled = x0 + noise * rng.nextGaussian();
                u[j] = in * scaled;
                z[j] = (x0 - skip * scaled) / out;
                zz += z[j] * z[j];
            }
            shell.features(u, t, phi);
            for (int r = 0; r < p; r++) {
                double pr = phi[r];
                int base = r * p;
                for (int c = r; c < p; c++) {
                    gram[base + c] += pr * phi[c];
                }
                for (int j = 0; j < d; j++) {
                    rhs[r * d + j] += pr * z[j];
                }
            }
        }
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < r; c++) {
                gram[r * p + c] = gram[c * p + r];
            }
            gram[r * p + r] += m * ridge;
        }
        double[] w = rhs.clone();
        int pivot = Cholesky.factor(gram, p);
        if (pivot >= 0) {
            throw new IllegalArgumentException("matrix not positive definite at pivot " + pivot + " ("
                    + gram[pivot * p + pivot] + "); increase the ridge");
        }
        Cholesky.solveColumns(gram, p, w, d);
        double fit = 0;
        for (int i = 0; i < p * d; i++) {
            fit += w[i] * rhs[i];
        }
        // at the ridge solution (G + M delta I) W = rhs, so L(W) = (sum |Z|^2 - 2 W.rhs + W^T G W) / M + delta |W|^2
        // reduces to (sum |Z|^2 - W.rhs) / M
        return new DenoisingScoreModel(d, features, omega, nu, phase, w, sd, (zz - fit) / m);
    }

    /**
     * The minimised objective (1/M) sum |F - Y|^2 + delta |W|^2 on the training pairs, Y the preconditioned target
     * (of mean square about d at every t): about d for a model that predicts nothing.
     */
    public double trainingLoss() {
        return trainingLoss;
    }

    /** Number of random Fourier features F. */
    public int features() {
        return features;
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public void score(double[] x, double t, double[] out) {
        double a = Math.exp(-t);
        double sigma2 = -Math.expm1(-2 * t);
        double noise = Math.sqrt(sigma2) / a;
        double c2 = noise * noise + dataScale * dataScale;
        double skip = dataScale * dataScale / c2;
        double cOut = noise * dataScale / Math.sqrt(c2);
        double in = 1 / (a * Math.sqrt(c2));
        double tau = Math.log(t);
        double scale = Math.sqrt(2.0 / features);
        for (int j = 0; j < d; j++) {
            out[j] = weights[j];
        }
        for (int i = 0; i < d; i++) {
            double ui = in * x[i];
            int base = (1 + i) * d;
            for (int j = 0; j < d; j++) {
                out[j] += weights[base + j] * ui;
            }
        }
        for (int f = 0; f < features; f++) {
            double arg = nu[f] * tau + phase[f];
            for (int i = 0; i < d; i++) {
                arg += omega[f * d + i] * in * x[i];
            }
            double v = scale * Math.cos(arg);
            int base = (1 + d + f) * d;
            for (int j = 0; j < d; j++) {
                out[j] += weights[base + j] * v;
            }
        }
        // out = F; D = skip x / a + cOut F; score = (a D - x) / sigma^2
        for (int j = 0; j < d; j++) {
            double denoised = skip * x[j] / a + cOut * out[j];
            out[j] = (a * denoised - x[j]) / sigma2;
        }
    }

    /** The root mean square standard deviation of the coordinates of the samples (s_d; 1 if they are constant). */
    private static double dataScale(double[] samples, int d) {
        int n = samples.length / d;
        double total = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += samples[i * d + j] / n;
            }
            double var = 0;
            for (int i = 0; i < n; i++) {
                double c = samples[i * d + j] - mean;
                var += c * c / n;
            }
            total += var / d;
        }
        return total > 0 ? Math.sqrt(total) : 1;
    }

    /**
     * The denoising score matching loss (1/M) sum |sigma_t s(x_t, t) + Z|^2 of any score on M fresh pairs drawn as in
     * {@link #fit} (t log-uniform on [t0, T]): the held-out objective. The exact score of the data law minimises its
     * expectation; the excess of another score is E sigma_t^2 |s - grad log p_t|^2.
     */
    public static double loss(TimeScore score, double[] samples, int pairs, double t0, double horizon,
                              RandomGenerator rng) {
        int d = score.dimension();
        int n = samples.length / d;
        double[] x = new double[d];
        double[] z = new double[d];
        double[] s = new double[d];
        double logT0 = Math.log(t0);
        double logRange = Math.log(horizon) - logT0;
        double sum = 0;
        for (int i = 0; i < pairs; i++) {
            int row = i % n;
            double t = Math.exp(logT0 + logRange * rng.nextDouble());
            double a = Math.exp(-t);
            double sigma = Math.sqrt(-Math.expm1(-2 * t));
            for (int j = 0; j < d; j++) {
                z[j] = rng.nextGaussian();
                x[j] = a * samples[row * d + j] + sigma * z[j];
            }
            score.score(x, t, s);
            for (int j = 0; j < d; j++) {
                double r = sigma * s[j] + z[j];
                sum += r * r;
            }
        }
        return sum / pairs;
    }

    /** phi(u, t) for the scaled input u = c_in x / a. */
    private void features(double[] x, double t, double[] phi) {
        double tau = Math.log(t);
        double scale = Math.sqrt(2.0 / features);
        phi[0] = 1;
        for (int i = 0; i < d; i++) {
            phi[1 + i] = x[i];
        }
        for (int f = 0; f < features; f++) {
            double arg = nu[f] * tau + phase[f];
            for (int i = 0; i < d; i++) {
                arg += omega[f * d + i] * x[i];
            }
            phi[1 + d + f] = scale * Math.cos(arg);
        }
    }
}
