package org.varflow.measures.observe;

/**
 * Exact W2 on the line between measures whose quantile functions are piecewise linear: atoms (constant pieces) and
 * piecewise-constant densities on cells (linear pieces). W2^2 = integral_0^1 (Q_a(u) - Q_b(u))^2 du, integrated
 * exactly on the merged pieces: a piece of length L on which the difference is A + B s contributes
 * A^2 L + A B L^2 + B^2 L^3 / 3. (Treating cell densities as atoms at the centres instead would add a spurious term
 * of order sqrt(dx W1).) O(n + m) after sorting.
 */
public final class QuantileW2 {
    private QuantileW2() {
    }

    /** A quantile function: piece j covers u in [u_j, u_j + len_j), Q = start_j + slope_j (u - u_j). */
    public static final class Pieces {
        final double[] start;
        final double[] slope;
        final double[] length;
        int count;

        public Pieces(int capacity) {
            start = new double[capacity];
            slope = new double[capacity];
            length = new double[capacity];
        }

        /** Sorted atoms x (ascending) with weights w summing to 1. */
        public void atoms(double[] x, double[] w, int n) {
            count = 0;
            for (int i = 0; i < n; i++) {
                if (w[i] > 0) {
                    start[count] = x[i];
                    slope[count] = 0;
                    length[count++] = w[i];
                }
            }
        }

        /**
         * The piecewise-linear quantile function through sorted points x_1 &lt;= ... &lt;= x_n at u = 0, 1/(n-1), ...,
         * 1: mass 1/(n - 1) spread evenly over each gap (the quantile-coordinate reading of an ensemble, as in the
         * 1-D JKO scheme).
         */
        public void linear(double[] x, int n) {
            count = 0;
            double mass = 1.0 / (n - 1);
            for (int i = 0; i + 1 < n; i++) {
                start[count] = x[i];
                slope[count] = (x[i + 1] - x[i]) / mass;
                length[count++] = mass;
            }
        }

        /** Cells [lower + i dx, lower + (i+1) dx) carrying masses m_i (summing to 1). */
        public void cells(double lower, double dx, double[] mass, int n) {
            count = 0;
            for (int i = 0; i < n; i++) {
                double s = dx / mass[i];
                // a cell whose mass is so small (a subnormal tail of a Gibbs law) that dx / m overflows carries no
                // mass that W2 could see; leaving it in would make the quantile slope infinite and W2 NaN
                if (mass[i] > 0 && Double.isFinite(s)) {
                    start[count] = lower + i * dx;
                    slope[count] = s;
                    length[count++] = mass[i];
                }
            }
        }
    }

    /** W2 between two quantile functions of probability measures (total lengths 1 up to rounding). */
    public static double distance(Pieces a, Pieces b) {
        int i = 0;
        int j = 0;
        double usedA = 0; // how far into piece i of a
        double usedB = 0;
        double sum = 0;
        while (i < a.count && j < b.count) {
            double restA = a.length[i] - usedA;
            double restB = b.length[j] - usedB;
            double len = Math.min(restA, restB);
            double qa = a.start[i] + a.slope[i] * usedA;
            double qb = b.start[j] + b.slope[j] * usedB;
            double diff = qa - qb;
            double ds = a.slope[i] - b.slope[j];
            // with ds * len grouped: a cell of tiny mass m has slope dx / m, and ds^2 len^3 formed in the written
            // order overflows to infinity times zero (NaN) where (ds len)^2 len is small and finite
            double dl = ds * len;
            sum += diff * diff * len + diff * dl * len + dl * dl * len / 3;
            if (restA <= restB) {
                i++;
                usedA = 0;
                usedB += len;
                if (restA == restB) {
                    j++;
                    usedB = 0;
                }
            } else {
                j++;
                usedB = 0;
                usedA += len;
            }
        }
        return Math.sqrt(Math.max(0, sum));
    }
}
