package org.varflow.examples;

import org.varflow.api.ConvergenceOrder;
import org.varflow.api.Flow;
import org.varflow.api.MeteredStepper;
import org.varflow.api.Parameters;
import org.varflow.api.RandomStream;
import org.varflow.api.Scheme;
import org.varflow.api.SchemeFactory;
import org.varflow.api.StepContext;

/**
 * Heun's method (explicit trapezoid) for the deterministic flow, stating its order so that the check kit measures
 * it, and metering the dissipation for the run's certificate from the stage it computes anyway.
 */
// tag::scheme[]
public final class Heun implements SchemeFactory {
    // x* = x + h b(x);  x_next = x + h (b(x) + b(x*)) / 2

    @Override
    public String id() {
        return "heun";
    }

    @Override
    public String summary() {
        return "Heun's method: explicit trapezoid, second order";
    }

    @Override
    public java.util.Set<String> spaces() {
        return java.util.Set.of(org.varflow.api.Space.EUCLIDEAN);  // x + v: flat coordinates
    }

    @Override
    public ConvergenceOrder order() {
        return ConvergenceOrder.deterministic(2);               // measured by 'varflow check heun'
    }

    @Override
    public Scheme create(Parameters parameters, Flow flow) {
        return blockFlow -> new Stepper(blockFlow);              // one stepper per particle block: its own scratch
    }

    private static final class Stepper implements MeteredStepper {
        private final Flow flow;
        private final double[] g;
        private final double[] work;
        private final double[] b0;
        private final double[] b1;
        private final double[] y;

        Stepper(Flow flow) {
            int d = flow.dimension();
            this.flow = flow;
            this.g = new double[d];
            this.work = new double[2 * d];
            this.b0 = new double[d];
            this.b1 = new double[d];
            this.y = new double[d];
        }

        @Override
        public void step(double[] x, double[] aux, StepContext step, RandomStream rng) {
            stepMetered(x, aux, step, rng);
        }

        /** Takes the step and returns D(x_k) = -dE.b at its start (the runner adds the trapezoid). */
        @Override
        public double stepMetered(double[] x, double[] aux, StepContext step, RandomStream rng) {
            double h = step.dt();
            flow.drift(x, step.time(), g, work, b0);
            double rate = 0;
            for (int i = 0; i < x.length; i++) {
                rate -= g[i] * b0[i];
                y[i] = x[i] + h * b0[i];
            }
            flow.drift(y, step.time() + h, g, work, b1);
            for (int i = 0; i < x.length; i++) {
                x[i] += 0.5 * h * (b0[i] + b1[i]);
            }
            return rate;
        }
    }
}
// end::scheme[]
