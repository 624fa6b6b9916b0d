package org.varflow.api;

/**
 * An energy with finite-sum structure, E(x) = r(x) + sum_{i=1..n} f_i(x): a regulariser or prior r plus one term
 * per example (negative log-likelihood of a data point, a loss term). Minibatch noise replaces the sum by the
 * unbiased estimate (n / |B|) sum_{i in B} f_i over a random batch B.
 *
 * <p>{@link #value} and {@link #gradient} still give the full E and dE.
 */
public interface FiniteSumEnergy extends Energy {

    /** The number n of terms. */
    int terms();

    /** out += scale * d f_i(x). Must not allocate. */
    void addTermGradient(int i, double[] x, double scale, double[] out);

    /** f_i(x). */
    double termValue(int i, double[] x);

    /** out = d r(x), the part of dE not split into terms; zero by default. */
    default void regularizerGradient(double[] x, double[] out) {
        java.util.Arrays.fill(out, 0, x.length, 0.0);
    }
}
