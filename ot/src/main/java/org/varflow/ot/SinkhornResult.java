package org.varflow.ot;

import java.util.Arrays;

/**
 * The result of a log-domain Sinkhorn solve for entropic optimal transport at regularisation epsilon:
 *
 * <pre>
 *   P_ij = a_i b_j exp( (f_i + g_j - C_ij) / epsilon ).
 * </pre>
 *
 * @param rows n, the number of sources
 * @param cols m, the number of targets
 * @param plan P, dense row-major n x m (index i * m + j)
 * @param cost the transport cost <C, P> = sum_ij C_ij P_ij
 * @param objective the entropic objective <C, P> + epsilon KL(P | a (x) b), with the generalised
 *     KL(P | Q) = sum P log(P / Q) - sum P + sum Q
 * @param f the source potential, length n
 * @param g the target potential, length m
 * @param epsilon the regularisation the plan belongs to (the target of the epsilon-scaling)
 * @param iterations Sinkhorn iterations used over all epsilon stages (one iteration updates f then g)
 * @param marginalError the L1 marginal violation of the returned plan, sum_i |(P 1)_i - a_i| + sum_j |(P^T 1)_j - b_j|
 * @param converged whether the stopping tolerance was met before the iteration limit
 */
public record SinkhornResult(int rows, int cols, double[] plan, double cost, double objective, double[] f, double[] g,
        double epsilon, int iterations, double marginalError, boolean converged) {

    public SinkhornResult {
        Checks.notNull("plan", plan);
        Checks.notNull("f", f);
        Checks.notNull("g", g);
        if (plan.length != (long) rows * cols || f.length != rows || g.length != cols) {
            throw new IllegalArgumentException("plan, f, g have lengths " + plan.length + ", " + f.length + ", "
                    + g.length + " but rows = " + rows + ", cols = " + cols + ": need rows * cols, rows, cols");
        }
        plan = plan.clone();
        f = f.clone();
        g = g.clone();
    }

    /** P_ij. */
    public double plan(int i, int j) {
        return plan[i * cols + j];
    }

    /** A copy of the dense plan, row-major n x m. */
    @Override
    public double[] plan() {
        return plan.clone();
    }

    @Override
    public double[] f() {
        return f.clone();
    }

    @Override
    public double[] g() {
        return g.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SinkhornResult r && rows == r.rows && cols == r.cols && Arrays.equals(plan, r.plan)
                && Double.compare(cost, r.cost) == 0 && Double.compare(objective, r.objective) == 0
                && Arrays.equals(f, r.f) && Arrays.equals(g, r.g) && Double.compare(epsilon, r.epsilon) == 0
                && iterations == r.iterations && Double.compare(marginalError, r.marginalError) == 0
                && converged == r.converged;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(plan) + Double.hashCode(cost)) + iterations;
    }

    @Override
    public String toString() {
        return "SinkhornResult[" + rows + " x " + cols + ", epsilon=" + epsilon + ", cost=" + cost + ", objective="
                + objective + ", iterations=" + iterations + ", marginalError=" + marginalError + ", converged="
                + converged + "]";
    }
}
