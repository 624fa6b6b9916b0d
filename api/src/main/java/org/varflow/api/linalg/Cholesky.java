package org.varflow.api.linalg;

/**
 * The Cholesky factorisation A = L L^T of a symmetric positive definite d x d matrix and what is built on the factor
 * L: triangular solves, solves with A, the inverse, log det A and products with L.
 *
 * <p>Matrices are row-major {@code double[]} with the dimension passed explicitly (entry (i, j) of a d x d matrix
 * stored from {@code offset} is {@code a[offset + i * d + j]}); vectors may be strided (entry i at
 * {@code b[offset + i * stride]}), so that a column of a row-major matrix or one coordinate of every particle of an
 * ensemble is a vector too. Every method writes into arrays the caller supplies and allocates nothing; nothing keeps
 * state, so any thread may call them. The order of the floating-point operations is part of the contract (the golden
 * run summaries depend on it): the sums below are accumulated in increasing m, starting from the matrix entry.
 */
public final class Cholesky {
    private Cholesky() {
    }

    /**
     * In place: the lower triangle of {@code a} becomes L with A = L L^T (its strict upper triangle becomes zero),
     * reading only the diagonal and the lower triangle of A:
     *
     * <pre>
     *   l_jj = sqrt(a_jj - sum_{m &lt; j} l_jm^2),   l_ij = (a_ij - sum_{m &lt; j} l_im l_jm) / l_jj   (i &gt; j)
     * </pre>
     *
     * @return -1 when A is positive definite; otherwise the index j of the first pivot a_jj - sum l_jm^2 that is not
     *         a positive finite number, whose value is then left in {@code a[j * d + j]} (rows from j on are not
     *         factored)
     */
    public static int factor(double[] a, int d) {
        return factor(a, 0, d, a, false);
    }

    /**
     * {@code l} = L with A = L L^T for A stored in {@code a} from {@code offset}, reading its diagonal and lower
     * triangle only; the formula is that of {@link #factor(double[], int)}. The strict upper triangle of {@code l}
     * becomes zero. {@code l} may be {@code a} when {@code offset} is 0.
     *
     * @return -1, or the index of the first pivot that is not positive and finite (its value left in l_jj)
     */
    public static int factor(double[] a, int offset, int d, double[] l) {
        return factor(a, offset, d, l, false);
    }

    /**
     * {@code l} = L with (A + A^T) / 2 = L L^T: as {@link #factor(double[], int, int, double[])}, but each
     * off-diagonal entry is read as the mean of the two triangles,
     *
     * <pre>
     *   l_ij = ((a_ij + a_ji) / 2 - sum_{m &lt; j} l_im l_jm) / l_jj   (i &gt; j),
     * </pre>
     *
     * for states that hold a symmetric matrix only up to rounding. {@code l} may be {@code a} when {@code offset} is 0.
     *
     * @return -1, or the index of the first pivot that is not positive and finite (its value left in l_jj)
     */
    public static int factorSymmetricPart(double[] a, int offset, int d, double[] l) {
        return factor(a, offset, d, l, true);
    }

    private static int factor(double[] a, int offset, int d, double[] l, boolean symmetricPart) {
        for (int j = 0; j < d; j++) {
            int rj = j * d;
            double s = a[offset + rj + j];
            for (int m = 0; m < j; m++) {
                s -= l[rj + m] * l[rj + m];
            }
            if (!(s > 0) || !Double.isFinite(s)) {
                l[rj + j] = s;
                return j;
            }
            double r = Math.sqrt(s);
            l[rj + j] = r;
            for (int i = j + 1; i < d; i++) {
                int ri = i * d;
                double t = symmetricPart ? 0.5 * (a[offset + ri + j] + a[offset + rj + i]) : a[offset + ri + j];
                for (int m = 0; m < j; m++) {
                    t -= l[ri + m] * l[rj + m];
                }
                l[ri + j] = t / r;
                l[rj + i] = 0;
            }
        }
        return -1;
    }

    /**
     * b := L^-1 b by forward substitution, in place, for the vector b_i = {@code b[offset + i * stride]}:
     * b_i := (b_i - sum_{m &lt; i} l_im b_m) / l_ii for i = 0, 1, ..., d - 1.
     */
    public static void solveLower(double[] l, int d, double[] b, int offset, int stride) {
        for (int i = 0; i < d; i++) {
            int ri = i * d;
            double s = b[offset + i * stride];
            for (int m = 0; m < i; m++) {
                s -= l[ri + m] * b[offset + m * stride];
            }
            b[offset + i * stride] = s / l[ri + i];
        }
    }

    /**
     * b := L^-T b by back substitution, in place, for the vector b_i = {@code b[offset + i * stride]}:
     * b_i := (b_i - sum_{m &gt; i} l_mi b_m) / l_ii for i = d - 1, ..., 0. With b = xi standard normal, L^-T xi has
     * covariance (L L^T)^-1 = A^-1: the noise factor of a metric K = A^-1.
     */
    public static void solveLowerTransposed(double[] l, int d, double[] b, int offset, int stride) {
        for (int i = d - 1; i >= 0; i--) {
            double s = b[offset + i * stride];
            for (int m = i + 1; m < d; m++) {
                s -= l[m * d + i] * b[offset + m * stride];
            }
            b[offset + i * stride] = s / l[i * d + i];
        }
    }

    /** out = A^-1 b = L^-T (L^-1 b): the two triangular solves; {@code out} may be {@code b}. */
    public static void solve(double[] l, int d, double[] b, double[] out) {
        if (out != b) {
            System.arraycopy(b, 0, out, 0, d);
        }
        solveLower(l, d, out, 0, 1);
        solveLowerTransposed(l, d, out, 0, 1);
    }

    /**
     * B := A^-1 B for B of d rows and {@code columns} columns, row-major: each column solved as in
     * {@link #solve}.
     */
    public static void solveColumns(double[] l, int d, double[] b, int columns) {
        for (int c = 0; c < columns; c++) {
            solveLower(l, d, b, c, columns);
            solveLowerTransposed(l, d, b, c, columns);
        }
    }

    /**
     * inverse = A^-1 = (L L^T)^-1, d x d row-major, column by column: column c is A^-1 e_c by the two triangular
     * solves. Symmetric up to rounding only ({@link Matrices#symmetrise} makes it exactly symmetric).
     */
    public static void inverse(double[] l, int d, double[] inverse) {
        for (int c = 0; c < d; c++) {
            for (int i = 0; i < d; i++) {
                inverse[i * d + c] = i == c ? 1.0 : 0.0;
            }
            solveLower(l, d, inverse, c, d);
            solveLowerTransposed(l, d, inverse, c, d);
        }
    }

    /** log det A = sum_i 2 log l_ii. */
    public static double logDet(double[] l, int d) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            s += 2 * Math.log(l[i * d + i]);
        }
        return s;
    }

    /**
     * out = L x for strided vectors (entry i of both at {@code offset + i * stride}): out_i = sum_{j &lt;= i} l_ij x_j.
     * With x standard normal, L x has covariance A. {@code out} must not be {@code x}.
     */
    public static void multiplyLower(double[] l, int d, double[] x, double[] out, int offset, int stride) {
        for (int i = 0; i < d; i++) {
            int ri = i * d;
            double s = 0;
            for (int j = 0; j <= i; j++) {
                s += l[ri + j] * x[offset + j * stride];
            }
            out[offset + i * stride] = s;
        }
    }
}
