package org.varflow.core.scheme;

import org.varflow.api.StepContext;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;
import org.varflow.api.ConfigurationException;
import org.varflow.api.ConvergenceOrder;
import org.varflow.api.Flow;
import org.varflow.api.MeteredStepper;
import org.varflow.api.NumericalException;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.RandomStream;
import org.varflow.api.Scheme;
import org.varflow.api.SchemeFactory;
import org.varflow.api.Space;

/**
 * Adaptive Dormand-Prince 8(5,3) (Commons Math {@link DormandPrince853Integrator}) for the deterministic flow
 * x' = -K(x) dE(x) + J(x) dE(x) in coordinates. Each outer step of length h is integrated with as many inner steps
 * as the local error control needs: the error estimate per inner step is kept below
 * absoluteTolerance + relativeTolerance |x|. Only for flows without noise, on flat coordinates.
 *
 * <p>Metered: the dissipation of a step, the integral of D = &lt;dE, K dE&gt;, is the sum over the inner steps of
 * 4-point Gauss-Legendre quadrature (exact for polynomials of degree 7) on the integrator's dense output (7th order),
 * so it is as accurate as the step itself.
 */
public final class DormandPrinceFactory implements SchemeFactory {

    @Override
    public String id() {
        return "dormand-prince";
    }

    @Override
    public String summary() {
        return "adaptive Runge-Kutta (Dormand-Prince 8(5,3), Commons Math) for deterministic flows";
    }

    @Override
    public String formula() {
        return "x' = -K(x) dE(x) + J(x) dE(x), local error <= atol + rtol |x| per inner step";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.real("relativeTolerance", 1e-11, 1e-15, 1e-1, "relative local error per inner step"),
                Parameter.real("absoluteTolerance", 1e-13, 1e-300, 1e-1, "absolute local error per inner step"),
                Parameter.real("minStep", 1e-14, 1e-300, 1.0, "smallest inner step before giving up"));
    }

    /** Order 8 per inner step; the error at a fixed time is held at the tolerances whatever h is. */
    @Override
    public ConvergenceOrder order() {
        return ConvergenceOrder.deterministic(8);
    }

    @Override
    public Scheme create(Parameters parameters, Flow flow) {
        Space space = flow.space();
        double rtol = parameters.real("relativeTolerance");
        double atol = parameters.real("absoluteTolerance");
        double minStep = parameters.real("minStep");
        if (space.dimension() > 1_000_000) {
            throw new ConfigurationException("scheme 'dormand-prince' keeps 13 stage vectors; the space dimension "
                    + space.dimension() + " is above 1000000");
        }
        return blockFlow -> new AdaptiveStepper(blockFlow, rtol, atol, minStep);
    }

    /** One integrator per block: Commons Math integrators are stateful. */
    private static final class AdaptiveStepper implements MeteredStepper, FirstOrderDifferentialEquations,
            StepHandler {
        /** Gauss-Legendre nodes on [-1, 1] and their weights, 4 points. */
        private static final double[] NODES = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563,
            0.8611363115940526};
        private static final double[] WEIGHTS = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461,
            0.3478548451374538};
        private final Flow flow;
        private final double rtol;
        private final double atol;
        private final double minStep;
        private final double[] gradient;
        private final double[] work;
        private final double[] out;
        private final double[] meterGradient;
        private final double[] meterRaised;
        private DormandPrince853Integrator integrator;
        private double maxStep = Double.NaN;
        /** Whether the current step is metered, and what it has dissipated so far. */
        private boolean metering;
        private double dissipated;

        AdaptiveStepper(Flow flow, double rtol, double atol, double minStep) {
            this.flow = flow;
            this.rtol = rtol;
            this.atol = atol;
            this.minStep = minStep;
            int d = flow.dimension();
            this.gradient = new double[d];
            this.work = new double[2 * d];
            this.out = new double[d];
            this.meterGradient = new double[d];
            this.meterRaised = new double[d];
        }

        @Override
        public int getDimension() {
            return flow.dimension();
        }

        @Override
        public void computeDerivatives(double t, double[] y, double[] yDot) {
            flow.drift(y, t, gradient, work, yDot);
            // Commons Math accepts a step whose error estimate is NaN (its loop runs while error >= 1) and then
            // continues with a NaN step size, forever: stop at the first non-finite velocity instead.
            for (int i = 0; i < yDot.length; i++) {
                if (!Double.isFinite(yDot[i])) {
                    boolean energy = !isFinite(gradient);
                    throw new NumericalException("dormand-prince: the velocity is not finite at an inner stage (t = "
                            + t + (y.length <= 8 ? ", x = " + java.util.Arrays.toString(y) : "") + ") because "
                            + (energy ? "the energy's gradient is not finite there" : "the drift overflowed"),
                            energy ? org.varflow.api.PartKind.ENERGY : org.varflow.api.PartKind.SCHEME);
                }
            }
        }

        private static boolean isFinite(double[] v) {
            for (double x : v) {
                if (!Double.isFinite(x)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void step(double[] x, double[] aux, StepContext step, RandomStream rng) {
            metering = false;
            integrate(x, step);
        }

        /** Q_k by Gauss-Legendre on the inner steps. */
        @Override
        public Meter meter() {
            return Meter.INTEGRAL;
        }

        @Override
        public double stepMetered(double[] x, double[] aux, StepContext step, RandomStream rng) {
            metering = true;
            dissipated = 0;
            try {
                integrate(x, step);
            } finally {
                metering = false;
            }
            return dissipated;
        }

        @Override
        public void init(double t0, double[] y0, double t) {
        }

        /** Gauss-Legendre on the inner step just taken, through the dense output (only when metering). */
        @Override
        public void handleStep(StepInterpolator interpolator, boolean isLast) {
            if (!metering) {
                return;
            }
            double a = interpolator.getPreviousTime();
            double b = interpolator.getCurrentTime();
            double half = 0.5 * (b - a);
            double mid = 0.5 * (a + b);
            double sum = 0;
            for (int q = 0; q < NODES.length; q++) {
                interpolator.setInterpolatedTime(mid + half * NODES[q]);
                double[] y = interpolator.getInterpolatedState();
                flow.energy().gradient(y, meterGradient);
                flow.metric().raise(y, meterGradient, meterRaised);
                double rate = 0;
                for (int i = 0; i < y.length; i++) {
                    rate += meterGradient[i] * meterRaised[i];
                }
                sum += WEIGHTS[q] * rate;
            }
            dissipated += half * sum;
        }

        private void integrate(double[] x, StepContext step) {
            double t = step.time();
            double h = step.dt();
            if (integrator == null || maxStep != h) {
                maxStep = h;
                integrator = new DormandPrince853Integrator(Math.min(minStep, h), h, atol, rtol);
                integrator.addStepHandler(this);
            }
            try {
                integrator.integrate(this, t, x, t + h, out);
            } catch (MathIllegalStateException e) {
                throw new NumericalException("dormand-prince: " + e.getMessage()
                        + "; the flow is too stiff or blows up here: loosen the tolerances or use scheme"
                        + " 'minimizing-movement'", e);
            }
            System.arraycopy(out, 0, x, 0, x.length);
        }
    }
}
