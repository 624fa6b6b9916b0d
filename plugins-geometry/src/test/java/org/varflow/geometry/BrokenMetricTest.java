package org.varflow.geometry;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.varflow.api.Metric;
import org.varflow.api.Space;
import org.varflow.api.SpaceKinds;
import org.varflow.geometry.internal.Vectors;
import org.varflow.testkit.MetricContract;

/** The contract's checks catch the usual mistakes of metric authors. */
class BrokenMetricTest {
    static final double[] X = {0.6, 0, 0.8};
    static final Space SPHERE = new Vectors.SimpleSpace(SpaceKinds.SPHERE, 3, X);

    /** K = [[1, a], [0, 1]]-like: not symmetric. */
    static final Metric ASYMMETRIC = (x, c, out) -> {
        out[0] = c[0] + 0.5 * c[1];
        out[1] = c[1];
        out[2] = c[2];
    };

    /** K = diag(1, -1, 1): not positive. */
    static final Metric INDEFINITE = (x, c, out) -> {
        out[0] = c[0];
        out[1] = -c[1];
        out[2] = c[2];
    };

    /** K = 4 I but S = I (should be 2 I). */
    static final Metric WRONG_ROOT = new Metric() {
        @Override
        public void raise(double[] x, double[] c, double[] out) {
            for (int i = 0; i < x.length; i++) {
                out[i] = 4 * c[i];
            }
        }

        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            System.arraycopy(xi, 0, out, 0, x.length);
        }
    };

    /** K = (1 + x_1^2) I, but claims zero divergence. */
    static final Metric MISSING_DIVERGENCE = (x, c, out) -> {
        for (int i = 0; i < x.length; i++) {
            out[i] = (1 + x[0] * x[0]) * c[i];
        }
    };

    /** R_x(v) = x + 2 v: zeroth order only. */
    static final Metric WRONG_RETRACTION = new Metric() {
        @Override
        public void raise(double[] x, double[] c, double[] out) {
            System.arraycopy(c, 0, out, 0, x.length);
        }

        @Override
        public void retract(double[] x, double[] v, double[] out) {
            for (int i = 0; i < x.length; i++) {
                out[i] = x[i] + 2 * v[i];
            }
        }
    };

    /** The sphere's tangent projection with the flat retraction x + v: leaves the sphere. */
    static final Metric FLAT_ON_SPHERE = (x, c, out) -> {
        double s = x[0] * c[0] + x[1] * c[1] + x[2] * c[2];
        for (int i = 0; i < 3; i++) {
            out[i] = c[i] - s * x[i];
        }
    };

    @Test
    void asymmetricKFails() {
        assertThatThrownBy(() -> MetricContract.checkSymmetric(ASYMMETRIC, X)).isInstanceOf(AssertionError.class);
    }

    @Test
    void indefiniteKFails() {
        assertThatThrownBy(() -> MetricContract.checkPositive(INDEFINITE, SPHERE, X,
                3)).isInstanceOf(AssertionError.class);
    }

    @Test
    void rankDeficiencyFails() {
        // on the sphere K has rank 2; claiming rank 3 (a full metric) must fail
        assertThatThrownBy(() -> MetricContract.checkPositive(FLAT_ON_SPHERE, SPHERE, X, 3))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void wrongSquareRootFails() {
        assertThatThrownBy(() -> MetricContract.checkSquareRoot(WRONG_ROOT, X)).isInstanceOf(AssertionError.class);
    }

    @Test
    void missingDivergenceFails() {
        assertThatThrownBy(() -> MetricContract.checkDivergence(MISSING_DIVERGENCE, X))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void zerothOrderRetractionFails() {
        assertThatThrownBy(() -> MetricContract.checkRetraction(WRONG_RETRACTION, X, 1))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void leavingTheSphereFails() {
        assertThatThrownBy(() -> {
            for (double[] x : org.varflow.testkit.MetricChecks.walk(FLAT_ON_SPHERE, SPHERE, 1, 20, 0.5)) {
                MetricContract.checkOnSpace(SPHERE, x);
            }
        }).isInstanceOf(AssertionError.class);
    }
}
