package org.varflow.api;

/**
 * A stepper that meters the dissipation of its step from its own stages, for the dissipation certificate of
 * deterministic runs ({@code diagnostics.maxDissipationViolation}). Along x' = -K dE + J dE the energy falls by
 *
 * <pre>
 *   Q_k = integral_{t_k}^{t_k + h} D(x(s)) ds,   D(x) = &lt;dE(x), K(x) dE(x)&gt;
 * </pre>
 *
 * over a step, and the certificate compares the observed fall with the sum of the Q_k, so its figure measures the
 * scheme's departure from the flow, not a quadrature laid over the observations. A stepper says what it returns with
 * {@link #meter()}:
 *
 * <ul>
 *   <li>{@link Meter#RATE_AT_START}: D(x_k) at the state the step starts from, which one-stage schemes compute anyway
 *       (explicit Euler: D = -&lt;dE, b&gt;); the runner integrates consecutive rates by the trapezoid rule,
 *       h (D(x_k) + D(x_k+1)) / 2, second order, at no extra cost;</li>
 *   <li>{@link Meter#INTEGRAL}: Q_k itself, by the scheme's own quadrature on its stages (Runge-Kutta: Gauss-Legendre
 *       on the dense output), accurate to at least the scheme's order plus one.</li>
 * </ul>
 *
 * Steppers of deterministic schemes that are not metered are metered by the runner, which computes D(x_k) before each
 * step (one more gradient and one more {@code raise} per step) and uses the trapezoid rule.
 */
public interface MeteredStepper extends Scheme.Stepper {

    /** What {@link #stepMetered} returns. */
    enum Meter {
        /** D(x_k), the dissipation rate at the start of the step. */
        RATE_AT_START,
        /** Q_k, the dissipation integrated along the step. */
        INTEGRAL
    }

    /** What {@link #stepMetered} returns: the rate at the start of the step by default. */
    default Meter meter() {
        return Meter.RATE_AT_START;
    }

    /**
     * Takes exactly the step {@link #step} would take (bitwise the same new state) and returns D(x_k) or Q_k, as
     * {@link #meter()} says.
     */
    double stepMetered(double[] x, double[] aux, StepContext step, RandomStream rng);
}
