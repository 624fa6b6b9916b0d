package org.varflow.api.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CholeskyTest {

    /** A = [[4, 2, -2], [2, 10, 2], [-2, 2, 6]] = L L^T with L = [[2, 0, 0], [1, 3, 0], [-1, 1, 2]], by hand. */
    static final double[] A = {4, 2, -2, 2, 10, 2, -2, 2, 6};
    static final double[] L = {2, 0, 0, 1, 3, 0, -1, 1, 2};

    @Test
    void factorsAKnownMatrixExactly() {
        double[] a = A.clone();
        assertThat(Cholesky.factor(a, 3)).isEqualTo(-1);
        assertThat(a).containsExactly(L);
        double[] l = new double[9];
        assertThat(Cholesky.factor(A, 0, 3, l)).isEqualTo(-1);
        assertThat(l).containsExactly(L);
        assertThat(Cholesky.logDet(l, 3)).isCloseTo(Math.log(144), within(1e-14));
    }

    @Test
    void readsTheLowerTriangleOrTheSymmetricPartFromAnOffset() {
        double[] stored = new double[2 + 9];
        stored[0] = 99;
        stored[1] = -99;
        System.arraycopy(A, 0, stored, 2, 9);
        stored[2 + 1] = 7;       // a_01 in the upper triangle: ignored by factor
        double[] l = new double[9];
        assertThat(Cholesky.factor(stored, 2, 3, l)).isEqualTo(-1);
        assertThat(l).containsExactly(L);
        stored[2 + 1] = 2.5;     // a_01 = 2.5 and a_10 = 1.5: their mean is A's 2
        stored[2 + 3] = 1.5;
        assertThat(Cholesky.factorSymmetricPart(stored, 2, 3, l)).isEqualTo(-1);
        assertThat(l).containsExactly(L);
    }

    @Test
    void reportsTheFirstBadPivotWithItsValue() {
        double[] a = {1, 2, 2, 1};  // 1 - 4 = -3 at pivot 1
        assertThat(Cholesky.factor(a, 2)).isEqualTo(1);
        assertThat(a[3]).isEqualTo(-3);
        double[] inf = {Double.POSITIVE_INFINITY, 0, 0, 1};
        assertThat(Cholesky.factor(inf, 2)).isZero();
        double[] nan = {1, 0, 0, Double.NaN};
        assertThat(Cholesky.factor(nan, 2)).isEqualTo(1);
    }

    /** Random SPD A = B B^T + d I: L L^T reconstructs A, L is lower triangular with a positive diagonal. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 12, 30})
    void reconstructsRandomSpdMatrices(int d) {
        double[] a = randomSpd(d, new SplittableRandom(d));
        double[] l = new double[d * d];
        assertThat(Cholesky.factor(a, 0, d, l)).isEqualTo(-1);
        double scale = maxAbs(a);
        for (int i = 0; i < d; i++) {
            assertThat(l[i * d + i]).isPositive();
            for (int j = 0; j < d; j++) {
                if (j > i) {
                    assertThat(l[i * d + j]).isZero();
                }
                double s = 0;
                for (int m = 0; m < d; m++) {
                    s += l[i * d + m] * l[j * d + m];
                }
                assertThat(s).isCloseTo(a[i * d + j], within(1e-13 * scale));
            }
        }
    }

    /** Solves leave residuals |A x - b| at rounding level; the inverse gives A A^-1 = I; L^-1 and L^-T invert L. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 20})
    void solvesAndInverts(int d) {
        SplittableRandom rnd = new SplittableRandom(100 + d);
        double[] a = randomSpd(d, rnd);
        double[] l = a.clone();
        assertThat(Cholesky.factor(l, d)).isEqualTo(-1);
        double[] b = new double[d];
        for (int i = 0; i < d; i++) {
            b[i] = rnd.nextDouble(-1, 1);
        }
        double[] x = new double[d];
        Cholesky.solve(l, d, b, x);
        assertThat(times(a, x, d)).containsExactly(b, within(1e-12));
        double[] inPlace = b.clone();
        Cholesky.solve(l, d, inPlace, inPlace);
        assertThat(inPlace).containsExactly(x);

        double[] inverse = new double[d * d];
        Cholesky.inverse(l, d, inverse);
        double[] product = new double[d * d];
        Matrices.multiply(a, 0, inverse, 0, d, product);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertThat(product[i * d + j]).isCloseTo(i == j ? 1 : 0, within(1e-12));
            }
        }

        double[] y = b.clone();
        Cholesky.solveLower(l, d, y, 0, 1);          // y = L^-1 b
        double[] back = new double[d];
        Cholesky.multiplyLower(l, d, y, back, 0, 1); // L y = b
        assertThat(back).containsExactly(b, within(1e-12));
        double[] z = b.clone();
        Cholesky.solveLowerTransposed(l, d, z, 0, 1); // L^T z = b
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int m = i; m < d; m++) {
                s += l[m * d + i] * z[m];
            }
            assertThat(s).isCloseTo(b[i], within(1e-12));
        }
    }

    /** Strided vectors: the columns of a row-major d x r right-hand side, and coordinate a of interleaved points. */
    @Test
    void stridedSolvesAndProductsActOnColumns() {
        int d = 3;
        int r = 2;
        double[] l = L.clone();
        double[] bColumns = {1, 4, 2, 5, 3, 6}; // columns (1, 2, 3) and (4, 5, 6)
        double[] solved = bColumns.clone();
        Cholesky.solveColumns(l, d, solved, r);
        for (int c = 0; c < r; c++) {
            double[] column = {bColumns[c], bColumns[r + c], bColumns[2 * r + c]};
            double[] x = new double[d];
            Cholesky.solve(l, d, column, x);
            for (int i = 0; i < d; i++) {
                assertThat(solved[i * r + c]).isEqualTo(x[i]);
            }
        }
        double[] out = new double[d * r];
        Cholesky.multiplyLower(l, d, bColumns, out, 1, r);
        assertThat(new double[] {out[1], out[3], out[5]}).containsExactly(2 * 4, 4 + 3 * 5, -4 + 5 + 2 * 6);
    }

    static double[] randomSpd(int d, SplittableRandom rnd) {
        double[] b = new double[d * d];
        for (int i = 0; i < d * d; i++) {
            b[i] = rnd.nextDouble(-1, 1);
        }
        double[] a = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = i == j ? d : 0;
                for (int m = 0; m < d; m++) {
                    s += b[i * d + m] * b[j * d + m];
                }
                a[i * d + j] = s;
            }
        }
        return a;
    }

    static double[] times(double[] a, double[] x, int d) {
        double[] out = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[i] += a[i * d + j] * x[j];
            }
        }
        return out;
    }

    static double maxAbs(double[] a) {
        return java.util.Arrays.stream(a).map(Math::abs).max().orElse(0);
    }
}
