package org.varflow.geometry.gaussian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.varflow.api.linalg.Matrices;

/** The Bures-Wasserstein metric of the Gaussian family. */
class BuresWassersteinTest {

    /** One step of the BW flow of E = tr(M Sigma) / 2 is the Lambert step Sigma -> (I - h M) Sigma (I - h M). */
    @Test
    void buresWassersteinRetractionIsTheLambertStep() {
        var metric = new BuresWassersteinMetricFactory.BuresWasserstein(3);
        double[] sigma = {2, 0.3, -0.1, 0.3, 1, 0.2, -0.1, 0.2, 0.5};
        double[] m = {1, 0.4, 0.2, 0.4, -2, 0.3, 0.2, 0.3, 0.7};
        double h = 0.05;
        double[] x = new double[12];
        System.arraycopy(sigma, 0, x, 3, 9);
        double[] c = new double[12];
        for (int i = 0; i < 9; i++) {
            c[3 + i] = m[i] / 2; // covector C = M / 2, so K C = M Sigma + Sigma M
        }
        double[] v = new double[12];
        metric.raise(x, c, v);
        for (int i = 0; i < 12; i++) {
            v[i] *= -h;
        }
        double[] out = new double[12];
        metric.retract(x, v, out);
        double[] a = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                a[i * 3 + j] = (i == j ? 1 : 0) - h * m[i * 3 + j];
            }
        }
        double[] t = new double[9];
        double[] expected = new double[9];
        Matrices.multiply(a, 0, sigma, 0, 3, t);
        Matrices.multiply(t, 0, a, 0, 3, expected);
        for (int i = 0; i < 9; i++) {
            assertThat(out[3 + i]).isCloseTo(expected[i], within(1e-12));
        }
    }
}
