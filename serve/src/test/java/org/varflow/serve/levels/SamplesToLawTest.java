package org.varflow.serve.levels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.varflow.ot.Wasserstein1D;

class SamplesToLawTest {
    private static float[] uniformCells(int n) {
        float[] rho = new float[n];
        java.util.Arrays.fill(rho, 1f); // density 1 on [0, 1]
        return rho;
    }

    @Test
    void midQuantileParticlesAgainstTheUniformLaw() {
        // W2^2 = n * integral over a cell of width 1/n of (u - centre)^2 du = 1 / (12 n^2)
        for (int n : new int[] {1, 3, 10, 1000}) {
            float[] x = new float[n];
            for (int k = 0; k < n; k++) {
                x[k] = (float) ((k + 0.5) / n);
            }
            double exact = 1 / (Math.sqrt(12) * n);
            assertThat(SamplesToLaw.w2(x, 0, 1.0 / 64, uniformCells(64))).isCloseTo(exact, within(1e-6 * exact + 1e-7));
        }
    }

    @Test
    void oneAtomAgainstTheUniformLaw() {
        // W2^2 = integral_0^1 (c - u)^2 du = c^2 - c + 1/3
        for (double c : new double[] {-1, 0, 0.25, 0.5, 2}) {
            double exact = Math.sqrt(c * c - c + 1.0 / 3);
            assertThat(SamplesToLaw.w2(new float[] {(float) c}, 0, 0.1, uniformCells(10))).isCloseTo(exact,
                    within(1e-6));
        }
    }

    @Test
    void agreesWithTheOtToolkitOnAFinelySampledDensity() {
        // a two-bump density on [-3, 3]; the density's own quantile atoms at fine resolution stand in for it
        int cells = 120;
        double lower = -3;
        double dx = 6.0 / cells;
        float[] rho = new float[cells];
        double mass = 0;
        for (int i = 0; i < cells; i++) {
            double c = lower + (i + 0.5) * dx;
            rho[i] = (float) (Math.exp(-2 * (c - 1) * (c - 1)) + 0.5 * Math.exp(-4 * (c + 1.2) * (c + 1.2)));
            mass += rho[i] * dx;
        }
        int fine = 200_000; // quantiles of the piecewise-constant density, one per 1/fine of mass
        double[] atoms = new double[fine];
        int cell = 0;
        double below = 0;
        for (int k = 0; k < fine; k++) {
            double u = (k + 0.5) / fine * mass;
            while (below + rho[cell] * dx < u) {
                below += rho[cell] * dx;
                cell++;
            }
            atoms[k] = lower + cell * dx + (u - below) / rho[cell];
        }
        java.util.Random random = new java.util.Random(3);
        float[] samples = new float[500];
        double[] same = new double[500];
        for (int p = 0; p < samples.length; p++) {
            samples[p] = (float) (random.nextGaussian() * 0.7 + 0.4);
            same[p] = samples[p];
        }
        assertThat(SamplesToLaw.w2(samples, lower, dx, rho)).isCloseTo(Wasserstein1D.w2(same, atoms), within(1e-4));
    }
}
