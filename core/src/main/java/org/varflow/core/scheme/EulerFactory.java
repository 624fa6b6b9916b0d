package org.varflow.core.scheme;

import org.varflow.api.StepContext;
import org.varflow.api.FlatMetric;
import org.varflow.api.Flow;
import org.varflow.api.ConvergenceOrder;
import org.varflow.api.Metric;
import org.varflow.api.MeteredStepper;
import org.varflow.api.PoissonMetric;
import org.varflow.api.Parameters;
import org.varflow.api.RandomStream;
import org.varflow.api.Scheme;
import org.varflow.api.SchemeFactory;
import org.varflow.api.ThermalNoise;

/**
 * Explicit Euler for the deterministic flow: x_{k+1} = R_{x_k}(h b(x_k, t_k)), with b = -K dE + J dE and R the
 * metric's retraction (x + v in flat space). First order: the global error is O(h). Metered: it returns the
 * dissipation rate D(x_k) = &lt;dE, K dE&gt; = -&lt;dE, b&gt; from the drift it computes anyway, which the runner
 * integrates by the trapezoid rule over its steps.
 */
public final class EulerFactory implements SchemeFactory {

    @Override
    public String id() {
        return "euler";
    }

    @Override
    public String summary() {
        return "explicit Euler: one drift evaluation per step, first order";
    }

    @Override
    public String formula() {
        return "x_{k+1} = x_k + h (-K(x_k) dE(x_k) + J(x_k) dE(x_k))";
    }

    /** First order: global error O(h). */
    @Override
    public ConvergenceOrder order() {
        return ConvergenceOrder.deterministic(1);
    }

    @Override
    public Scheme create(Parameters parameters, Flow flow) {
        return blockFlow -> new EulerStepper(blockFlow, false);
    }

    /** Euler's step, optionally with the noise increment of one step (Euler-Maruyama). */
    static final class EulerStepper implements MeteredStepper {
        private final Flow flow;
        private final Metric metric;
        private final boolean withNoise;
        private final double[] gradient;
        private final double[] work;
        private final double[] velocity;
        private final double[] next;
        /** The flat metric with thermal or no noise: one fused loop per step. */
        private final boolean fused;
        /** The flat metric: the retraction x + v, in place. */
        private final boolean flat;
        /** The fused path's T and sqrt(2 h T), computed for the step (scaleT, scaleH). */
        private double temperature;
        private double scale;
        private double scaleT = Double.NaN;
        private double scaleH = Double.NaN;

        EulerStepper(Flow flow, boolean withNoise) {
            this.flow = flow;
            this.metric = flow.metric();
            this.withNoise = withNoise && !flow.isDeterministic();
            int d = flow.dimension();
            this.gradient = new double[d];
            this.work = new double[2 * d];
            this.velocity = new double[d];
            this.next = new double[d];
            this.flat = metric instanceof FlatMetric;
            this.fused = flat && !(metric instanceof PoissonMetric)
                    && (!this.withNoise || flow.noise() instanceof ThermalNoise);
        }

        @Override
        public void step(double[] x, double[] aux, StepContext step, RandomStream rng) {
            advance(x, step, rng, false);
        }

        /** D(x_k) = -&lt;dE, b&gt; = &lt;dE, K dE&gt; (J does no work): meaningful for deterministic flows. */
        @Override
        public double stepMetered(double[] x, double[] aux, StepContext step, RandomStream rng) {
            return advance(x, step, rng, true);
        }

        /**
         * Takes the step; returns -&lt;dE(x_k), b(x_k)&gt; from the gradient and drift it computed when {@code meter}
         * (always on the general path, where it is one product per coordinate beside a metric call).
         */
        private double advance(double[] x, StepContext step, RandomStream rng, boolean meter) {
            double t = step.time();
            double h = step.dt();
            if (fused) {
                // K = I, thermal noise: x + [(-dE) h + sqrt(2 h T) xi], the same operations as the general path
                // below in the same order, in one pass
                flow.energy().gradient(x, gradient);
                if (t != scaleT || h != scaleH) {
                    // T(t) and sqrt(2 h T) once per step, not per particle: every particle of a block shares (t, h)
                    temperature = withNoise ? flow.temperature(t) : 0;
                    scale = Math.sqrt(2 * h * temperature);
                    scaleT = t;
                    scaleH = h;
                }
                double temperature = this.temperature;
                if (!(temperature >= 0)) {
                    flow.noise().addIncrement(x, h, temperature, metric, rng, work, velocity); // names the fault
                }
                double scale = this.scale;
                boolean noisy = withNoise && temperature != 0;
                double rate = 0;
                if (meter) {
                    for (int i = 0; i < x.length; i++) {
                        rate += gradient[i] * gradient[i];
                    }
                }
                if (noisy) {
                    double[] xi = velocity;
                    rng.nextGaussians(xi); // xi_i in coordinate order, as nextGaussian() one by one would draw them
                    for (int i = 0; i < x.length; i++) {
                        double v = -gradient[i] * h;
                        v += scale * xi[i];
                        x[i] += v;
                    }
                } else {
                    for (int i = 0; i < x.length; i++) {
                        x[i] += -gradient[i] * h;
                    }
                }
                return rate;
            }
            flow.drift(x, t, gradient, work, velocity);
            double rate = 0;
            for (int i = 0; i < velocity.length; i++) {
                rate -= gradient[i] * velocity[i];
                velocity[i] *= h;
            }
            if (withNoise) {
                flow.noise().addIncrement(x, h, flow.temperature(t), metric, rng, work, velocity);
            }
            if (flat) {
                for (int i = 0; i < x.length; i++) {
                    x[i] += velocity[i]; // the flat retraction x + v, in place
                }
                return rate;
            }
            metric.retract(x, velocity, next);
            System.arraycopy(next, 0, x, 0, next.length);
            return rate;
        }
    }
}
