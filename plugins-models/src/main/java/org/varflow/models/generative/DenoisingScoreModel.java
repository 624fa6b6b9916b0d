package org.varflow.models.generative;

import java.util.random.RandomGenerator;

/**
 * A score learned from samples by denoising score matching (Vincent 2011; Song et al. 2021), fitted in-process by
 * linear least squares.
 *
 * <h2>Objective</h2>
 * For data x_0, a forward time t and Z ~ N(0, I), x_t = e^-t x_0 + sigma_t Z (sigma_t^2 = 1 - e^-2t) has conditional
 * score grad log p(x_t | x_0) = -Z / sigma_t, and the minimiser over s of
 * E lambda(t) |s(x_t, t) + Z / sigma_t|^2 is the marginal score grad log p_t. With the weighting
 * lambda(t) = sigma_t^2 and the noise-prediction form s(x, t) = -eps(x, t) / sigma_t the loss is plain least squares
 * <pre>
 *   L(W) = (1/M) sum_i |eps(x_i, t_i) - Z_i|^2 + delta |W|^2,   eps(x, t) = W^T phi(x, t),
 * </pre>
 * solved exactly by the normal equations (Phi^T Phi + M delta I) W = Phi^T Z (Cholesky), one column per coordinate.
 * Training pairs: M = {@code pairsPerSample} x n draws, each of a data point (cycled), t log-uniform on [t0, T] (the
 * small times, where the score has structure, get as many draws as the large ones) and Z.
 *
 * <h2>Features</h2>
 * phi(x, t) = (1, x_1..x_d, sqrt(2/F) cos(omega_f . x + nu_f tau + b_f)), tau = log t, with random Fourier features
 * omega_f ~ N(0, I / l_x^2), nu_f ~ N(0, 1 / l_tau^2), b_f ~ U[0, 2 pi): a Gaussian kernel in (x, log t) of widths
 * (l_x, l_tau). The constant and linear terms carry the large-t regime, where eps(x, t) ~ sigma_t x. Evaluation
 * costs F cosines and allocates nothing.
 */
public final class DenoisingScoreModel implements TimeScore {
    private final int d;
    private final int features;
    private final double[] omega; // F x d
    private final double[] nu;
    private final double[] phase;
    private final double[] weights; // (1 + d + F) x d
    private final double trainingLoss;

    private DenoisingScoreModel(int d, int features, double[] omega, double[] nu, double[] phase, double[] weights,
                                double trainingLoss) {
        this.d = d;
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
        DenoisingScoreModel shell = new DenoisingScoreModel(d, features, omega, nu, phase, new double[p * d], 0);
        long m = (long) n * pairsPerSample;
        double[] gram = new double[p * p];
        double[] rhs = new double[p * d];
        double[] phi = new double[p];
        double[] x = new double[d];
        double[] z = new double[d];
        double zz = 0;
        double logT0 = Math.log(t0);
        double logRange = Math.log(horizon) - logT0;
        for (long i = 0; i < m; i++) {
            int row = (int) (i % n);
            double t = Math.exp(logT0 + logRange * rng.nextDouble());
            double a = Math.exp(-t);
            double sigma = Math.sqrt(-Math.expm1(-2 * t));
            for (int j = 0; j < d; j++) {
                z[j] = rng.nextGaussian();
                zz += z[j] * z[j];
                x[j] = a * samples[row * d + j] + sigma * z[j];
            }
            shell.features(x, t, phi);
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
        LinearAlgebra.choleskySolve(gram, p, w, d);
        double fit = 0;
        for (int i = 0; i < p * d; i++) {
            fit += w[i] * rhs[i];
        }
        // at the ridge solution (G + M delta I) W = rhs, so L(W) = (sum |Z|^2 - 2 W.rhs + W^T G W) / M + delta |W|^2
        // reduces to (sum |Z|^2 - W.rhs) / M
        return new DenoisingScoreModel(d, features, omega, nu, phase, w, (zz - fit) / m);
    }

    /**
     * The minimised objective L(W) on the training pairs; d for a model that predicts nothing, and never below the
     * irreducible E|Z - E[Z | x_t]|^2.
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
        double tau = Math.log(t);
        double sigma = Math.sqrt(-Math.expm1(-2 * t));
        double scale = Math.sqrt(2.0 / features);
        for (int j = 0; j < d; j++) {
            out[j] = weights[j];
        }
        for (int i = 0; i < d; i++) {
            double xi = x[i];
            int base = (1 + i) * d;
            for (int j = 0; j < d; j++) {
                out[j] += weights[base + j] * xi;
            }
        }
        for (int f = 0; f < features; f++) {
            double arg = nu[f] * tau + phase[f];
            for (int i = 0; i < d; i++) {
                arg += omega[f * d + i] * x[i];
            }
            double v = scale * Math.cos(arg);
            int base = (1 + d + f) * d;
            for (int j = 0; j < d; j++) {
                out[j] += weights[base + j] * v;
            }
        }
        for (int j = 0; j < d; j++) {
            out[j] = -out[j] / sigma;
        }
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
