package org.varflow.cli.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * The count, mean, mean energy and sum of squared deviations of a set of particles, merged exactly with the pairwise
 * update of Chan, Golub and LeVeque (1979): for parts a and b with delta = mean_b - mean_a and n = n_a + n_b,
 *
 * <pre>
 *   mean = mean_a + delta n_b / n
 *   M2   = M2_a + M2_b + delta delta^T n_a n_b / n        (covariance = M2 / (n - 1))
 * </pre>
 *
 * <p>This is the covariance of the union, not an average of the parts' covariances. {@link #mergeAll} merges a list
 * as a balanced binary tree in list order, so the result depends on the parts and their order only.
 *
 * @param n      particles
 * @param mean   their mean (length d)
 * @param m2     the d x d sum of squared deviations, row-major, or null when the covariance is not kept (large d)
 * @param energy their mean energy
 */
public record Moments(long n, double[] mean, double[] m2, double energy) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Moments {
        if (n < 1) {
            throw new IllegalArgumentException("moments of n = " + n + " particles; expected n >= 1");
        }
        mean = mean.clone();
        m2 = m2 == null ? null : m2.clone();
        if (m2 != null && m2.length != mean.length * mean.length) {
            throw new IllegalArgumentException("M2 has " + m2.length + " entries; expected d^2 = "
                    + mean.length * mean.length);
        }
    }

    /**
     * The moments of a run's summary: {@code covariance} is its unbiased covariance (null for one particle, where M2
     * is zero, or when the run omitted it).
     */
    public static Moments of(long n, double[] mean, double[] covariance, boolean covarianceKept, double energy) {
        int d = mean.length;
        double[] m2 = null;
        if (covarianceKept) {
            m2 = new double[d * d];
            if (n > 1) {
                for (int i = 0; i < m2.length; i++) {
                    m2[i] = covariance[i] * (n - 1);
                }
            }
        }
        return new Moments(n, mean, m2, energy);
    }

    /** The dimension d. */
    public int dimension() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] m2() {
        return m2 == null ? null : m2.clone();
    }

    /** The unbiased covariance M2 / (n - 1), or null (one particle, or not kept). */
    public double[] covariance() {
        if (m2 == null || n < 2) {
            return null;
        }
        double[] c = new double[m2.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = m2[i] / (n - 1);
        }
        return c;
    }

    /** The moments of the union of this part and {@code b}. */
    public Moments merge(Moments b) {
        if (b.dimension() != dimension()) {
            throw new IllegalArgumentException("cannot merge moments of dimension " + dimension() + " and "
                    + b.dimension());
        }
        int d = dimension();
        long total = n + b.n;
        double wb = (double) b.n / total;
        double[] delta = new double[d];
        double[] m = new double[d];
        for (int i = 0; i < d; i++) {
            delta[i] = b.mean[i] - mean[i];
            m[i] = mean[i] + delta[i] * wb;
        }
        double[] q = null;
        if (m2 != null && b.m2 != null) {
            double cross = (double) n * b.n / total;
            q = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    q[i * d + j] = m2[i * d + j] + b.m2[i * d + j] + delta[i] * delta[j] * cross;
                }
            }
        }
        double e = energy + (b.energy - energy) * wb;
        return new Moments(total, m, q, e);
    }

    /** Merges parts as a balanced binary tree in list order: (p0 p1)(p2 p3)... */
    public static Moments mergeAll(List<Moments> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no moments to merge");
        }
        return merge(parts, 0, parts.size());
    }

    private static Moments merge(List<Moments> parts, int from, int to) {
        if (to - from == 1) {
            return parts.get(from);
        }
        int mid = (from + to) >>> 1;
        return merge(parts, from, mid).merge(merge(parts, mid, to));
    }
}
