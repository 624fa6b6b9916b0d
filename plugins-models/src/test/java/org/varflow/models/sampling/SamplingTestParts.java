package org.varflow.models.sampling;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Noise;
import org.varflow.api.NoiseFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Plugin;
import org.varflow.api.RandomStream;
import org.varflow.api.Space;
import org.varflow.noise.thermal.ThermalNoiseFactory;

/**
 * Parts only the tests use: a position-dependent metric on R^1 and the deliberately wrong thermal noise without the
 * Ito correction, to show that the correction matters and that the Gibbs check detects its absence.
 */
final class SamplingTestParts implements Plugin {

    @Override
    public String id() {
        return "varflow-sampling-test-parts";
    }

    @Override
    public Collection<MetricFactory> metrics() {
        return List.of(new MobilityMetricFactory());
    }

    @Override
    public Collection<NoiseFactory> noises() {
        return List.of(new NoCorrectionNoiseFactory());
    }

    /**
     * K(x) = 1 + c x^2 on R^1 (a position-dependent mobility): K^{1/2} = sqrt(1 + c x^2), div K = K'(x) = 2 c x.
     * With the Ito correction T K'(x) the Fokker-Planck equation is d rho/dt = d/dx(K (rho E' + T rho')), stationary
     * exp(-E/T)/Z; without it the drift -K E' alone gives the stationary law exp(-E/T) / (K Z').
     */
    static final class MobilityMetricFactory implements MetricFactory {
        @Override
        public String id() {
            return "test-mobility";
        }

        @Override
        public String summary() {
            return "K(x) = 1 + c x^2 on R^1 (test only)";
        }

        @Override
        public Set<String> spaces() {
            return Set.of(Space.EUCLIDEAN);
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(Parameter.real("c", 1.0, 0.0, 100.0, "K(x) = 1 + c x^2"));
        }

        @Override
        public Metric create(Parameters parameters, Space space) {
            double c = parameters.real("c");
            return new Metric() {
                @Override
                public void raise(double[] x, double[] covector, double[] out) {
                    out[0] = (1 + c * x[0] * x[0]) * covector[0];
                }

                @Override
                public void sqrtRaise(double[] x, double[] xi, double[] out) {
                    out[0] = Math.sqrt(1 + c * x[0] * x[0]) * xi[0];
                }

                @Override
                public void divergence(double[] x, double[] out) {
                    out[0] = 2 * c * x[0];
                }
            };
        }
    }

    /** The real thermal noise increment with the Ito drift correction left out: a known bug, kept to detect it. */
    static final class NoCorrectionNoiseFactory implements NoiseFactory {
        @Override
        public String id() {
            return "thermal-no-correction";
        }

        @Override
        public String summary() {
            return "thermal noise without the Ito correction T div K (wrong for position-dependent K; test only)";
        }

        @Override
        public Noise create(Parameters parameters, Space space) {
            Noise thermal = new ThermalNoiseFactory().create(Parameters.empty(), space);
            return new Noise() {
                @Override
                public void addIncrement(double[] x, double h, double temperature, Metric metric, RandomStream rng,
                                         double[] work, double[] out) {
                    thermal.addIncrement(x, h, temperature, metric, rng, work, out);
                }
            };
        }
    }
}
