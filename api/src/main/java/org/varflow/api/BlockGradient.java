package org.varflow.api;

/**
 * An energy that also evaluates its gradient for a run of particles in one call: the samplers' fast path for large
 * ensembles, with one call per run instead of one per particle and, for a separable energy, one loop over the run
 * that the JIT vectorises. With x_p = xs[p d .. p d + d), the particles one after another,
 *
 * <pre>
 *   out[p d + i] = dE(x_p)_i,   0 &lt;= p &lt; count,  0 &lt;= i &lt; d.
 * </pre>
 *
 * The energy object implements it beside {@link Energy#gradient}, and the two must agree bit for bit (the same
 * operations in the same order), so that a run gives the same numbers whichever path a scheme takes; the testkit's
 * energy checks test it. Like {@link Energy#gradient} it keeps no mutable state: several blocks call it at once.
 * A scheme hands it a copy of the run in its own scratch, so a loop over xs and out by one index k is all a
 * separable energy needs (the form the JIT vectorises; an offset into the ensemble's array would keep it from doing
 * so on Java 17).
 */
public interface BlockGradient extends Energy {

    /**
     * Writes dE(x_p) for the {@code count} particles of {@code xs} into {@code out}, in the same layout.
     *
     * @param xs    count particles of dimension d, particle p at offset p d; not written
     * @param count how many particles
     * @param d     the dimension of one particle
     * @param out   at least count d long; never aliases {@code xs}
     */
    void gradients(double[] xs, int count, int d, double[] out);
}
