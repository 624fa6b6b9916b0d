package org.varflow.api;

/**
 * A geometry with a conservative part: besides the Onsager operator K it has an antisymmetric Poisson operator
 * J(x), and the flow is
 *
 * <pre>
 *   x' = -K(x) dE(x) + J(x) dE(x)
 * </pre>
 *
 * J does no work (&lt;dE, J dE&gt; = 0), so only K dissipates. Hamiltonian mechanics on phase space is the example:
 * J = [[0, I], [-I, 0]]. Metrics that are not a {@code PoissonMetric} have J = 0.
 */
public interface PoissonMetric extends Metric {

    /** out = J(x) covector, with J antisymmetric. */
    void applyPoisson(double[] x, double[] covector, double[] out);
}
