package org.varflow.measures.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * A Gibbs law tabulated deep into its tails has cells of subnormal mass; their quantile slopes dx / m overflow.
 * W2 must stay finite and equal to W2 without those cells (they carry no mass W2 could see). This is what made the
 * jko preset's w2-to-gibbs report null at beta = 2.
 */
class QuantileW2TailTest {

    @Test
    void cellsOfSubnormalMassDoNotMakeW2NaN() {
        int n = 8;
        double[] mass = {Double.MIN_VALUE, 1e-320, 0.25, 0.25, 0.25, 0.25, 1e-310, Double.MIN_VALUE};
        double[] clean = {0, 0, 0.25, 0.25, 0.25, 0.25, 0, 0};
        QuantileW2.Pieces tails = new QuantileW2.Pieces(n);
        QuantileW2.Pieces plain = new QuantileW2.Pieces(n);
        tails.cells(-4, 1, mass, n);
        plain.cells(-4, 1, clean, n);
        QuantileW2.Pieces point = new QuantileW2.Pieces(1);
        point.atoms(new double[] {3.0}, new double[] {1.0}, 1);
        double w = QuantileW2.distance(point, tails);
        assertThat(w).isFinite();
        assertThat(w).isCloseTo(QuantileW2.distance(point, plain), within(1e-12));
        // uniform on [-2, 2) against the point 3: W2^2 = integral (3 - x)^2 dx / 4 over [-2, 2] = 9 + 4/3
        assertThat(w).isCloseTo(Math.sqrt(9 + 4.0 / 3), within(1e-12));
    }
}
