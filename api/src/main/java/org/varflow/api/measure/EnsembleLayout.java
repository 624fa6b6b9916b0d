package org.varflow.api.measure;

/**
 * How an ensemble state is laid out: N particles of d coordinates, row-major (particle p occupies
 * {@code [p*d, (p+1)*d)}). Each particle carries mass 1/N.
 *
 * @param n number of particles N &gt;= 1
 * @param d coordinates per particle &gt;= 1
 */
public record EnsembleLayout(int n, int d) {
    public EnsembleLayout {
        if (n < 1 || d < 1) {
            throw new IllegalArgumentException("an ensemble needs n >= 1 particles of d >= 1 coordinates, got n = " + n
                    + ", d = " + d);
        }
    }

    /** Length of the state, N d. */
    public int length() {
        return n * d;
    }
}
