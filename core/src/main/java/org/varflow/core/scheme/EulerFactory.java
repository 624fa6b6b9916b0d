package org.varflow.core.scheme;

import org.varflow.api.BlockGradient;
import org.varflow.api.Energy;
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

    /**
     * Euler's step, optionally with the noise increment of one step (Euler-Maruyama). On the fused path it also
     * steps runs of particles in place ({@link Scheme.BlockStepper}): the gradients of up to {@value #RUN_VALUES}
     * coordinates at once (in one call when the energy is a {@link BlockGradient}), their Gaussians in one draw, and
     * one update loop over the run, with the per-particle step's operations in its order.
     */
    static final class EulerStepper implements MeteredStepper, Scheme.BlockStepper {
        /** Coordinates per pass of {@link #stepBlock}: the run's gradients and Gaussians stay in L1. */
        static final int RUN_VALUES = 1024;
        private final Flow flow;
        private final Metric metric;
        private final boolean withNoise;
        private final double[] gradient;
        private final double[] work;
        private final double[] velocity;
        private final double[] next;
        /** One particle of a run that {@link #stepBlock} steps through the per-particle path. */
        private final double[] particle;
        /** The flat metric with thermal or no noise: one fused loop per step. */
        private final boolean fused;
        /** The flat metric: the retraction x + v, in place. */
        private final boolean flat;
        /** The fused path's T and sqrt(2 h T), computed for the step (scaleT, scaleH). */
        private double temperature;
        private double scale;
        private double scaleT = Double.NaN;
        private double scaleH = Double.NaN;
        /**
         * The scratch of {@link #stepBlock}, one set per thread: a thread steps one block at a time, and a run of 10^7
         * particles has some 40 000 blocks, which would otherwise hold 24 kB of scratch each.
         */
        private static final ThreadLocal<RunScratch> SCRATCH = new ThreadLocal<>();

        EulerStepper(Flow flow, boolean withNoise) {
            this.flow = flow;
            this.metric = flow.metric();
            this.withNoise = withNoise && !flow.isDeterministic();
            int d = flow.dimension();
            this.gradient = new double[d];
            this.work = new double[2 * d];
            this.velocity = new double[d];
            this.next = new double[d];
            this.particle = new double[d];
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
         * Steps particles [from, to) in place. On the fused path: passes of whole particles, up to
         * {@value #RUN_VALUES} coordinates each, copied into scratch (where every loop runs over one index, the form
         * the JIT vectorises), with the per-particle step's arithmetic in its order; elsewhere each particle is
         * copied out, stepped and copied back.
         */
        @Override
        public void stepBlock(double[] states, int from, int to, StepContext step, RandomStream rng) {
            int d = particle.length;
            if (!fused || !prepare(step.time(), step.dt())) {
                for (int p = from; p < to; p++) {
                    System.arraycopy(states, p * d, particle, 0, d);
                    advance(particle, step, rng, false);
                    System.arraycopy(particle, 0, states, p * d, d);
                }
                return;
            }
            int values = Math.max(1, RUN_VALUES / d) * d;
            RunScratch buffers = SCRATCH.get();
            if (buffers == null || buffers.states().length != values) { // this thread's first run of dimension d
                buffers = new RunScratch(values);
                SCRATCH.set(buffers);
            }
            double h = step.dt();
            double scale = this.scale;
            boolean noisy = withNoise && temperature != 0;
            int run = buffers.states().length / d;
            Energy energy = flow.energy();
            double[] x = buffers.states();
            double[] g = buffers.gradients();
            double[] xi = buffers.gaussians();
            for (int first = from; first < to; first += run) {
                int count = Math.min(to - first, run);
                int length = count * d;
                System.arraycopy(states, first * d, x, 0, length);
                if (energy instanceof BlockGradient block) {
                    block.gradients(x, count, d, g);
                } else {
                    for (int p = 0; p < count; p++) {
                        System.arraycopy(x, p * d, particle, 0, d);
                        energy.gradient(particle, gradient);
                        System.arraycopy(gradient, 0, g, p * d, d);
                    }
                }
                if (noisy) {
                    // the run's Gaussians in particle and coordinate order: what step() draws particle by particle
                    rng.nextGaussians(xi, 0, length);
                }
                move(x, g, noisy ? xi : null, length, h, scale);
                System.arraycopy(x, 0, states, first * d, length);
            }
        }

        /** The states, gradients and Gaussians of one pass of {@link #stepBlock}. */
        private record RunScratch(double[] states, double[] gradients, double[] gaussians) {
            RunScratch(int values) {
                this(new double[values], new double[values], new double[values]);
            }
        }

        /**
         * The fused step's update of the first {@code length} coordinates, x += (-g) h + scale xi (x += (-g) h when
         * {@code xi} is null), in this order: one copy of the arithmetic for one particle and for a run, which must
         * agree bit for bit.
         */
        private static void move(double[] x, double[] g, double[] xi, int length, double h, double scale) {
            if (xi != null) {
                for (int k = 0; k < length; k++) {
                    double v = -g[k] * h;
                    v += scale * xi[k];
                    x[k] += v;
                }
            } else {
                for (int k = 0; k < length; k++) {
                    x[k] += -g[k] * h;
                }
            }
        }

        /**
         * T(t) and sqrt(2 h T) for the fused path, once per step, not per particle (every particle of a block shares
         * (t, h)); false when T is not a temperature (the general noise call then names the fault).
         */
        private boolean prepare(double t, double h) {
            if (t != scaleT || h != scaleH) {
                temperature = withNoise ? flow.temperature(t) : 0;
                scale = Math.sqrt(2 * h * temperature);
                scaleT = t;
                scaleH = h;
            }
            return temperature >= 0;
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
                if (!prepare(t, h)) {
                    flow.noise().addIncrement(x, h, temperature, metric, rng, work, velocity); // names the fault
                }
                double temperature = this.temperature;
                double scale = this.scale;
                boolean noisy = withNoise && temperature != 0;
                double rate = 0;
                if (meter) {
                    for (int i = 0; i < x.length; i++) {
                        rate += gradient[i] * gradient[i];
                    }
                }
                if (noisy) {
                    rng.nextGaussians(velocity); // xi_i in coordinate order, as nextGaussian() one by one draws them
                }
                move(x, gradient, noisy ? velocity : null, x.length, h, scale);
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
