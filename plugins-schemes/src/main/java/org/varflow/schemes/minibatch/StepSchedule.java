package org.varflow.schemes.minibatch;

/**
 * The step size of step k (k = 0, 1, ...) given the run's step h = dt:
 *
 * <pre>
 *   constant:      h_k = h
 *   welling-teh:   h_k = h (1 + k / b)^(-gamma)  =  a (b + k)^(-gamma)  with a = h b^gamma
 * </pre>
 *
 * The Welling-Teh (2011) form with gamma in (0.5, 1] satisfies the Robbins-Monro conditions sum h_k = infinity,
 * sum h_k^2 &lt; infinity, under which SGD converges to a minimiser and the minibatch noise of SGLD (variance of order
 * h_k^2 per step) becomes negligible against the injected noise (order h_k).
 *
 * @param welling whether the step decays
 * @param offset  b &gt; 0
 * @param power   gamma &gt;= 0
 */
record StepSchedule(boolean welling, double offset, double power) {
    StepSchedule {
        if (welling && (!(offset > 0) || !(power >= 0))) {
            throw new IllegalArgumentException("need offset > 0 and power >= 0");
        }
    }

    static StepSchedule constant() {
        return new StepSchedule(false, 1.0, 0.0);
    }

    /** h_k. */
    double step(double h, long k) {
        return welling ? h * Math.pow(1.0 + k / offset, -power) : h;
    }
}
