package org.varflow.api.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.api.Parameters;
import org.varflow.api.RandomStream;

/** Starting laws against their closed forms, and the parameters they are read from. */
class StartingLawTest {
    @TempDir
    Path dir;

    static StartingLaw read(int d, double[] x0, Object... pairs) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            raw.put((String) pairs[i], pairs[i + 1]);
        }
        Parameters p = Parameters.resolve("space 'test'", InitParameters.forPoints(), raw);
        return InitParameters.readPoints("space 'test'", p, d, x0);
    }

    /** N(m, S) in 2-D: (2 pi)^-1 det(S)^-1/2 exp(-(x - m)^T S^-1 (x - m) / 2) by the explicit 2 x 2 inverse. */
    @Test
    void aFullCovarianceGaussianHasItsDensityAndMoments() {
        StartingLaw law = read(2, new double[] {1, -2}, "init", "gaussian", "covariance", "1,0.6;0.6,0.5");
        assertThat(law.mean()).containsExactly(1, -2);
        double det = 1 * 0.5 - 0.36;
        double[] x = {0.3, -1.1};
        double u = x[0] - 1;
        double v = x[1] + 2;
        double q = (0.5 * u * u - 2 * 0.6 * u * v + 1 * v * v) / det;
        assertThat(law.density(x)).isCloseTo(Math.exp(-q / 2) / (2 * Math.PI * Math.sqrt(det)), within(1e-14));
        double mass = 0;
        for (double a = -6; a < 8; a += 0.02) {
            for (double b = -7; b < 3; b += 0.02) {
                mass += law.density(new double[] {a + 0.01, b + 0.01}) * 4e-4;
            }
        }
        assertThat(mass).isCloseTo(1, within(1e-6));
        RandomStream rng = StartingLaw.stream(new SplittableRandom(4));
        int n = 50_000;
        double sab = 0;
        double[] out = new double[2];
        for (int i = 0; i < n; i++) {
            law.draw(i, n, rng, out);
            sab += (out[0] - 1) * (out[1] + 2) / n;
        }
        assertThat(sab).isCloseTo(0.6, within(5 * Math.sqrt((0.5 + 0.36) / n)));
        assertThat(((StartingLaw.Gaussian) law).covariance()).containsExactly(new double[] {1, 0.6, 0.6, 0.5},
                within(1e-15));
    }

    @Test
    void diagonalCovarianceAndStdAreTheSameLaw() {
        StartingLaw a = read(2, new double[] {0, 0}, "init", "gaussian", "covariance", "4,0.25");
        StartingLaw b = read(2, new double[] {0, 0}, "init", "gaussian", "std", "2,0.5");
        StartingLaw c = read(2, new double[] {0, 0}, "init", "gaussian", "covariance", "4,0;0,0.25");
        for (double[] x : new double[][] {{0.1, 0.2}, {-3, 1}}) {
            assertThat(a.density(x)).isEqualTo(b.density(x)).isCloseTo(c.density(x), within(1e-15));
        }
    }

    @Test
    void aUniformBoxHasItsDensityAndQuantiles() {
        StartingLaw box = read(1, new double[] {0}, "init", "uniform", "box", "-1,3");
        assertThat(box.density(new double[] {0})).isCloseTo(0.25, within(1e-15));
        assertThat(box.density(new double[] {3.5})).isZero();
        assertThat(box.quantile(0.25, 10)).isCloseTo(0, within(1e-15));
        assertThat(box.cdf(2)).isCloseTo(0.75, within(1e-15));
        StartingLaw gaussian = read(1, new double[] {2}, "init", "gaussian", "std", "0.5");
        assertThat(gaussian.quantile(0.975, 20)).isCloseTo(2 + 0.5 * 1.959963984540054, within(1e-12));
    }

    @Test
    void samplesAreTakenInOrderOrResampled() throws Exception {
        Path file = dir.resolve("p.csv");
        Files.writeString(file, "# three points\n1,2\n3,4\n5,6\n");
        StartingLaw law = read(2, null, "init", "samples", "file", file.toString());
        assertThat(law.mean()).containsExactly(3, 4);
        double[] out = new double[2];
        law.draw(1, 3, null, out);
        assertThat(out).containsExactly(3, 4);
        RandomStream rng = StartingLaw.stream(new SplittableRandom(1));
        int[] counts = new int[3];
        for (int i = 0; i < 3000; i++) {
            law.draw(i, 3000, rng, out);
            counts[(int) (out[0] - 1) / 2]++;
        }
        for (int c : counts) {
            assertThat(Math.abs(c - 1000.0)).isLessThan(5 * Math.sqrt(1000 * 2.0 / 3));
        }
    }

    @Test
    void badParametersAreRefusedByName() throws Exception {
        assertThatThrownBy(() -> read(2, null, "init", "gaussian", "covariance", "1,0.5;0.4,1"))
                .hasMessageContaining("parameter 'covariance' is not symmetric: entry (2, 1) = 0.4 but (1, 2) = 0.5");
        assertThatThrownBy(() -> read(2, null, "init", "gaussian", "covariance", "-1"))
                .hasMessageContaining("parameter 'covariance' = -1 is not valid; a variance is > 0");
        assertThatThrownBy(() -> read(2, null, "init", "uniform", "box", "0,1,2"))
                .hasMessageContaining("parameter 'box' is 1 x 3");
        assertThatThrownBy(() -> read(2, null, "init", "bimodal", "std", "1"))
                .hasMessageContaining("init bimodal needs 'offset'");
        assertThatThrownBy(() -> read(2, null, "init", "gaussian", "std", "1,0"))
                .hasMessageContaining("parameter 'std' = 0 (axis 2) is not valid");
        assertThatThrownBy(() -> read(2, null, "init", "point", "covariance", "1"))
                .hasMessageContaining("parameter 'covariance' applies to init=gaussian, but init is point");
        Path file = dir.resolve("three.csv");
        Files.writeString(file, "a,b,c\n1,2,3\n");
        assertThatThrownBy(() -> read(2, null, "init", "samples", "file", file.toString()))
                .hasMessageContaining("has 3 columns [a, b, c] but the points have dimension 2");
        assertThatThrownBy(() -> read(2, null, "init", "normal"))
                .hasMessageContaining("parameter 'init' = 'normal' is not valid; expected one of [point, gaussian,");
    }
}
