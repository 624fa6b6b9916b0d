package org.varflow.api;

/**
 * Implemented by an {@link Energy} that is the negative log-likelihood of a statistical model and knows the model's
 * Fisher information: the metric tensor of natural gradient descent (Fisher-Rao geometry), whose inverse is the
 * Onsager operator K(x) = F(x)^-1 of the flow x' = -F(x)^-1 dE(x).
 *
 * <pre>
 *   F(x) = E_{y ~ p(. | x)} [ d log p(y | x)  d log p(y | x)^T ]        (per example)
 * </pre>
 *
 * in the scale of the energy: for E(x) = -(1/n) sum_i log p(y_i | x) (the average negative log-likelihood) it is the
 * average of the per-example Fisher informations; for the summed negative log-likelihood, n times that. In either
 * case F(x) is close to Hess E(x) near the optimum of a well-specified model, and equals it for exponential
 * families in their natural parameters (for logistic regression, F = X^T W X / n with W = diag(p_i (1 - p_i))).
 * A prior or regulariser in E is not part of F; metrics add Tikhonov damping instead.
 *
 * <p>Called on the hot path of natural-gradient runs: it must not allocate and must not keep state between calls
 * (several particle blocks may call it at once).
 */
public interface FisherInformation {

    /**
     * out = F(x), row-major d x d with d = {@code x.length}: symmetric, positive semi-definite. {@code out} may be
     * longer than d * d; only the first d * d entries are written.
     */
    void fisher(double[] x, double[] out);
}
