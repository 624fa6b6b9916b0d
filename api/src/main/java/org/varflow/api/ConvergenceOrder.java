package org.varflow.api;

/**
 * The order of accuracy a scheme claims ({@link SchemeFactory#order()}), which the check kit measures by refining h
 * on a linear test problem (E = x^T A x / 2, the exact flow known) and a test that fails when the measured order
 * falls short of the claim. An order of 0 claims nothing and is not checked.
 *
 * <pre>
 *   deterministic   max_i |x_N - x(T)|          = O(h^p)    (global error at a fixed time T = N h)
 *   strong          E |X_N - X(T)|              = O(h^q)    (on additive noise, X driven by the same Brownian path)
 *   weak            |E f(X_N) - E f(X(T))|      = O(h^r)    (f = the second moment)
 * </pre>
 *
 * @param deterministic p, for the flow without noise (0: not claimed)
 * @param strong        q, for flows with thermal noise (0: not claimed)
 * @param weak          r, for flows with thermal noise (0: not claimed)
 */
public record ConvergenceOrder(double deterministic, double strong, double weak) {
    /** No claim: the scheme's order is not checked. */
    public static final ConvergenceOrder NONE = new ConvergenceOrder(0, 0, 0);

    public ConvergenceOrder {
        if (!(deterministic >= 0) || !(strong >= 0) || !(weak >= 0) || deterministic > 20 || strong > 20
                || weak > 20) {
            throw new IllegalArgumentException("orders must be in [0, 20] (0: no claim), got " + deterministic + ", "
                    + strong + ", " + weak);
        }
    }

    /** A deterministic scheme of order p. */
    public static ConvergenceOrder deterministic(double p) {
        return new ConvergenceOrder(p, 0, 0);
    }

    /** Whether anything is claimed. */
    public boolean claimsAny() {
        return deterministic > 0 || strong > 0 || weak > 0;
    }
}
