package org.varflow.ot;

import java.util.Arrays;

/**
 * The solution of a discrete optimal transport problem min { <C, P> : P >= 0, P 1 = a, P^T 1 = b }, solved exactly.
 *
 * <p>The dual potentials solve max { <a, f> + <b, g> : f_i + g_j <= C_ij }. At optimality the reduced costs
 * C_ij - f_i - g_j are >= 0 everywhere and 0 wherever P_ij > 0 (complementary slackness), and
 * <C, P> = <a, f> + <b, g>. Potentials are unique only up to f + t, g - t; they are returned centred so that
 * <a, f> = <b, g> = cost / 2.
 *
 * @param cost the optimal transport cost <C, P>
 * @param plan an optimal plan (a vertex of the transport polytope: at most n + m - 1 positive entries)
 * @param f the dual potential on the sources, length n
 * @param g the dual potential on the targets, length m
 * @param pivots the number of simplex pivots used
 */
public record ExactOTResult(double cost, SparsePlan plan, double[] f, double[] g, long pivots) {

    public ExactOTResult {
        Checks.notNull("plan", plan);
        Checks.notNull("f", f);
        Checks.notNull("g", g);
        if (f.length != plan.rows() || g.length != plan.cols()) {
            throw new IllegalArgumentException("f has length " + f.length + " and g has length " + g.length
                    + " but the plan is " + plan.rows() + " x " + plan.cols() + ": one potential per source/target");
        }
        f = f.clone();
        g = g.clone();
    }

    @Override
    public double[] f() {
        return f.clone();
    }

    @Override
    public double[] g() {
        return g.clone();
    }

    public double f(int i) {
        return f[i];
    }

    public double g(int j) {
        return g[j];
    }

    /** The dual objective <a, f> + <b, g> for the given weights. */
    public double dualObjective(double[] a, double[] b) {
        Checks.weights("a", a, f.length, "the number of sources");
        Checks.weights("b", b, g.length, "the number of targets");
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            s += a[i] * f[i];
        }
        for (int j = 0; j < g.length; j++) {
            s += b[j] * g[j];
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExactOTResult r && Double.compare(cost, r.cost) == 0 && plan.equals(r.plan)
                && Arrays.equals(f, r.f) && Arrays.equals(g, r.g) && pivots == r.pivots;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Double.hashCode(cost) + plan.hashCode()) + Arrays.hashCode(f)) + Arrays.hashCode(g);
    }

    @Override
    public String toString() {
        return "ExactOTResult[cost=" + cost + ", " + plan + ", pivots=" + pivots + "]";
    }
}
