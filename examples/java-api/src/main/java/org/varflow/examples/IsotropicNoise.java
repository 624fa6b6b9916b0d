package org.varflow.examples;

import org.varflow.api.ConstantMetric;
import org.varflow.api.Metric;
import org.varflow.api.Noise;
import org.varflow.api.RandomStream;

/**
 * Thermal noise written out by hand (what {@link org.varflow.api.ThermalNoise} does by default): the increment
 * sqrt(2 h T) S(x) xi and the Ito correction T div K(x). The temperature is an argument: it comes from the entropy.
 */
// tag::noise[]
public enum IsotropicNoise implements Noise {
    INSTANCE;

    @Override
    public void addIncrement(double[] x, double h, double temperature, Metric metric, RandomStream rng,
                             double[] work, double[] out) {
        int d = x.length;
        double scale = Math.sqrt(2 * h * temperature);          // covariance 2 h T K: fluctuation-dissipation
        System.arraycopy(out, 0, work, d, d);                   // keep what out holds in work[d, 2d)
        for (int i = 0; i < d; i++) {
            out[i] = rng.nextGaussian();                        // xi ~ N(0, I), drawn into out in coordinate order
        }
        metric.sqrtRaise(x, out, work);                         // work[0, d) = S(x) xi (no array aliases another)
        for (int i = 0; i < d; i++) {
            out[i] = work[d + i] + scale * work[i];
        }
    }

    @Override
    public void addDriftCorrection(double[] x, double temperature, Metric metric, double[] work, double[] out) {
        if (metric instanceof ConstantMetric) {
            return;                                             // div K = 0
        }
        metric.divergence(x, work);
        for (int i = 0; i < x.length; i++) {
            out[i] += temperature * work[i];                    // the Ito drift T div K
        }
    }
}
// end::noise[]
