package org.varflow.generative;

/**
 * A time-dependent score s_t(x) ~ grad log p_t(x) of the marginals p_t of the forward Ornstein-Uhlenbeck process
 * (see {@link DiffusedGaussianMixture}). Implementations are immutable and allocation-free in {@link #score}, so one
 * instance
 * can serve several particle blocks at once.
 */
public interface TimeScore {

    /** The dimension d of the data space. */
    int dimension();

    /**
     * out = s_t(x).
     *
     * @param x   a point of R^d (length d)
     * @param t   the forward time, t &gt; 0
     * @param out length at least d, never the same array as x
     */
    void score(double[] x, double t, double[] out);
}
