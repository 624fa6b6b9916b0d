package org.varflow.geometry.symplectic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.varflow.api.Metric;
import org.varflow.api.Space;
import org.varflow.testkit.MetricContract;

/**
 * J antisymmetric, K positive semi-definite with S S^T = K, for the three phase-space metrics, computed column by
 * column on the 2n = 4 dimensional space with mass m = 2; and the metric authors' contract (MetricContract) with the
 * rank of K each has: n (underdamped: the momenta) and 2n (phase-gradient). The contract cannot take symplectic's
 * K = 0 (its definiteness check needs a non-zero K), so that one is checked by hand below.
 */
class HamiltonianMetricTest {

    @Nested
    class UnderdampedContract extends MetricContract {
        @Override
        protected Metric metric() {
            return Mechanics.metric(new UnderdampedMetricFactory(), SPACE, Map.of("friction", 0.7));
        }

        @Override
        protected Space space() {
            return SPACE;
        }

        @Override
        protected Integer tangentDimension() {
            return 2;
        }
    }

    @Nested
    class PhaseGradientContract extends MetricContract {
        @Override
        protected Metric metric() {
            return Mechanics.metric(new PhaseGradientMetricFactory(), SPACE, Map.of());
        }

        @Override
        protected Space space() {
            return SPACE;
        }
    }
    private static final PhaseSpace SPACE = Mechanics.space(new double[] {1, 2}, new double[] {0, 0}, 2.0);
    private static final double[] X = {0.4, -1.3, 0.7, 2.0};

    @Test
    void symplecticIsJWithKZero() {
        Metric m = Mechanics.metric(new SymplecticMetricFactory(), SPACE, Map.of());
        assertThat(m).isInstanceOf(org.varflow.api.PoissonMetric.class)
                .isInstanceOf(org.varflow.api.ConstantMetric.class);
        double[][] j = matrix(m, true);
        double[][] k = matrix(m, false);
        // J = [[0, I], [-I, 0]]
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                double expected = (c == r + 2) ? 1 : (r == c + 2) ? -1 : 0;
                assertThat(j[r][c]).as("J[%d][%d]", r, c).isEqualTo(expected);
                assertThat(j[r][c]).isEqualTo(-j[c][r]);
                assertThat(k[r][c]).isZero();
            }
        }
        double[] s = new double[4];
        m.sqrtRaise(X, new double[] {1, 2, 3, 4}, s);
        assertThat(s).containsOnly(0.0);
        double[] div = {9, 9, 9, 9};
        m.divergence(X, div);
        assertThat(div).containsOnly(0.0);
    }

    @Test
    void underdampedAddsFrictionGammaMOnTheMomenta() {
        Metric m = Mechanics.metric(new UnderdampedMetricFactory(), SPACE, Map.of("friction", 1.5));
        assertThat(((HamiltonianMetric) m).friction()).isEqualTo(1.5);
        double[][] k = matrix(m, false);
        double[][] s = sqrt(m);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                double expected = r == c && r >= 2 ? 1.5 * 2.0 : 0.0;
                assertThat(k[r][c]).as("K[%d][%d]", r, c).isCloseTo(expected, within(1e-15));
                double sst = 0;
                for (int i = 0; i < 4; i++) {
                    sst += s[r][i] * s[c][i];
                }
                assertThat(sst).as("(S S^T)[%d][%d]", r, c).isCloseTo(k[r][c], within(1e-14));
            }
        }
        assertThat(matrix(m, true)).isDeepEqualTo(matrix(Mechanics.metric(new SymplecticMetricFactory(), SPACE,
                Map.of()), true));
        // dH/dt = -<dH, K dH> = -gamma |p|^2 / m: for dH = (., ., p/m) the rate is gamma m |p/m|^2
        double[] dh = {0.1, 0.2, 0.7 / 2, 2.0 / 2};
        double[] kdh = new double[4];
        m.raise(X, dh, kdh);
        double rate = 0;
        for (int i = 0; i < 4; i++) {
            rate += dh[i] * kdh[i];
        }
        assertThat(rate).isCloseTo(1.5 * (0.49 + 4.0) / 2.0, within(1e-14));
    }

    @Test
    void phaseGradientIsTheIdentityWithoutJ() {
        Metric m = Mechanics.metric(new PhaseGradientMetricFactory(), SPACE, Map.of());
        assertThat(m).isNotInstanceOf(org.varflow.api.PoissonMetric.class);
        double[][] k = matrix(m, false);
        double[][] s = sqrt(m);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                assertThat(k[r][c]).isEqualTo(r == c ? 1.0 : 0.0);
                assertThat(s[r][c]).isEqualTo(r == c ? 1.0 : 0.0);
            }
        }
    }

    /** K (or J) column by column. */
    private static double[][] matrix(Metric m, boolean poisson) {
        double[][] a = new double[4][4];
        for (int c = 0; c < 4; c++) {
            double[] e = new double[4];
            e[c] = 1;
            double[] col = new double[4];
            if (poisson) {
                ((org.varflow.api.PoissonMetric) m).applyPoisson(X, e, col);
            } else {
                m.raise(X, e, col);
            }
            for (int r = 0; r < 4; r++) {
                a[r][c] = col[r];
            }
        }
        return a;
    }

    private static double[][] sqrt(Metric m) {
        double[][] a = new double[4][4];
        for (int c = 0; c < 4; c++) {
            double[] e = new double[4];
            e[c] = 1;
            double[] col = new double[4];
            m.sqrtRaise(X, e, col);
            for (int r = 0; r < 4; r++) {
                a[r][c] = col[r];
            }
        }
        return a;
    }
}
