package org.varflow.api.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LuTest {

    /**
     * A system that needs pivoting (a zero in the first pivot position):
     * [[0, 2, 1], [1, 1, 1], [2, 1, 0]] z = (5, 4, 4) has the solution z = (1, 2, 1), by hand.
     */
    @Test
    void solvesAKnownSystemThatNeedsRowSwaps() {
        double[] a = {0, 2, 1, 1, 1, 1, 2, 1, 0};
        double[] rhs = {5, 4, 4};
        assertThat(Lu.solveInPlace(a, rhs, 3)).isTrue();
        assertThat(rhs).containsExactly(new double[] {1, 2, 1}, within(1e-15));
    }

    @Test
    void refusesSingularSystems() {
        assertThat(Lu.solveInPlace(new double[] {1, 2, 2, 4}, new double[] {1, 1}, 2)).isFalse();
        assertThat(Lu.solveInPlace(new double[] {Double.NaN, 0, 0, 1}, new double[] {1, 1}, 2)).isFalse();
    }

    /** Random nonsymmetric systems: the residual |A z - b| is at rounding level. */
    @Test
    void leavesSmallResidualsOnRandomSystems() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int n : new int[] {1, 2, 6, 25}) {
            double[] a = new double[n * n];
            double[] b = new double[n];
            for (int i = 0; i < n * n; i++) {
                a[i] = rnd.nextDouble(-1, 1) + (i % (n + 1) == 0 ? 2 : 0);
            }
            for (int i = 0; i < n; i++) {
                b[i] = rnd.nextDouble(-1, 1);
            }
            double[] work = a.clone();
            double[] z = b.clone();
            assertThat(Lu.solveInPlace(work, z, n)).isTrue();
            assertThat(CholeskyTest.times(a, z, n)).containsExactly(b, within(1e-12));
        }
    }
}
