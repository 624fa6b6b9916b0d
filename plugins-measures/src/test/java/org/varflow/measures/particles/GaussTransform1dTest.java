package org.varflow.measures.particles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.varflow.api.Workers;
import org.varflow.api.parallel.WorkerPool;

/**
 * The fast Gauss transform against the direct pair sums ({@link KernelSums#gaussian}) on clouds that stress it:
 * one Gaussian, two separated modes, far outliers (boxes exist only where particles are), every particle at one
 * point, and a single particle. The stated bound is that each of the N^2 pair weights is represented to within the
 * tolerance, so |den error| <= N tol and |num error| <= N tol (s / 2) (p / r) at worst; the test asserts the bound
 * and, more sharply, that the error is at rounding level: 1e-12 relative to den (which is at least 1).
 */
class GaussTransform1dTest {

    private static double[] gaussianCloud(int n, double mean, double sd, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double u1 = r.nextDouble();
            double u2 = r.nextDouble();
            x[i] = mean + sd * Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        }
        return x;
    }

    /** Returns the largest error of den relative to den, and of num relative to s * den. */
    private static double[] compare(double[] x, double sigma, GaussTransform1d fgt) {
        int n = x.length;
        double[] direct = new double[2 * n];
        KernelSums.gaussian(x, n, 1, sigma, direct, n);
        double[] fast = new double[2 * n];
        fgt.sums(x, n, sigma, fast, fast, n);
        double s = Math.sqrt(2) * sigma;
        double denErr = 0;
        double numErr = 0;
        for (int p = 0; p < n; p++) {
            denErr = Math.max(denErr, Math.abs(fast[n + p] - direct[n + p]) / direct[n + p]);
            numErr = Math.max(numErr, Math.abs(fast[p] - direct[p]) / (s * direct[n + p]));
        }
        return new double[] {denErr, numErr};
    }

    @Test
    void matchesTheDirectSumsToRoundingOnAGaussianCloud() {
        GaussTransform1d fgt = new GaussTransform1d(1e-14);
        for (int n : new int[] {50, 500, 2000}) {
            double[] x = gaussianCloud(n, 2, 0.3, 7 + n);
            double[] err = compare(x, 0.5 * Math.pow(n, -0.2), fgt);
            assertThat(err[0]).as("den, n = %d", n).isLessThan(1e-12);
            assertThat(err[1]).as("num, n = %d", n).isLessThan(1e-12);
        }
    }

    @Test
    void handlesSeparatedModesOutliersAndCoincidentPoints() {
        GaussTransform1d fgt = new GaussTransform1d(1e-14);
        double[] modes = gaussianCloud(1000, 0, 1, 3);
        for (int i = 0; i < modes.length; i += 2) {
            modes[i] += 12;
        }
        double[] outliers = gaussianCloud(400, 0, 1, 4);
        outliers[0] = 1e6;
        outliers[1] = -3e5;
        outliers[2] = 1e6 + 0.01;
        double[] same = new double[300];
        java.util.Arrays.fill(same, -4.25);
        double[] one = {0.3};
        for (double[] x : new double[][] {modes, outliers, same, one}) {
            for (double sigma : new double[] {0.05, 0.3, 2}) {
                double[] err = compare(x, sigma, fgt);
                assertThat(err[0]).as("den, n = %d, sigma = %s", x.length, sigma).isLessThan(1e-12);
                assertThat(err[1]).as("num, n = %d, sigma = %s", x.length, sigma).isLessThan(1e-12);
            }
        }
    }

    @Test
    void reusesItsOrderAcrossStepsAndStaysExactAfterTheParticlesMove() {
        GaussTransform1d fgt = new GaussTransform1d(1e-14);
        double[] x = gaussianCloud(1500, 0, 1, 11);
        SplittableRandom r = new SplittableRandom(12);
        for (int step = 0; step < 20; step++) {
            for (int i = 0; i < x.length; i++) {
                x[i] += 0.05 * (r.nextDouble() - 0.5);
            }
            double[] err = compare(x, 0.1, fgt);
            assertThat(err[0]).isLessThan(1e-12);
            assertThat(err[1]).isLessThan(1e-12);
        }
        // a different cloud size after the first: the order is rebuilt
        double[] err = compare(gaussianCloud(700, 1, 2, 13), 0.2, fgt);
        assertThat(err[0]).isLessThan(1e-12);
    }

    /** A diverged particle (NaN or infinite) gives non-finite sums for the run to report, and never hangs the sort. */
    @Test
    void nonFiniteParticlesGiveNonFiniteSums() {
        GaussTransform1d fgt = new GaussTransform1d(1e-14);
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            double[] x = gaussianCloud(300, 0, 1, 21);
            x[17] = bad;
            double[] out = new double[600];
            fgt.sums(x, 300, 0.2, out, out, 300);
            boolean nonFinite = false;
            for (double v : out) {
                nonFinite |= !Double.isFinite(v);
            }
            assertThat(nonFinite).as("x[17] = %s", bad).isTrue();
        }
    }

    @Test
    void aLooserToleranceUsesFewerTermsAndStaysWithinItsBound() {
        GaussTransform1d tight = new GaussTransform1d(1e-14);
        GaussTransform1d loose = new GaussTransform1d(1e-6);
        assertThat(loose.order()).isLessThan(tight.order());
        double[] x = gaussianCloud(1000, 0, 1, 5);
        double[] err = compare(x, 0.08, loose);
        // den_p >= 1 and each of the n pair weights errs by at most the tolerance
        assertThat(err[0]).isLessThan(1000 * 1e-6);
        assertThat(err[0]).isGreaterThan(0);
    }

    @Test
    void isCheaperThanTheDirectSumsForThePaperSizesButNotForTinyClouds() {
        GaussTransform1d fgt = new GaussTransform1d(1e-14);
        assertThat(fgt.relativeCost(gaussianCloud(2000, 0, 1, 1), 2000, 0.5 * Math.pow(2000, -0.2))).isLessThan(0.2);
        assertThat(fgt.relativeCost(gaussianCloud(20, 0, 10, 1), 20, 0.01)).isGreaterThan(1);
    }

    /**
     * The box loops split over threads give bitwise the sums of one thread: many boxes (more than the chunks), a few
     * (fewer than the chunks), and repeated calls on a moving cloud (the sort starts from the last order).
     */
    @Test
    void twoAndThreeThreadsGiveBitwiseTheSumsOfOne() {
        java.util.List<Integer> boxes = new java.util.ArrayList<>();
        try (WorkerPool two = new WorkerPool(2); WorkerPool three = new WorkerPool(3)) {
            for (double sigma : new double[] {0.01, 0.05, 2.0}) {
                double[] x = gaussianCloud(4000, 0, 1, 31);
                GaussTransform1d one = new GaussTransform1d(1e-14);
                GaussTransform1d split2 = new GaussTransform1d(1e-14);
                GaussTransform1d split3 = new GaussTransform1d(1e-14);
                for (int step = 0; step < 5; step++) {
                    double[] a = new double[8000];
                    double[] b = new double[8000];
                    double[] c = new double[8000];
                    one.sums(x, 4000, sigma, a, a, 4000, Workers.sequential());
                    split2.sums(x, 4000, sigma, b, b, 4000, two);
                    split3.sums(x, 4000, sigma, c, c, 4000, three);
                    for (int i = 0; i < a.length; i++) {
                        assertThat(Double.doubleToRawLongBits(b[i])).as("sigma %s, entry %d", sigma, i)
                                .isEqualTo(Double.doubleToRawLongBits(a[i]));
                        assertThat(Double.doubleToRawLongBits(c[i])).isEqualTo(Double.doubleToRawLongBits(a[i]));
                    }
                    for (int i = 0; i < x.length; i++) {
                        x[i] += 1e-3 * a[i] / a[4000 + i]; // move the cloud a little, as a step does
                    }
                }
                boxes.add(one.boxCount());
            }
            // more boxes than chunks (several boxes per chunk) and fewer (empty chunks)
            assertThat(boxes).anyMatch(b -> b > 4 * GaussTransform1d.CHUNKS).anyMatch(b -> b < GaussTransform1d.CHUNKS);
        }
    }
}
