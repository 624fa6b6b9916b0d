package org.varflow.ot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The scalable alternatives against the exact methods, with the error they state: sliced W2 against its definition
 * by quadrature over directions (and below exact W2), random-feature MMD against the exact V-statistic. Each seeded
 * estimate must lie within 5 of its own standard errors of the exact value (the probability that one of the 20 seeds
 * of a test misses by chance is below 1e-5), within Hoeffding's bound, and the standard error must fall as 1/sqrt of
 * the samples.
 */
class ScalableEstimatesTest {
    private static final int SEEDS = 20;

    private static double[] cloud(int n, int d, double shift, double scale, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[n * d];
        for (int i = 0; i < p.length; i++) {
            p[i] = shift * (i % d == 0 ? 1 : 0) + scale * SlicedWasserstein.gaussian(r);
        }
        return p;
    }

    /** SW2^2 in 2-D by the midpoint rule over theta in [0, pi) (W2 along theta and -theta is the same). */
    private static double slicedByQuadrature(double[] x, double[] y, int angles) {
        double s = 0;
        for (int k = 0; k < angles; k++) {
            double t = Math.PI * (k + 0.5) / angles;
            double c = Math.cos(t);
            double sn = Math.sin(t);
            double[] px = new double[x.length / 2];
            double[] py = new double[y.length / 2];
            for (int i = 0; i < px.length; i++) {
                px[i] = c * x[2 * i] + sn * x[2 * i + 1];
            }
            for (int i = 0; i < py.length; i++) {
                py[i] = c * y[2 * i] + sn * y[2 * i + 1];
            }
            s += Wasserstein1D.cost(px, py, 2);
        }
        return s / angles;
    }

    @Test
    void slicedW2MatchesItsDefinitionWithinFiveStandardErrors() {
        double[] x = cloud(150, 2, 0, 1, 1);
        double[] y = cloud(120, 2, 1.5, 0.7, 2);
        double exact = slicedByQuadrature(x, y, 20_000);
        double sum = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            MonteCarloEstimate e = SlicedWasserstein.squared(x, y, 2, 400, seed);
            assertThat(Math.abs(e.squared() - exact)).as("seed %d: %s vs %s", seed, e, exact)
                    .isLessThanOrEqualTo(5 * e.squaredStandardError());
            sum += e.squared();
        }
        assertThat(sum / SEEDS).isCloseTo(exact, within(0.05 * exact));
    }

    @Test
    void slicedW2IsBelowW2AndExactInOneDimension() {
        double[] x = cloud(60, 3, 0, 1, 3);
        double[] y = cloud(60, 3, 1, 2, 4);
        double w2 = ExactOT.squaredEuclidean(x, y, 3).cost();
        for (int seed = 0; seed < 5; seed++) {
            MonteCarloEstimate e = SlicedWasserstein.squared(x, y, 3, 200, seed);
            assertThat(e.squared()).isLessThan(w2);
        }
        double[] x1 = cloud(50, 1, 0, 1, 5);
        double[] y1 = cloud(70, 1, 2, 1, 6);
        MonteCarloEstimate one = SlicedWasserstein.squared(x1, y1, 1, 10, 9);
        assertThat(one.squared()).isEqualTo(Wasserstein1D.cost(x1, y1, 2));
        assertThat(one.squaredStandardError()).isZero();
    }

    @Test
    void theStandardErrorFallsAsOneOverTheRootOfTheSamples() {
        double[] x = cloud(100, 2, 0, 1, 7);
        double[] y = cloud(100, 2, 1, 1, 8);
        double few = SlicedWasserstein.squared(x, y, 2, 100, 1).squaredStandardError();
        double many = SlicedWasserstein.squared(x, y, 2, 1600, 1).squaredStandardError();
        assertThat(few / many).isBetween(3.0, 5.0);
        double f = RandomFeatureMmd.squared(x, y, 2, 1, 100, 1).squaredStandardError();
        double m = RandomFeatureMmd.squared(x, y, 2, 1, 1600, 1).squaredStandardError();
        assertThat(f / m).isBetween(3.0, 5.0);
    }

    @Test
    void randomFeatureMmdMatchesTheExactVStatisticWithinItsStatedError() {
        double[] x = cloud(200, 2, 0, 1, 11);
        double[] y = cloud(180, 2, 0.5, 1.2, 12);
        double sigma = 1.3;
        double exact = Mmd.squared(x, null, y, null, 2, sigma);
        int features = 2000;
        double hoeffding = 8 * Math.sqrt(Math.log(2 / 1e-9) / (2.0 * features));
        double sum = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            MonteCarloEstimate e = RandomFeatureMmd.squared(x, y, 2, sigma, features, seed);
            assertThat(Math.abs(e.squared() - exact)).as("seed %d: %s vs %s", seed, e, exact)
                    .isLessThanOrEqualTo(5 * e.squaredStandardError()).isLessThanOrEqualTo(hoeffding);
            sum += e.squared();
        }
        assertThat(sum / SEEDS).isCloseTo(exact, within(0.1 * exact));
    }

    @Test
    void weightsActLikeRepeatedPointsAndThreadsDoNotMatter() {
        double[] x = {0, 0, 1, 1};
        double[] a = {2, 1};
        double[] xx = {0, 0, 0, 0, 1, 1};
        double[] y = {0.5, -1, 2, 0, -1, 1};
        MonteCarloEstimate weighted = RandomFeatureMmd.squared(x, a, y, null, 2, 1, 300, 5, null);
        MonteCarloEstimate repeated = RandomFeatureMmd.squared(xx, null, y, null, 2, 1, 300, 5, null);
        assertThat(weighted.squared()).isCloseTo(repeated.squared(), within(1e-12));
        MonteCarloEstimate sw = SlicedWasserstein.squared(x, a, y, new double[] {1, 1, 1}, 2, 50, 3, null);
        MonteCarloEstimate swRepeated = SlicedWasserstein.squared(xx, null, y, null, 2, 50, 3, null);
        assertThat(sw.squared()).isCloseTo(swRepeated.squared(), within(1e-12));
        assertThat(SlicedWasserstein.squared(x, y, 2, 50, 3)).isEqualTo(SlicedWasserstein.squared(x, y, 2, 50, 3));
    }

    @Test
    void refusesTooFewSamples() {
        assertThatThrownBy(() -> SlicedWasserstein.squared(new double[] {0, 1}, new double[] {1, 1}, 2, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> RandomFeatureMmd.squared(new double[] {0}, new double[] {1}, 1, 0, 10, 1))
                .hasMessageContaining("bandwidth");
    }
}
