package org.varflow.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Chan's pairwise merge against a direct two-pass computation over the union, on seeded data. */
class MomentsTest {

    @Test
    void mergingPartsGivesTheMomentsOfTheUnion() {
        SplittableRandom rng = new SplittableRandom(7);
        int d = 3;
        int[] sizes = {1, 256, 700, 33, 512};
        List<double[]> all = new ArrayList<>();
        List<Moments> parts = new ArrayList<>();
        for (int size : sizes) {
            List<double[]> part = new ArrayList<>();
            for (int p = 0; p < size; p++) {
                // far from the origin and correlated: an average of averages would be visibly wrong
                double a = 100 + rng.nextGaussian();
                double[] x = {a, 2 * a + rng.nextGaussian(), -5 + 0.1 * rng.nextGaussian() + parts.size()};
                part.add(x);
                all.add(x);
            }
            double[] mean = mean(part, d);
            double[] cov = part.size() > 1 ? covariance(part, mean, d) : null;
            double energy = part.stream().mapToDouble(x -> x[0] * x[0]).sum() / part.size();
            parts.add(Moments.of(part.size(), mean, cov, true, energy));
        }
        Moments merged = Moments.mergeAll(parts);
        double[] mean = mean(all, d);
        double[] cov = covariance(all, mean, d);
        assertThat(merged.n()).isEqualTo(all.size());
        for (int i = 0; i < d; i++) {
            assertThat(merged.mean()[i]).isCloseTo(mean[i], within(1e-12 * Math.max(1, Math.abs(mean[i]))));
        }
        double[] c = merged.covariance();
        for (int i = 0; i < d * d; i++) {
            assertThat(c[i]).isCloseTo(cov[i], within(1e-11 * Math.max(1, Math.abs(cov[i]))));
        }
        double energy = all.stream().mapToDouble(x -> x[0] * x[0]).sum() / all.size();
        assertThat(merged.energy()).isCloseTo(energy, within(1e-12 * energy));
    }

    @Test
    void oneParticleHasNoCovarianceAndZeroSpread() {
        Moments one = Moments.of(1, new double[] {2.0}, null, true, 4.0);
        assertThat(one.covariance()).isNull();
        Moments two = one.merge(Moments.of(1, new double[] {4.0}, null, true, 16.0));
        assertThat(two.mean()[0]).isEqualTo(3.0);
        assertThat(two.covariance()[0]).isEqualTo(2.0); // ((2-3)^2 + (4-3)^2) / (2 - 1)
        assertThat(two.energy()).isEqualTo(10.0);
    }

    private static double[] mean(List<double[]> xs, int d) {
        double[] m = new double[d];
        for (double[] x : xs) {
            for (int i = 0; i < d; i++) {
                m[i] += x[i];
            }
        }
        for (int i = 0; i < d; i++) {
            m[i] /= xs.size();
        }
        return m;
    }

    private static double[] covariance(List<double[]> xs, double[] m, int d) {
        double[] c = new double[d * d];
        for (double[] x : xs) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    c[i * d + j] += (x[i] - m[i]) * (x[j] - m[j]);
                }
            }
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= xs.size() - 1;
        }
        return c;
    }
}
