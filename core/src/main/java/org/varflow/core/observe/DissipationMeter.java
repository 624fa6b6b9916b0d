package org.varflow.core.observe;

import java.util.Map;
import org.varflow.api.Flow;
import org.varflow.api.MeteredStepper;
import org.varflow.api.RandomStream;
import org.varflow.api.Scheme;
import org.varflow.api.SplitsWork;
import org.varflow.api.StepContext;
import org.varflow.api.Workers;

/**
 * The per-step half of the dissipation certificate: wraps the scheme of a deterministic run so that every particle
 * carries, in {@value #SLOTS} auxiliary coordinates after the scheme's own, the dissipation its steps integrated since
 * the last observation (the runner observes after every {@code every}-th step),
 *
 * <pre>
 *   A = sum of Q_k over those steps,   Q_k = integral over step k of D(x(s)) ds,   D = &lt;dE, K dE&gt;
 * </pre>
 *
 * summed with Kahan's compensation. Q_k comes from the stepper when it is a {@link MeteredStepper}: its own integral
 * ({@link MeteredStepper.Meter#INTEGRAL}), or its rate D(x_k) ({@link MeteredStepper.Meter#RATE_AT_START}, explicit
 * Euler) combined by the trapezoid rule h_k (D(x_k) + D(x_k+1)) / 2: the meter adds (h_k-1 + h_k) D(x_k) / 2 and leaves
 * the right end of the last step before an observation, h D(x_b) / 2, to {@link DissipationObserver}, which computes
 * D(x_b) at the observation anyway. Other steppers are metered the same way with D(x_k) computed here (one more
 * gradient and {@code raise} per step). The states are exactly what the scheme computes. Living in the auxiliary
 * state, the sums follow the runner's checkpoints and its returns to the last observation when dt is halved.
 */
public final class DissipationMeter implements Scheme {
    /** Auxiliary coordinates per particle: the sum, its compensation, and h of the last rate-metered step. */
    public static final int SLOTS = 3;

    private final Scheme inner;
    private final int every;

    /**
     * @param inner the run's scheme
     * @param every the run's observation interval in steps: the sums start again at every multiple of it
     */
    public DissipationMeter(Scheme inner, int every) {
        this.inner = inner;
        this.every = every;
    }

    /**
     * Whether a run of this flow is metered: deterministic runs of deterministic schemes carry the dissipation each
     * step integrated (the certificate's per-step half); a scheme that draws random numbers (SGD's batches) is
     * certified between observations.
     */
    public static boolean applies(org.varflow.core.assembly.AssembledFlow assembled) {
        return certifies(assembled) && !(assembled.part(org.varflow.api.PartKind.SCHEME).factory()
                instanceof org.varflow.api.StochasticSchemeFactory);
    }

    /**
     * Whether a run of this flow gets the dissipation certificate at all: E is its Lyapunov functional
     * ({@link #energyIsLyapunov}) and its scheme discretises x' = -K dE rather than a surrogate of it
     * ({@link org.varflow.api.SurrogateSchemeFactory}: Adam, minibatch SGD, Sinkhorn).
     */
    public static boolean certifies(org.varflow.core.assembly.AssembledFlow assembled) {
        return energyIsLyapunov(assembled.flow()) && !(assembled.part(org.varflow.api.PartKind.SCHEME).factory()
                instanceof org.varflow.api.SurrogateSchemeFactory);
    }

    /**
     * Whether the energy E itself falls along the flow, dE/dt = -&lt;dE, K dE&gt;: a deterministic flow on which no
     * entropy acts. A flow of measures (an ensemble, a grid) with an entropy moves down the free energy
     * F = E + T S instead (heat, Fokker-Planck, JKO): there E may rise while F falls, its certificate is F's (the
     * free-energy observer reports F's increases), and one on E would report a violation near 1 that means nothing.
     */
    public static boolean energyIsLyapunov(Flow flow) {
        String kind = flow.space().kind();
        boolean measure = org.varflow.api.measure.MeasureKinds.ENSEMBLE.equals(kind)
                || org.varflow.api.measure.MeasureKinds.GRID_1D.equals(kind)
                || org.varflow.api.measure.MeasureKinds.GRID_2D.equals(kind);
        return flow.isDeterministic() && !(measure && !flow.entropy().isNone());
    }

