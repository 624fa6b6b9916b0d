package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What {@code explain} tells a student about measure-valued presets: how many particles the law is made of, a JKO
 * step that agrees with the scheme's own formula and does not claim convexity the double well lacks, and that SVGD's
 * 'euler-maruyama' draws no random numbers.
 */
class ExplainTextTest {
    @Test
    void anEnsembleIsCountedByItsParticles() {
        CliRunner jko = CliRunner.run("explain", "jko");
        assertThat(jko.code()).isZero();
        assertThat(jko.out()).contains("an ensemble of 400 particles held as one state").doesNotContain("1 particle,");
        CliRunner langevin = CliRunner.run("explain", "langevin");
        assertThat(langevin.out()).contains("10000 particles, seed");
    }

    @Test
    void theJkoStepIsStatedOnceAndWithoutAFalseConvexity() {
        String out = CliRunner.run("explain", "jko").out();
        assertThat(out).doesNotContain("(convex V)").contains("V'' >= -1 and h = 0.05");
        // the preset's equation and the scheme's formula give the same, extensive, entropy term
        assertThat(out.split("S = M sum_j Delta_j U\\(mu/Delta_j\\)", -1)).hasSize(3);
    }

    @Test
    void svgdSaysItsSchemeDrawsNoRandomNumbers() {
        String out = CliRunner.run("explain", "svgd").out();
        assertThat(out).contains("euler-maruyama", "no random numbers", "explicit Euler");
    }
}
