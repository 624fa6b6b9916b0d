package org.varflow.generative;

import java.util.random.RandomGenerator;

/**
 * Integrators from noise back to data for the forward Ornstein-Uhlenbeck process dX = -X dt + sqrt(2) dW on
 * [0, T] (see {@link DiffusedGaussianMixture} for its marginals p_t).
 *
 * <p>In reverse time s = T - t, with a score s_t ~ grad log p_t (Anderson 1982; Song et al. 2021):
 * <pre>
 *   reverse SDE:            dY = [Y + 2 s_{T-s}(Y)] ds + sqrt(2) dW,     Y_0 ~ N(0, I)
 *   probability-flow ODE:   dY = [Y + s_{T-s}(Y)] ds                     (same marginals, deterministic)
 * </pre>
 * Both end at time t0 &gt; 0 (the score of the data law itself may be singular); with the exact score Y at t0 has the
 * law p_t0, which differs from the data law by O(t0). The SDE is integrated by exponential Euler-Maruyama (the linear
 * part
 * y ds + sqrt(2) dW exactly, the score frozen over the step; weak order 1, exact for a frozen score, the discrete
 * analogue of ancestral sampling), the ODE by Heun's method (order 2):
 * <pre>
 *   SDE:  y = e^h y + 2 (e^h - 1) s_t(y) + sqrt(e^2h - 1) xi
 *   ODE:  k1 = y + s_t(y),  k2 = (y + h k1) + s_{t-h}(y + h k1),  y += h (k1 + k2) / 2
 * </pre>
 * where t is the forward time at the start of the step. The drift depends on time, so these are dedicated schemes:
 * the {@code Energy} SPI has no time argument, and core's {@code euler-maruyama} / {@code dormand-prince} integrate
 * b(x) = -K dE(x) only (see {@link ReverseDiffusionSchemeFactory}).
 */
public final class ReverseDiffusion {

    /** Which reverse dynamics. */
    public enum Form {
        /** the reverse-time SDE, exponential Euler-Maruyama. */
        SDE,
        /** the probability-flow ODE, Heun. */
        ODE;

        /** The parameter word: {@code sde} or {@code ode}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private ReverseDiffusion() {
    }

    /**
     * One step of length h from forward time t to t - h, in place.
     *
     * @param xi   d standard normal deviates (ignored for the ODE)
     * @param k1   scratch, length d
     * @param pred scratch, length d
     * @param k2   scratch, length d
     */
    public static void step(TimeScore score, Form form, double[] y, double t, double h, double[] xi, double[] k1,
                            double[] pred, double[] k2) {
        int d = score.dimension();
        score.score(y, t, k1);
        if (form == Form.SDE) {
            double grow = Math.exp(h);
            double drift = 2 * Math.expm1(h);
            double noise = Math.sqrt(Math.expm1(2 * h));
            for (int j = 0; j < d; j++) {
                y[j] = grow * y[j] + drift * k1[j] + noise * xi[j];
            }
            return;
        }
        for (int j = 0; j < d; j++) {
            k1[j] += y[j];
            pred[j] = y[j] + h * k1[j];
        }
        score.score(pred, t - h, k2);
        for (int j = 0; j < d; j++) {
            y[j] += 0.5 * h * (k1[j] + pred[j] + k2[j]);
        }
    }

    /**
     * n samples: Y ~ N(0, I) at forward time T, then {@code steps} equal steps down to t0.
     *
     * @return row-major n x d
     */
    public static double[] sample(TimeScore score, Form form, int n, double horizon, double t0, int steps,
                                  RandomGenerator rng) {
        if (!(t0 > 0 && t0 < horizon && Double.isFinite(horizon))) {
            throw new IllegalArgumentException("reverse diffusion: times [t0, T] = [" + t0 + ", " + horizon
                    + "] are not valid; expected 0 < t0 < T < infinity");
        }
        if (steps < 1 || n < 1) {
            throw new IllegalArgumentException("reverse diffusion: steps = " + steps + " and n = " + n
                    + " must be >= 1");
        }
        int d = score.dimension();
        double h = (horizon - t0) / steps;
        double[] out = new double[n * d];
        double[] y = new double[d];
        double[] xi = new double[d];
        double[] k1 = new double[d];
        double[] pred = new double[d];
        double[] k2 = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                y[j] = rng.nextGaussian();
            }
            for (int k = 0; k < steps; k++) {
                double t = horizon - k * h;
                if (form == Form.SDE) {
                    for (int j = 0; j < d; j++) {
                        xi[j] = rng.nextGaussian();
                    }
                }
                step(score, form, y, t, h, xi, k1, pred, k2);
            }
            System.arraycopy(y, 0, out, i * d, d);
        }
        return out;
    }
}
