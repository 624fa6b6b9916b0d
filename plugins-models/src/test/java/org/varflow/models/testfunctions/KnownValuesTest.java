package org.varflow.models.testfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.varflow.api.Energy;

/** Closed-form values: minima, minimisers, barrier heights. */
class KnownValuesTest {

    @Test
    void quadraticIsMinimisedAtTheSolutionOfAxEqualsB() {
        int d = 4;
        Random random = new Random(7);
        // A = B^T B + I is symmetric positive definite
        double[][] bm = new double[d][d];
        for (double[] row : bm) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[][] a = new double[d][d];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = i == j ? 1 : 0;
                for (int k = 0; k < d; k++) {
                    s += bm[k][i] * bm[k][j];
                }
                a[i][j] = s;
                text.append(s).append(j < d - 1 ? "," : i < d - 1 ? ";" : "");
            }
        }
        double[] b = {1, -2, 0.5, 3};
        Energy e = EnergyContractTest.create(new QuadraticEnergyFactory(), Map.of("A", text.toString(),
                "b", "1,-2,0.5,3"), d);
        double[] xstar = solve(a, b);

        double[] g = new double[d];
        e.gradient(xstar, g);
        for (double gi : g) {
            assertThat(gi).isCloseTo(0.0, within(1e-10));
        }
        double bx = 0;
        for (int i = 0; i < d; i++) {
            bx += b[i] * xstar[i];
        }
        assertThat(e.value(xstar)).isCloseTo(-bx / 2, within(1e-10));
        double[] hess = new double[d * d];
        e.hessian(xstar, hess);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertThat(hess[i * d + j]).isCloseTo(a[i][j], within(1e-12 * Math.abs(a[i][j]) + 1e-15));
            }
        }
        // E(x) - E(x*) = (x - x*)^T A (x - x*) / 2 > 0 away from x*
        double[] x = xstar.clone();
        x[2] += 0.1;
        assertThat(e.value(x) - e.value(xstar)).isCloseTo(a[2][2] * 0.01 / 2, within(1e-10));
    }

    @Test
    void quadraticDefaultsAreTheIdentityAndZero() {
        Energy e = EnergyContractTest.create(new QuadraticEnergyFactory(), Map.of(), 3);
        assertThat(e.value(new double[] {1, 2, 3})).isEqualTo(7.0); // (1 + 4 + 9) / 2
        double[] g = new double[3];
        e.gradient(new double[] {1, 2, 3}, g);
        assertThat(g).containsExactly(1, 2, 3);
    }

    @Test
    void quadraticDiagonalFormMatchesTheFullMatrix() {
        Energy diag = EnergyContractTest.create(new QuadraticEnergyFactory(), Map.of("diag", "1,4", "b", "1,1"), 2);
        Energy full = EnergyContractTest.create(new QuadraticEnergyFactory(), Map.of("A", "1,0;0,4", "b", "1"), 2);
        double[] x = {0.3, -1.7};
        assertThat(diag.value(x)).isCloseTo(full.value(x), within(1e-15));
        // minimiser A^-1 b = (1, 0.25), minimum -b^T A^-1 b / 2 = -0.625
        assertThat(diag.value(new double[] {1, 0.25})).isCloseTo(-0.625, within(1e-15));
        double[] hd = new double[4];
        double[] hf = new double[4];
        diag.hessian(x, hd);
        full.hessian(x, hf);
        assertThat(hd).containsExactly(hf);
    }

    @Test
    void quadraticAcceptsAnIndefiniteMatrixAndStoresTheSymmetricPart() {
        // eigenvalues 3 and -1: a saddle at the origin, accepted as documented
        Energy e = EnergyContractTest.create(new QuadraticEnergyFactory(), Map.of("A", "1,2;2,1"), 2);
        assertThat(e.value(new double[] {1, -1})).isEqualTo(-1.0);
        // an asymmetry far below the tolerance is accepted and removed
        Energy nearly = EnergyContractTest.create(new QuadraticEnergyFactory(),
                Map.of("A", "2,1;1.000000000000001,3"), 2);
        double[] h = new double[4];
        nearly.hessian(new double[2], h);
        assertThat(h[1]).isEqualTo(h[2]);
    }

    @Test
    void rosenbrockHasItsMinimumZeroAtOnes() {
        for (int d = 2; d <= 6; d++) {
            Energy e = EnergyContractTest.create(new RosenbrockEnergyFactory(), Map.of(), d);
            double[] ones = new double[d];
            java.util.Arrays.fill(ones, 1.0);
            assertThat(e.value(ones)).isEqualTo(0.0);
            double[] g = new double[d];
            e.gradient(ones, g);
            assertThat(g).containsOnly(0.0);
        }
        Energy e2 = EnergyContractTest.create(new RosenbrockEnergyFactory(), Map.of(), 2);
        assertThat(e2.value(new double[] {0, 0})).isEqualTo(1.0);
        assertThat(e2.value(new double[] {-1, 1})).isEqualTo(4.0);
        assertThat(e2.value(new double[] {0, 1})).isEqualTo(101.0);
        // Hessian at the minimum: [[802, -400], [-400, 200]] for a = 100
        double[] h = new double[4];
        e2.hessian(new double[] {1, 1}, h);
        assertThat(h).containsExactly(802, -400, -400, 200);
    }

    @Test
    void doubleWellHasWellsAtPlusMinusOneAndBarrierOneQuarter() {
        Energy e = EnergyContractTest.create(new DoubleWellEnergyFactory(), Map.of(), 3);
        assertThat(e.value(new double[] {1, -1, 1})).isEqualTo(0.0);
        assertThat(e.value(new double[] {0, 0, 0})).isEqualTo(0.75);
        double[] h = new double[9];
        e.hessian(new double[3], h);
        assertThat(h).containsExactly(-1, 0, 0, 0, -1, 0, 0, 0, -1);

        Energy tilted = EnergyContractTest.create(new DoubleWellEnergyFactory(), Map.of("tilt", 0.2), 2);
        assertThat(tilted.value(new double[] {1, -1})).isCloseTo(0.0, within(1e-15)); // -0.2 (1 - 1)
        assertThat(tilted.value(new double[] {1, 1})).isCloseTo(-0.4, within(1e-15));
        double[] g = new double[2];
        tilted.gradient(new double[] {1, -1}, g);
        assertThat(g).containsExactly(-0.2, -0.2);
    }

    /** Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a, double[] b) {
        int d = b.length;
        double[][] m = new double[d][d + 1];
        for (int i = 0; i < d; i++) {
            System.arraycopy(a[i], 0, m[i], 0, d);
            m[i][d] = b[i];
        }
        for (int c = 0; c < d; c++) {
            int p = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            for (int r = c + 1; r < d; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= d; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double s = m[i][d];
            for (int k = i + 1; k < d; k++) {
                s -= m[i][k] * x[k];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }
}
