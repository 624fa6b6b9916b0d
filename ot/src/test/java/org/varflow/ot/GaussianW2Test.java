package org.varflow.ot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class GaussianW2Test {

    @Test
    void oneDimensionalFormula() {
        // W2^2 = (m1 - m2)^2 + (s1 - s2)^2
        assertThat(GaussianW2.squared1D(1, 2, -0.5, 0.5)).isCloseTo(1.5 * 1.5 + 1.5 * 1.5, within(1e-15));
        assertThat(GaussianW2.squared(new double[] {1}, new double[] {4}, new double[] {-0.5}, new double[] {0.25}))
                .isCloseTo(4.5, within(1e-15));
        assertThat(GaussianW2.distance1D(0, 1, 0, 1)).isZero();
        // a point mass (s = 0) against N(0, 1): W2 = 1
        assertThat(GaussianW2.distance(new double[] {0}, new double[] {0}, new double[] {0}, new double[] {1}))
                .isCloseTo(1, within(1e-15));
    }

    @Test
    void diagonalCovariancesDecoupleIntoOneDimensionalTerms() {
        double[] m1 = {0, 1, 2};
        double[] m2 = {1, 1, -1};
        double[] d1 = {1, 4, 0.25};
        double[] d2 = {9, 1, 0.01};
        assertThat(GaussianW2.squared(m1, diagonal(d1), m2, diagonal(d2)))
                .isCloseTo(commutingFormula(m1, d1, m2, d2), within(1e-12));
    }

    @Test
    void commutingCovariancesMatchTheFormulaInTheCommonEigenbasis() {
        // S1 = Q D1 Q^T, S2 = Q D2 Q^T commute: W2^2 = |m1 - m2|^2 + sum_k (sqrt(d1_k) - sqrt(d2_k))^2
        Random rng = new Random(6);
        int d = 4;
        RealMatrix q = randomOrthogonal(rng, d);
        double[] d1 = {0.5, 1, 2, 3};
        double[] d2 = {2, 0.1, 2, 5};
        double[] m1 = {0, 0, 1, 1};
        double[] m2 = {1, 0, 0, 1};
        double[] s1 = flatten(q.multiply(MatrixUtils.createRealDiagonalMatrix(d1)).multiply(q.transpose()));
        double[] s2 = flatten(q.multiply(MatrixUtils.createRealDiagonalMatrix(d2)).multiply(q.transpose()));
        symmetriseFlat(s1, d);
        symmetriseFlat(s2, d);
        assertThat(GaussianW2.squared(m1, s1, m2, s2)).isCloseTo(commutingFormula(m1, d1, m2, d2), within(1e-12));
    }

    @Test
    void againstTheIdentityItIsTheSpectralDistanceOfTheRoot() {
        // S1 = I: W2^2 = tr(I) + tr(S2) - 2 tr(S2^{1/2}) = sum_k (1 - sqrt(lambda_k(S2)))^2, S2 not diagonal
        Random rng = new Random(7);
        int d = 3;
        double[] s2 = randomSpd(rng, d);
        double[] lambda = new EigenDecomposition(MatrixUtils.createRealMatrix(unflatten(s2, d)))
                .getRealEigenvalues();
        double expected = 0;
        for (double l : lambda) {
            expected += (1 - Math.sqrt(l)) * (1 - Math.sqrt(l));
        }
        double[] zero = new double[d];
        assertThat(GaussianW2.squared(zero, diagonal(new double[] {1, 1, 1}), zero, s2))
                .isCloseTo(expected, within(1e-12));
    }

    @Test
    void symmetricZeroOnTheDiagonalAndSingularCovariancesAccepted() {
        Random rng = new Random(8);
        int d = 3;
        double[] s1 = randomSpd(rng, d);
        double[] s2 = randomSpd(rng, d);
        double[] m1 = {1, 2, 3};
        double[] m2 = {0, 0, 1};
        assertThat(GaussianW2.squared(m1, s1, m2, s2)).isCloseTo(GaussianW2.squared(m2, s2, m1, s1), within(1e-12));
        assertThat(GaussianW2.squared(m1, s1, m1, s1)).isCloseTo(0, within(1e-12));
        // rank one covariance u u^T (a degenerate Gaussian on a line) against the standard Gaussian
        double[] u = {1, 2, 2};
        double[] rankOne = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                rankOne[i * 3 + j] = u[i] * u[j];
            }
        }
        // eigenvalues of rankOne: 9, 0, 0 -> (1 - 3)^2 + 1 + 1 = 6
        assertThat(GaussianW2.squared(new double[3], rankOne, new double[3], diagonal(new double[] {1, 1, 1})))
                .isCloseTo(6, within(1e-12));
    }

    @Test
    void invalidInputIsRefusedWithAMessageNamingTheArgument() {
        double[] m = {0, 0};
        double[] id = {1, 0, 0, 1};
        assertThatThrownBy(() -> GaussianW2.squared(m, new double[] {1, 0.5, 0, 1}, m, id))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cov1[0,1] = 0.5")
                .hasMessageContaining("symmetric");
        assertThatThrownBy(() -> GaussianW2.squared(m, id, m, new double[] {1, 2, 2, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cov2 has eigenvalue -0.99999")
                .hasMessageContaining("positive semi-definite");
        assertThatThrownBy(() -> GaussianW2.squared(m, new double[] {1, 0, 0}, m, id))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cov1 has length 3")
                .hasMessageContaining("d * d = 4");
        assertThatThrownBy(() -> GaussianW2.squared(m, id, new double[] {0}, id))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mean2 has length 1");
        assertThatThrownBy(() -> GaussianW2.squared(new double[] {Double.NaN, 0}, id, m, id))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mean1[0] = NaN");
        assertThatThrownBy(() -> GaussianW2.squared1D(0, -1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sd1 = -1.0");
    }

    private static double commutingFormula(double[] m1, double[] d1, double[] m2, double[] d2) {
        double s = 0;
        for (int k = 0; k < m1.length; k++) {
            s += (m1[k] - m2[k]) * (m1[k] - m2[k]);
            double r = Math.sqrt(d1[k]) - Math.sqrt(d2[k]);
            s += r * r;
        }
        return s;
    }

    private static double[] diagonal(double[] d) {
        double[] out = new double[d.length * d.length];
        for (int k = 0; k < d.length; k++) {
            out[k * d.length + k] = d[k];
        }
        return out;
    }

    private static RealMatrix randomOrthogonal(Random rng, int d) {
        double[][] g = new double[d][d];
        for (double[] row : g) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return new QRDecomposition(MatrixUtils.createRealMatrix(g)).getQ();
    }

    /** A A^T + 0.1 I for a Gaussian A. */
    private static double[] randomSpd(Random rng, int d) {
        double[] a = new double[d * d];
        for (int k = 0; k < a.length; k++) {
            a[k] = rng.nextGaussian();
        }
        double[] s = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double v = i == j ? 0.1 : 0;
                for (int k = 0; k < d; k++) {
                    v += a[i * d + k] * a[j * d + k];
                }
                s[i * d + j] = v;
            }
        }
        return s;
    }

    private static double[] flatten(RealMatrix a) {
        int d = a.getRowDimension();
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = a.getEntry(i, j);
            }
        }
        return out;
    }

    private static double[][] unflatten(double[] a, int d) {
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(a, i * d, out[i], 0, d);
        }
        return out;
    }

    private static void symmetriseFlat(double[] a, int d) {
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double v = 0.5 * (a[i * d + j] + a[j * d + i]);
                a[i * d + j] = v;
                a[j * d + i] = v;
            }
        }
    }
}
