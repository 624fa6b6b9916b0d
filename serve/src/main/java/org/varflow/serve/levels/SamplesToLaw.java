package org.varflow.serve.levels;

import java.util.Arrays;

/**
 * The exact W2 distance on the line between the empirical law of particles (1/N) sum delta_{x_p} and a density that
 * is constant on each cell of a grid (rho_i on [a + i dx, a + (i + 1) dx)), by the quantile formula
 *
 * <pre>
 *   W2^2 = integral_0^1 (F^-1(u) - G^-1(u))^2 du
 * </pre>
 *
 * F^-1 is a step function (the sorted particles, each of mass 1/N), G^-1 is linear on each cell's mass interval
 * (slope dx / m_i, m_i = rho_i dx normalised to total mass 1). On each piece of the merged partition of [0, 1] the
 * difference is A + B s, whose square integrates exactly to A^2 L + A B L^2 + B^2 L^3 / 3. O(N log N + n).
 */
public final class SamplesToLaw {
    private SamplesToLaw() {
    }

    /** W2 between {@code samples} and the density {@code rho} on the cells of [lower, lower + cells dx]. */
    public static double w2(float[] samples, double lower, double dx, float[] rho) {
        int n = samples.length;
        if (n == 0 || rho.length == 0) {
            throw new IllegalArgumentException("W2 needs at least one particle and one cell");
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = samples[i];
        }
        Arrays.sort(x);
        double mass = 0;
        for (float r : rho) {
            mass += Math.max(0, r) * dx;
        }
        if (!(mass > 0)) {
            throw new IllegalArgumentException("the density has no mass");
        }
        double atom = 1.0 / n;
        int i = 0; // particle
        int j = 0; // cell
        double usedA = 0; // mass of particle i already matched
        double usedC = 0; // mass of cell j already matched
        double sum = 0;
        while (i < n && j < rho.length) {
            double m = Math.max(0, rho[j]) * dx / mass;
            if (m == 0) {
                j++;
                usedC = 0;
                continue;
            }
            double restA = atom - usedA;
            double restC = m - usedC;
            double len = Math.min(restA, restC);
            double slope = dx / m;
            double start = lower + j * dx + slope * usedC; // G^-1 at the start of this piece
            double a = x[i] - start;
            double b = -slope; // difference F^-1 - G^-1 = a + b s on [0, len)
            sum += a * a * len + a * b * len * len + b * b * len * len * len / 3;
            if (restA <= restC) {
                i++;
                usedA = 0;
                usedC += len;
                if (restA == restC) {
                    j++;
                    usedC = 0;
                }
            } else {
                j++;
                usedC = 0;
                usedA += len;
            }
        }
        return Math.sqrt(Math.max(0, sum));
    }
}
