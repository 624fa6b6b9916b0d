package org.varflow.generative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.varflow.ot.Sinkhorn;
import org.varflow.ot.SinkhornResult;

class SchrodingerBridgeTest {

    @Test
    void entropicCostDecreasesToTheExactCost() {
        SchrodingerBridge.Result r = SchrodingerBridge.demo(7);
        double[] gaps = r.gaps();
        System.out.println("exact " + r.exactCost() + " costs " + java.util.Arrays.toString(r.costs()) + " gaps "
                + java.util.Arrays.toString(gaps) + " iterations " + java.util.Arrays.toString(r.iterations())
                + " marginal errors " + java.util.Arrays.toString(r.marginalErrors()));
        for (int k = 0; k < gaps.length; k++) {
            assertThat(gaps[k]).isGreaterThan(-1e-9 * r.exactCost());
            if (k > 0) {
                assertThat(gaps[k]).isLessThan(gaps[k - 1]);
            }
        }
        assertThat(gaps[gaps.length - 1]).isLessThan(1e-2 * r.exactCost());
    }

    /**
     * Gaussian clouds (n = 500 each), eps = 1: the plan's cross-covariance against the closed form evaluated at the
     * clouds' own covariances; the bridge marginal at t = 0.4 (40000 paths) against its mean and covariance formula.
     */
    @Test
    void gaussianBridgeMatchesTheClosedForm() {
        double eps = 1;
        SplittableRandom rng = new SplittableRandom(31);
        double[] x = SchrodingerBridge.gaussian(500, new double[] {0, 0}, new double[] {1, 0.3, 0.3, 0.5}, rng);
        double[] y = SchrodingerBridge.gaussian(500, new double[] {3, 1}, new double[] {0.6, -0.2, -0.2, 1.2}, rng);
        double[] mx = mean(x);
        double[] my = mean(y);
        double[] a = cov(x, mx);
        double[] b = cov(y, my);
        SinkhornResult plan = new Sinkhorn(eps).squaredEuclidean(x, y, 2);
        double[] cross = new double[4];
        int n = 500;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double p = plan.plan(i, j);
                for (int r = 0; r < 2; r++) {
                    for (int c = 0; c < 2; c++) {
                        cross[2 * r + c] += p * (x[2 * i + r] - mx[r]) * (y[2 * j + c] - my[c]);
                    }
                }
            }
        }
        double[] closed = SchrodingerBridge.gaussianCrossCovariance2d(a, b, eps);
        System.out.println("cross-covariance " + java.util.Arrays.toString(cross) + " closed form "
                + java.util.Arrays.toString(closed));
        for (int q = 0; q < 4; q++) {
            assertThat(cross[q]).isCloseTo(closed[q], within(0.02));
        }
        double t = 0.4;
        int k = 40000;
        double[] xt = SchrodingerBridge.sampleAt(x, y, 2, plan.plan(), eps, t, k, new SplittableRandom(2));
        double[] mt = mean(xt);
        double[] ct = cov(xt, mt);
        for (int r = 0; r < 2; r++) {
            double expectedMean = (1 - t) * mx[r] + t * my[r];
            for (int c = 0; c < 2; c++) {
                double expected = (1 - t) * (1 - t) * a[2 * r + c] + t * t * b[2 * r + c]
                        + t * (1 - t) * (closed[2 * r + c] + closed[2 * c + r] + (r == c ? eps / 2 : 0));
                System.out.printf("t = %.1f cov[%d][%d] %.4f closed form %.4f%n", t, r, c, ct[2 * r + c], expected);
                assertThat(ct[2 * r + c]).isCloseTo(expected, within(0.02));
            }
            assertThat(mt[r]).isCloseTo(expectedMean, within(5 * Math.sqrt(ct[3 * r] / k)));
        }
    }

    @Test
    void closedFormIn1dReducesToTheScalarFormula() {
        double[] c = SchrodingerBridge.gaussianCrossCovariance2d(new double[] {2, 0, 0, 1}, new double[] {3, 0, 0, 1},
                0.5);
        assertThat(c[0]).isCloseTo((Math.sqrt(16 * 6 + 0.25) - 0.5) / 4, within(1e-12));
        assertThat(c[1]).isCloseTo(0, within(1e-12));
    }

    private static double[] mean(double[] p) {
        int n = p.length / 2;
        double[] m = new double[2];
        for (int i = 0; i < n; i++) {
            m[0] += p[2 * i] / n;
            m[1] += p[2 * i + 1] / n;
        }
        return m;
    }

    private static double[] cov(double[] p, double[] m) {
        int n = p.length / 2;
        double[] c = new double[4];
        for (int i = 0; i < n; i++) {
            double u = p[2 * i] - m[0];
            double v = p[2 * i + 1] - m[1];
            c[0] += u * u / n;
            c[1] += u * v / n;
            c[3] += v * v / n;
        }
        c[2] = c[1];
        return c;
    }
}