    /** The auxiliary coordinates per particle a run of this flow keeps: the scheme's, and the meter's if it applies. */
    public static int auxiliaryDimension(org.varflow.core.assembly.AssembledFlow assembled) {
        int a = assembled.scheme().auxiliaryDimension(assembled.flow());
        return applies(assembled) ? a + SLOTS : a;
    }

    /** Where the meter's coordinates start in a particle's auxiliary state: after the scheme's own. */
    public static int offset(Scheme inner, Flow flow) {
        return inner.auxiliaryDimension(flow);
    }

    @Override
    public Stepper stepper(Flow flow) {
        Stepper stepper = inner.stepper(flow);
        int a = inner.auxiliaryDimension(flow);
        // a stepper that splits its work keeps that capability under the meter, so the runner's threads reach it
        return stepper instanceof SplitsWork ? new SplittingMetered(stepper, flow, a, every)
                : new Metered(stepper, flow, a, every);
    }

    @Override
    public int auxiliaryDimension(Flow flow) {
        return inner.auxiliaryDimension(flow) + SLOTS;
    }

    @Override
    public Map<String, Object> report(Map<String, Double> totals) {
        return inner.report(totals);
    }

    /** A metered stepper whose scheme's stepper splits its work: the runner's workers are passed through to it. */
    private static final class SplittingMetered extends Metered implements SplitsWork {
        SplittingMetered(Stepper stepper, Flow flow, int a, int every) {
            super(stepper, flow, a, every);
        }

        @Override
        public void useWorkers(Workers workers) {
            ((SplitsWork) inner()).useWorkers(workers);
        }
    }

    /** One block's metered stepper: the scheme's stepper plus its own scratch. */
    private static class Metered implements Stepper {
        private final Stepper stepper;
        private final MeteredStepper metered;
        private final boolean integral;
        private final Flow flow;
        private final int a;
        private final int every;
        private final double[] innerAux;
        private final double[] gradient;
        private final double[] raised;

        Metered(Stepper stepper, Flow flow, int a, int every) {
            this.stepper = stepper;
            this.metered = stepper instanceof MeteredStepper m ? m : null;
            this.integral = metered != null && metered.meter() == MeteredStepper.Meter.INTEGRAL;
            this.flow = flow;
            this.a = a;
            this.every = every;
            this.innerAux = new double[a];
            int d = flow.dimension();
            this.gradient = new double[d];
            this.raised = new double[d];
        }

        /** The scheme's own stepper. */
        final Stepper inner() {
            return stepper;
        }

        @Override
        public void step(double[] x, double[] aux, StepContext step, RandomStream rng) {
            if (step.index() % every == 0) { // the runner observed the state this step starts from
                aux[a] = 0;
                aux[a + 1] = 0;
                aux[a + 2] = 0;
            }
            if (a > 0) {
                System.arraycopy(aux, 0, innerAux, 0, a);
            }
            double h = step.dt();
            double q;
            if (integral) {
                q = metered.stepMetered(x, innerAux, step, rng);
                aux[a + 2] = 0;
            } else {
                double rate = metered != null ? metered.stepMetered(x, innerAux, step, rng) : rate(x);
                if (metered == null) {
                    stepper.step(x, innerAux, step, rng);
                }
                q = 0.5 * (aux[a + 2] + h) * rate; // right end of the step before, left end of this one
                aux[a + 2] = h;
            }
            if (a > 0) {
                System.arraycopy(innerAux, 0, aux, 0, a);
            }
            // Kahan: the sum in aux[a], the low-order part lost so far in aux[a + 1]
            double y = q - aux[a + 1];
            double t = aux[a] + y;
            aux[a + 1] = (t - aux[a]) - y;
            aux[a] = t;
        }

        /** D(x) = &lt;dE(x), K(x) dE(x)&gt;; NaN where it cannot be computed (the runner reports such states). */
        private double rate(double[] x) {
            try {
                flow.energy().gradient(x, gradient);
                flow.metric().raise(x, gradient, raised);
            } catch (RuntimeException e) {
                return Double.NaN;
            }
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += gradient[i] * raised[i];
            }
            return s;
        }

        @Override
        public void addStatistics(Map<String, Double> totals) {
            stepper.addStatistics(totals);
        }
    }
}
