package org.varflow.generative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiffusionTest {
    private static final double T = Diffusion.HORIZON;
    private static final double T0 = Diffusion.T0;

    @Test
    void exactScoreIsTheGradientOfLogDensity() {
        for (DiffusedGaussianMixture law : new DiffusedGaussianMixture[] {DiffusedGaussianMixture.demo1d(),
                DiffusedGaussianMixture.demo2d()}) {
            int d = law.dimension();
            SplittableRandom rng = new SplittableRandom(3);
            double[] s = new double[d];
            double worst = 0;
            for (double t : new double[] {0, 1e-3, 0.1, 1, 5}) {
                for (int trial = 0; trial < 20; trial++) {
                    double[] x = new double[d];
                    for (int j = 0; j < d; j++) {
                        x[j] = 4 * rng.nextGaussian();
                    }
                    law.score(x, t, s);
                    for (int j = 0; j < d; j++) {
                        double h = 1e-5;
                        double[] xp = x.clone();
                        double[] xm = x.clone();
                        xp[j] += h;
                        xm[j] -= h;
                        double fd = (law.logDensity(xp, t) - law.logDensity(xm, t)) / (2 * h);
                        worst = Math.max(worst, Math.abs(fd - s[j]) / Math.max(1, Math.abs(s[j])));
                    }
                }
            }
            assertThat(worst).isLessThan(1e-7);
        }
    }

    @Test
    void marginalsTendToStandardNormal() {
        DiffusedGaussianMixture law = DiffusedGaussianMixture.demo2d();
        assertThat(law.mean(0, T)).isCloseTo(0, within(1e-3));
        assertThat(law.variance(1, T)).isCloseTo(1, within(1e-5));
        double[] s = new double[2];
        law.score(new double[] {0.7, -1.2}, 30, s);
        assertThat(s[0]).isCloseTo(-0.7, within(1e-12));
        assertThat(s[1]).isCloseTo(1.2, within(1e-12));
    }

    /**
     * 1-D, n = 20000: W2(generated, fresh data sample) for the exact score against the sampling noise, which is the
     * W2 of pairs of independent data samples of the same size (8 pairs; tolerance 2 x their largest).
     */
    @Test
    void exactScoreSamplesMatchTheDataLaw() {
        DiffusedGaussianMixture law = DiffusedGaussianMixture.demo1d();
        int n = 20000;
        SplittableRandom root = new SplittableRandom(17);
        double[] reference = law.sample(n, root.split());
        double noise = 0;
        for (int k = 0; k < 8; k++) {
            noise = Math.max(noise, Diffusion.w2(law.sample(n, root.split()), law.sample(n, root.split()), 1));
        }
        double sde = Diffusion.w2(ReverseDiffusion.sample(law, ReverseDiffusion.Form.SDE, n, T, T0, 300,
                root.split()), reference, 1);
        double ode = Diffusion.w2(ReverseDiffusion.sample(law, ReverseDiffusion.Form.ODE, n, T, T0, 300,
                root.split()), reference, 1);
        System.out.printf("exact score, n = %d: W2 sde %.4f, ode %.4f, sampling noise (max of 8) %.4f%n", n, sde,
                ode, noise);
        assertThat(sde).isLessThan(2 * noise);
        assertThat(ode).isLessThan(2 * noise);
    }

    /** The probability-flow ODE carries N(0, I) to p_t0: mean and variance per coordinate within 5 standard errors. */
    @Test
    void probabilityFlowTransportsNoiseToData2d() {
        DiffusedGaussianMixture law = DiffusedGaussianMixture.demo2d();
        int n = 4000;
        double[] y = ReverseDiffusion.sample(law, ReverseDiffusion.Form.ODE, n, T, T0, 200, new SplittableRandom(5));
        for (int j = 0; j < 2; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += y[2 * i + j] / n;
            }
            double var = 0;
            double fourth = 0;
            for (int i = 0; i < n; i++) {
                double c = y[2 * i + j] - mean;
                var += c * c / (n - 1);
                fourth += c * c * c * c / n;
            }
            double exactVar = law.variance(j, T0);
            System.out.printf("PF-ODE 2-D coordinate %d: mean %.4f (exact %.4f), variance %.4f (exact %.4f)%n", j,
                    mean, law.mean(j, T0), var, exactVar);
            assertThat(mean).isCloseTo(law.mean(j, T0), within(5 * Math.sqrt(exactVar / n)));
            assertThat(var).isCloseTo(exactVar, within(5 * Math.sqrt((fourth - var * var) / n)));
        }
    }

    /**
     * The exact score minimises the denoising score matching objective, so on held-out pairs (the same pairs for both,
     * a paired comparison) it scores lower than the learned one. The W2 of both samplers is printed, not compared: at
     * n = 5000 the difference is within the sampling noise of W2.
     */
    @Test
    void exactScoreBeatsTheLearnedOne() {
        DiffusedGaussianMixture law = DiffusedGaussianMixture.demo1d();
        SplittableRandom root = new SplittableRandom(23);
        DenoisingScoreModel learned = DenoisingScoreModel.fit(law.sample(2000, root.split()), 1, 150, 10, T0, T,
                0.5, 1.5, 1e-6, root.split());
        double[] heldOut = law.sample(20000, root.split());
        double exactLoss = DenoisingScoreModel.loss(law, heldOut, 50000, T0, T, new SplittableRandom(1));
        double learnedLoss = DenoisingScoreModel.loss(learned, heldOut, 50000, T0, T, new SplittableRandom(1));
        System.out.printf("held-out DSM loss: exact %.5f, learned %.5f (training %.5f)%n", exactLoss, learnedLoss,
                learned.trainingLoss());
        assertThat(learnedLoss).isGreaterThan(exactLoss);
        int n = 5000;
        double[] reference = law.sample(n, root.split());
        double exact = Diffusion.w2(ReverseDiffusion.sample(law, ReverseDiffusion.Form.SDE, n, T, T0, 200,
                new SplittableRandom(9)), reference, 1);
        double fitted = Diffusion.w2(ReverseDiffusion.sample(learned, ReverseDiffusion.Form.SDE, n, T, T0, 200,
                new SplittableRandom(9)), reference, 1);
        System.out.printf("W2 n = %d: exact %.4f, learned %.4f%n", n, exact, fitted);
    }
}
