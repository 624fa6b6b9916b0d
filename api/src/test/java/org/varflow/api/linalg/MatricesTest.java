package org.varflow.api.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MatricesTest {

    @Test
    void multipliesFromOffsets() {
        double[] a = {9, 1, 2, 3, 4};          // A = [[1, 2], [3, 4]] from offset 1
        double[] b = {5, 6, 7, 8};             // B = [[5, 6], [7, 8]]
        double[] c = new double[4];
        Matrices.multiply(a, 1, b, 0, 2, c);
        assertThat(c).containsExactly(19, 22, 43, 50);
    }

    @Test
    void symmetriseTakesTheMeanOfBothTriangles() {
        double[] a = {1, 2, 4, 3};
        Matrices.symmetrise(a, 2);
        assertThat(a).containsExactly(1, 3, 3, 3);
    }

    /** [[2, 1], [1, 2]] has eigenvalues 1 and 3 with eigenvectors (1, -1) / sqrt 2 and (1, 1) / sqrt 2. */
    @Test
    void eigenOfAKnownMatrix() {
        double[] a = {2, 1, 1, 2};
        double[] values = new double[2];
        double[] vectors = new double[4];
        Matrices.symmetricEigen(a, 2, values, vectors);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        assertThat(sorted).containsExactly(new double[] {1, 3}, within(1e-15));
        for (int k = 0; k < 2; k++) {
            double v0 = vectors[k];
            double v1 = vectors[2 + k];
            assertThat(Math.abs(v0)).isCloseTo(Math.sqrt(0.5), within(1e-15));
            assertThat(v1).isCloseTo(values[k] > 2 ? v0 : -v0, within(1e-15));
        }
    }

    /** Random symmetric A: V diag(lambda) V^T = A and V^T V = I. */
    @Test
    void eigenReconstructsRandomSymmetricMatrices() {
        int d = 7;
        double[] a = CholeskyTest.randomSpd(d, new SplittableRandom(3));
        a[0] -= 20; // indefinite
        double[] copy = a.clone();
        double[] values = new double[d];
        double[] v = new double[d * d];
        Matrices.symmetricEigen(copy, d, values, v);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                double g = 0;
                for (int k = 0; k < d; k++) {
                    s += v[i * d + k] * values[k] * v[j * d + k];
                    g += v[k * d + i] * v[k * d + j];
                }
                assertThat(s).isCloseTo(a[i * d + j], within(1e-12 * CholeskyTest.maxAbs(a)));
                assertThat(g).isCloseTo(i == j ? 1 : 0, within(1e-13));
            }
        }
    }
}
