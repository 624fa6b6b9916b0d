package org.varflow.measures.svgd;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConstantMetric;
import org.varflow.api.Metric;
import org.varflow.api.Noise;
import org.varflow.api.NoiseFactory;
import org.varflow.api.NumericalException;
import org.varflow.api.Parameters;
import org.varflow.api.PartKind;
import org.varflow.api.RandomStream;
import org.varflow.api.Requirement;
import org.varflow.api.Space;
import org.varflow.api.measure.MeasureKinds;

/**
 * The entropy of an ensemble realised deterministically under a kernelised metric: each step adds h T div K(X), the
 * mean of the thermal increment's Ito correction without its Brownian part. Under the {@code stein} metric,
 * T K grad log rho integrated by parts is -T div K, so this is the exact entropic repulsion of Stein variational
 * gradient descent, needing no density estimate. Under a constant metric div K = 0 and nothing would repel, so it
 * refuses one.
 */
public final class SteinRepulsionNoiseFactory implements NoiseFactory {

    @Override
    public String id() {
        return "stein-repulsion";
    }

    @Override
    public String summary() {
        return "deterministic entropic repulsion h T div K(X) of a kernelised metric (SVGD), no random numbers";
    }

    @Override
    public String formula() {
        return "x += h T div K(x);  for stein: (1/N) sum_q T grad_{x_q} k(x_p, x_q) = -T K grad log rho by parts";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(MeasureKinds.ENSEMBLE);
    }

    /** T div K is zero for a constant metric: the repulsion needs the kernel's position-dependent K. */
    static final Requirement<Metric> VARYING = Requirement.of(PartKind.METRIC, Metric.class,
            "a metric that depends on the positions (metric 'stein'; noise 'stein-repulsion' adds T div K, which is"
                    + " zero for a constant metric: with 'wasserstein' use noise 'kde-score' or 'thermal')")
            .and(m -> !(m instanceof ConstantMetric), "");

    @Override
    public List<Requirement<?>> requires() {
        return List.of(VARYING);
    }

    @Override
    public Noise create(Parameters parameters, Space space) {
        return Repulsion.INSTANCE;
    }

    /** Stateless. */
    enum Repulsion implements Noise {
        INSTANCE;

        @Override
        public void addIncrement(double[] x, double h, double temperature, Metric metric, RandomStream rng,
                                 double[] work, double[] out) {
            if (!(temperature >= 0)) {
                throw new NumericalException("noise 'stein-repulsion': temperature T = " + temperature
                        + " is not >= 0", PartKind.NOISE);
            }
            if (temperature == 0) {
                return;
            }
            metric.divergence(x, work);
            double s = h * temperature;
            for (int i = 0; i < x.length; i++) {
                out[i] += s * work[i];
            }
        }
    }
}
