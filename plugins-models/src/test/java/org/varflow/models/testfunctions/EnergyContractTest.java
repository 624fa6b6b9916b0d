package org.varflow.models.testfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameters;
import org.varflow.testkit.Allocations;
import org.varflow.models.TestSpace;

/**
 * The contract every energy keeps: the gradient is the derivative of the value, the Hessian the derivative of the
 * gradient (both against central differences at seeded random points), the fused valueAndGradient agrees with the
 * separate methods, and value/gradient allocate nothing.
 *
 * <p>Tolerance of the finite-difference checks: central differences with step s have truncation error
 * s^2 |f'''| / 6 and rounding error about eps |f| / s. With s = 1e-5 max(1, |x_j|) and |x_j| &lt;= 2 that is at most
 * about 1e-7 relative for these polynomials (|f'''| &lt;= 24 a |x| for Rosenbrock), so 1e-6 times the scale of the
 * values compared leaves a margin of ten while catching any wrong factor or sign (errors of order the value itself).
 */
class EnergyContractTest {
    private static final int POINTS = 8;

    static Stream<Arguments> energies() {
        return Stream.of(
                Arguments.of(new QuadraticEnergyFactory(), Map.of(), 3),
                Arguments.of(new QuadraticEnergyFactory(), Map.of("diag", "1,4", "b", "1,1"), 2),
                Arguments.of(new QuadraticEnergyFactory(), Map.of("diag", "-2", "b", "0.5"), 4),
                Arguments.of(new QuadraticEnergyFactory(), Map.of("A", randomSymmetric(4, 11), "b", "1,-2,0.5,3"), 4),
                Arguments.of(new QuadraticEnergyFactory(), Map.of("A", randomSymmetric(1, 12)), 1),
                Arguments.of(new DoubleWellEnergyFactory(), Map.of(), 1),
                Arguments.of(new DoubleWellEnergyFactory(), Map.of("tilt", 0.3), 5),
                Arguments.of(new RosenbrockEnergyFactory(), Map.of(), 2),
                Arguments.of(new RosenbrockEnergyFactory(), Map.of(), 5),
                Arguments.of(new RosenbrockEnergyFactory(), Map.of("a", 1.0), 3));
    }

    @ParameterizedTest(name = "{0} {1} in R^{2}")
    @MethodSource("energies")
    void gradientIsTheDerivativeOfTheValue(EnergyFactory factory, Map<String, Object> raw, int d) {
        Energy energy = create(factory, raw, d);
        Random random = new Random(1000L + d);
        double[] g = new double[d];
        for (int p = 0; p < POINTS; p++) {
            double[] x = randomPoint(random, d);
            energy.gradient(x, g);
            double scale = Math.max(1.0, Math.max(Math.abs(energy.value(x)), maxAbs(g)));
            for (int j = 0; j < d; j++) {
                double s = 1e-5 * Math.max(1.0, Math.abs(x[j]));
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[j] += s;
                xm[j] -= s;
                double fd = (energy.value(xp) - energy.value(xm)) / (2 * s);
                assertThat(g[j]).as("dE/dx_%d at %s", j + 1, java.util.Arrays.toString(x))
                        .isCloseTo(fd, within(1e-6 * scale));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} in R^{2}")
    @MethodSource("energies")
    void hessianIsTheDerivativeOfTheGradientAndSymmetric(EnergyFactory factory, Map<String, Object> raw, int d) {
        Energy energy = create(factory, raw, d);
        Random random = new Random(2000L + d);
        double[] hess = new double[d * d];
        double[] gp = new double[d];
        double[] gm = new double[d];
        for (int p = 0; p < POINTS; p++) {
            double[] x = randomPoint(random, d);
            energy.hessian(x, hess);
            double scale = Math.max(1.0, maxAbs(hess));
            for (int j = 0; j < d; j++) {
                double s = 1e-5 * Math.max(1.0, Math.abs(x[j]));
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[j] += s;
                xm[j] -= s;
                energy.gradient(xp, gp);
                energy.gradient(xm, gm);
                for (int i = 0; i < d; i++) {
                    double fd = (gp[i] - gm[i]) / (2 * s);
                    assertThat(hess[i * d + j]).as("H(%d,%d) at %s", i + 1, j + 1, java.util.Arrays.toString(x))
                            .isCloseTo(fd, within(1e-6 * scale));
                    assertThat(hess[i * d + j]).isEqualTo(hess[j * d + i]);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} in R^{2}")
    @MethodSource("energies")
    void fusedValueAndGradientAgreesWithTheSeparateMethods(EnergyFactory factory, Map<String, Object> raw, int d) {
        Energy energy = create(factory, raw, d);
        Random random = new Random(3000L + d);
        double[] g = new double[d];
        double[] fused = new double[d];
        for (int p = 0; p < POINTS; p++) {
            double[] x = randomPoint(random, d);
            energy.gradient(x, g);
            double e = energy.valueAndGradient(x, fused);
            double value = energy.value(x);
            assertThat(e).isCloseTo(value, within(1e-12 * Math.max(1.0, Math.abs(value))));
            for (int i = 0; i < d; i++) {
                assertThat(fused[i]).isCloseTo(g[i], within(1e-12 * Math.max(1.0, Math.abs(g[i]))));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} in R^{2}")
    @MethodSource("energies")
    void valueAndGradientAllocateNothing(EnergyFactory factory, Map<String, Object> raw, int d) {
        Energy energy = create(factory, raw, d);
        double[] x = randomPoint(new Random(4000L + d), d);
        double[] g = new double[d];
        double[] sink = new double[1];
        int calls = 20_000;
        long bytes = Allocations.bytesAllocatedBy(() -> {
            for (int k = 0; k < calls; k++) {
                sink[0] += energy.value(x);
                energy.gradient(x, g);
                sink[0] += energy.valueAndGradient(x, g);
            }
        });
        // a single allocation per call would be >= 16 bytes * 3 * calls; allow some slack for the JVM itself
        assertThat(bytes).as("bytes allocated by %d calls", 3 * calls).isLessThan(16_384L);
    }

    static Energy create(EnergyFactory factory, Map<String, Object> raw, int d) {
        return factory.create(Parameters.resolve("energy '" + factory.id() + "'", factory.parameters(), raw),
                new TestSpace(d));
    }

    /** A random symmetric matrix (entries in [-2, 2], indefinite in general) in the command-line syntax. */
    static String randomSymmetric(int d, long seed) {
        Random random = new Random(seed);
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = 4 * random.nextDouble() - 2;
                a[j][i] = a[i][j];
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                text.append(a[i][j]).append(j < d - 1 ? "," : "");
            }
            text.append(i < d - 1 ? ";" : "");
        }
        return text.toString();
    }

    private static double[] randomPoint(Random random, int d) {
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = 4 * random.nextDouble() - 2;
        }
        return x;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }
}
