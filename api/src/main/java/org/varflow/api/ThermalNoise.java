package org.varflow.api;

/**
 * Thermal (Langevin) noise, consistent with the metric: over one step of length h at temperature T it adds
 *
 * <pre>
 *   out += sqrt(2 h T) S(x) xi,   S(x) S(x)^T = K(x),   xi ~ N(0, I_d)
 * </pre>
 *
 * (xi_i drawn by {@link RandomStream#nextGaussian()} in coordinate order) and the Ito drift correction
 * {@code out += T div K(x)} for metrics that are not a {@link ConstantMetric}. With both, the Fokker-Planck equation
 * of the samples has the Gibbs law exp(-E / T) / Z as its stationary law for every positive definite K.
 *
 * <p>Everything is a default: a part that is thermal noise is an enum constant implementing this interface and
 * nothing else, and schemes that recognise the type may fuse the increment into their own loop for a
 * {@link FlatMetric} with bitwise the same result.
 *
 * <p><b>Scratch layout.</b> S xi needs three d-vectors besides x (the accumulated {@code out}, xi and S xi) and the
 * metric methods take whole arrays, so the increment keeps the accumulated {@code out} in {@code work[d, 2d)}, draws
 * xi into {@code out} itself, lets the metric write S xi into {@code work[0, d)}, and finally writes
 * {@code out = saved + sqrt(2 h T) S xi}. This needs {@code out} not to alias {@code x} (checked).
 */
public interface ThermalNoise extends Noise {

    @Override
    default void addIncrement(double[] x, double h, double temperature, Metric metric, RandomStream rng,
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
        if (metric instanceof FlatMetric) {
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

    /** out += T div K(x) when K depends on x; nothing for a {@link ConstantMetric} or at T = 0. */
    @Override
    default void addDriftCorrection(double[] x, double temperature, Metric metric, double[] work, double[] out) {
        if (metric instanceof ConstantMetric || temperature == 0) {
            return;
        }
        metric.divergence(x, work);
        for (int i = 0; i < x.length; i++) {
            out[i] += temperature * work[i];
        }
    }
}
