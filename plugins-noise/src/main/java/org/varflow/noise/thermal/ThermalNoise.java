package org.varflow.noise.thermal;

import org.varflow.api.Metric;
import org.varflow.api.Noise;
import org.varflow.api.NumericalException;
import org.varflow.api.RandomStream;

/**
 * The increment of overdamped Langevin dynamics over one step of length h at temperature T:
 *
 * <pre>
 *   out += sqrt(2 h T) S(x) xi,   S(x) S(x)^T = K(x),   xi ~ N(0, I_d)
 * </pre>
 *
 * and the Ito drift correction {@code out += T div K(x)} for metrics that depend on x. Stateless: one instance
 * serves every particle block; all scratch is the caller's.
 *
 * <p><b>Scratch layout.</b> The SPI gives one scratch array {@code work} of length 2d, but S xi needs three
 * d-vectors besides x (the accumulated {@code out}, xi and S xi) and the metric methods take whole arrays. So
 * the increment keeps the accumulated {@code out} in {@code work[d, 2d)}, draws xi into {@code out} itself, lets
 * the metric write S xi into {@code work[0, d)}, and finally writes {@code out = saved + sqrt(2 h T) S xi}. This
 * needs {@code out} to have length d and not to alias {@code x} (checked), and the metric's {@code sqrtRaise} to
 * take d from {@code x} or {@code xi} and write only the first d entries of its output, as the SPI's default does.
 */
enum ThermalNoise implements Noise {
    INSTANCE;

    @Override
    public void addIncrement(double[] x, double h, double temperature, Metric metric, RandomStream rng,
                             double[] work, double[] out) {
        if (!(temperature >= 0)) {
            throw new NumericalException("noise 'thermal': temperature T = " + temperature
                    + " is not >= 0; check the entropy part (T = 1/beta)");
        }
        if (temperature == 0) {
            return; // zero temperature: no fluctuation, no random numbers drawn
        }
        if (out == x) {
            throw new IllegalArgumentException("noise 'thermal': out must not alias the state x");
        }
        int d = x.length;
        double scale = Math.sqrt(2 * h * temperature);
        if (metric.isIdentity()) {
            // S = I: the same numbers as below (xi_i drawn in order, out_i + scale xi_i), fused into one pass
            for (int i = 0; i < d; i++) {
                out[i] += scale * rng.nextGaussian();
            }
            return;
        }
        System.arraycopy(out, 0, work, d, d);    // keep what out has accumulated
        rng.nextGaussians(out);                   // xi ~ N(0, I_d), drawn into out
        metric.sqrtRaise(x, out, work);           // work[0, d) = S(x) xi
        for (int i = 0; i < d; i++) {
            out[i] = work[d + i] + scale * work[i];
        }
    }

    /** out += T div K(x) when K depends on x; nothing for a constant metric or at T = 0. */
    @Override
    public void addDriftCorrection(double[] x, double temperature, Metric metric, double[] work, double[] out) {
        if (metric.isConstant() || temperature == 0) {
            return;
        }
        metric.divergence(x, work);
        for (int i = 0; i < x.length; i++) {
            out[i] += temperature * work[i];
        }
    }

    @Override
    public boolean isZero() {
        return false;
    }

    @Override
    public boolean isThermal() {
        return true;
    }

    @Override
    public boolean needsTemperature() {
        return true;
    }
}
