package org.varflow.generative;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiffusionDemoTest {

    /**
     * The demo entry point in 2-D (fixed seed; 1-D is covered by {@link DiffusionTest}): every sampler lands near the
     * data law (the baseline, W2 of two data samples of size 1000, is 0.28 here).
     */
    @Test
    void demoEntryPoint() {
        for (int d = 2; d <= 2; d++) {
            long start = System.nanoTime();
            Diffusion.Result r = Diffusion.demo(d, 11);
            System.out.printf("demo %d-D (%.1f s): %s%n", d, (System.nanoTime() - start) / 1e9, r);
            double limit = 0.45;
            assertThat(r.w2ExactSde()).isLessThan(limit);
            assertThat(r.w2ExactOde()).isLessThan(limit);
            assertThat(r.w2LearnedSde()).isLessThan(limit);
            assertThat(r.w2LearnedOde()).isLessThan(limit);
            assertThat(r.w2Baseline()).isLessThan(limit);
        }
    }

    @Test
    void badDimensionIsNamed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Diffusion.demo(3, 1))
                .hasMessageContaining("dimension = 3").hasMessageContaining("expected 1 or 2");
    }
}
