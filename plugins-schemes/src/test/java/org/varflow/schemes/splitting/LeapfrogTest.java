package org.varflow.schemes.splitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.Flow;
import org.varflow.api.Scheme;
import org.varflow.api.StepContext;
import org.varflow.geometry.symplectic.Mechanics;
import org.varflow.geometry.symplectic.PhaseGradientMetricFactory;
import org.varflow.geometry.symplectic.PhaseSpace;
import org.varflow.geometry.symplectic.SymplecticMetricFactory;
import org.varflow.geometry.symplectic.UnderdampedMetricFactory;

/**
 * Leapfrog on the harmonic oscillator H = (q^2 + p^2)/2 (and on a coupled anharmonic H for the geometric
 * properties), stepped directly.
 *
 * <p>On the oscillator leapfrog conserves H~ = p^2/2 + (1 - h^2/4) q^2/2 exactly, so H_k - H_0 = (h^2/8)(q_k^2 -
 * q_0^2):
 * from (1, 0) the energy error lies in [-h^2/8, 0] for every k, and reaches -h^2/8 (up to (h/2)^2 relative) whenever
 * the orbit crosses q = 0. That is the O(h^2), bounded, non-drifting error checked below.
 */
class LeapfrogTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.05})
    void energyErrorIsOhSquaredAndBoundedOverTenToTheFiveSteps(double h) {
        Flow flow = oscillatorFlow(new double[] {1}, new double[] {0});
        Scheme.Stepper stepper = Mechanics.stepper(new LeapfrogFactory(), flow);
        Energy energy = flow.energy();
        double[] x = flow.space().initialState();
        double h0 = energy.value(x);
        int steps = 100_000;
        double firstWindow = 0;
        double lastWindow = 0;
        double worst = 0;
        for (int k = 1; k <= steps; k++) {
            stepper.step(x, new double[0], StepContext.of(k, k * h, h), Mechanics.noRandomness());
            double error = energy.value(x) - h0;
            // H_k - H_0 = (h^2/8)(q_k^2 - 1), exactly up to rounding (1e-12 after 1e5 steps)
            assertThat(error).isCloseTo(h * h / 8 * (x[0] * x[0] - 1), within(1e-12));
            worst = Math.max(worst, Math.abs(error));
            if (k <= 10_000) {
                firstWindow = Math.max(firstWindow, Math.abs(error));
            } else if (k > steps - 10_000) {
                lastWindow = Math.max(lastWindow, Math.abs(error));
            }
        }
        double bound = h * h / 8;
        assertThat(worst).isLessThanOrEqualTo(bound + 1e-12);
        // attained, so the error really is of order h^2 (within the phase sampling, (h/2)^2 relative)
        assertThat(worst).isGreaterThan(bound * (1 - h * h));
        // bounded, no drift: the last 10^4 steps are no worse than the first 10^4
        assertThat(lastWindow).isCloseTo(firstWindow, within(1e-3 * bound));
    }

    @Test
    void globalErrorIsSecondOrder() {
        // exact solution from (1, 0): q = cos t, p = -sin t; error at t = 1 for h and h/2
        double[] errors = new double[3];
        double[] hs = {0.1, 0.05, 0.025};
        for (int i = 0; i < 3; i++) {
            Flow flow = oscillatorFlow(new double[] {1}, new double[] {0});
            Scheme.Stepper stepper = Mechanics.stepper(new LeapfrogFactory(), flow);
            double[] x = flow.space().initialState();
            int steps = (int) Math.round(1 / hs[i]);
            for (int k = 0; k < steps; k++) {
                stepper.step(x, new double[0], StepContext.of(k, k * hs[i], hs[i]), Mechanics.noRandomness());
            }
            errors[i] = Math.hypot(x[0] - Math.cos(1), x[1] + Math.sin(1));
        }
        assertThat(errors[0] / errors[1]).isCloseTo(4.0, within(0.1));
        assertThat(errors[1] / errors[2]).isCloseTo(4.0, within(0.05));
    }

    @Test
    void isTimeReversible() {
        Flow flow = anharmonicFlow();
        Scheme.Stepper stepper = Mechanics.stepper(new LeapfrogFactory(), flow);
        double[] x = flow.space().initialState();
        double[] start = x.clone();
        double h = 0.05;
        for (int k = 0; k < 2000; k++) {
            stepper.step(x, new double[0], StepContext.of(k, k * h, h), Mechanics.noRandomness());
        }
        assertThat(Math.abs(x[0] - start[0]) + Math.abs(x[1] - start[1])).as("it moved").isGreaterThan(0.1);
        flipMomenta(x);
        for (int k = 0; k < 2000; k++) {
            stepper.step(x, new double[0], StepContext.of(k, k * h, h), Mechanics.noRandomness());
        }
        flipMomenta(x);
        // back to the start up to rounding accumulated over 4000 steps
        for (int i = 0; i < 4; i++) {
            assertThat(x[i]).as("coordinate %d", i).isCloseTo(start[i], within(1e-10));
        }
    }

    @Test
    void isSymplecticSoAreaPreserving() {
        // M = d(step)/dx by central differences (step 1e-5: truncation ~1e-10, rounding ~1e-11)
        Flow flow = anharmonicFlow();
        Scheme.Stepper stepper = Mechanics.stepper(new LeapfrogFactory(), flow);
        double h = 0.3;
        double[] x0 = {0.8, -0.5, 0.6, 1.2};
        double[][] m = new double[4][4];
        double eps = 1e-5;
        for (int c = 0; c < 4; c++) {
            double[] plus = x0.clone();
            double[] minus = x0.clone();
            plus[c] += eps;
            minus[c] -= eps;
            stepper.step(plus, new double[0], StepContext.of(0, 0, h), Mechanics.noRandomness());
            stepper.step(minus, new double[0], StepContext.of(0, 0, h), Mechanics.noRandomness());
            for (int r = 0; r < 4; r++) {
                m[r][c] = (plus[r] - minus[r]) / (2 * eps);
            }
        }
        assertThat(determinant(m)).isCloseTo(1.0, within(1e-8));
        // M^T J M = J
        double[][] j = {{0, 0, 1, 0}, {0, 0, 0, 1}, {-1, 0, 0, 0}, {0, -1, 0, 0}};
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                double s = 0;
                for (int a = 0; a < 4; a++) {
                    for (int b = 0; b < 4; b++) {
                        s += m[a][r] * j[a][b] * m[b][c];
                    }
                }
                assertThat(s).as("(M^T J M)[%d][%d]", r, c).isCloseTo(j[r][c], within(1e-8));
            }
        }
    }

    @Test
    void refusesMetricsWithFrictionOrWithoutJ() {
        PhaseSpace space = Mechanics.space(new double[] {1}, new double[] {0}, 1.0);
        assertThat(new LeapfrogFactory().requires()).containsExactly(SplittingSchemes.CONSERVATIVE);
        Flow damped = Mechanics.flow(space, Mechanics.metric(new UnderdampedMetricFactory(), space, Map.of()),
                Mechanics.oscillator(1), Double.POSITIVE_INFINITY);
        assertThat(SplittingSchemes.CONSERVATIVE.isMetBy(damped.metric())).isFalse();
        assertThatThrownBy(() -> new LeapfrogFactory().create(org.varflow.api.Parameters.empty(), damped))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("metric 'symplectic'")
                .hasMessageContaining("'baoab'");
        Flow gradient = Mechanics.flow(space, Mechanics.metric(new PhaseGradientMetricFactory(), space, Map.of()),
                Mechanics.oscillator(1), Double.POSITIVE_INFINITY);
        assertThat(SplittingSchemes.CONSERVATIVE.isMetBy(gradient.metric())).isFalse();
        Flow conservative = Mechanics.flow(space, Mechanics.metric(new SymplecticMetricFactory(), space, Map.of()),
                Mechanics.oscillator(1), Double.POSITIVE_INFINITY);
        assertThat(SplittingSchemes.CONSERVATIVE.isMetBy(conservative.metric())).isTrue();
    }

    @Test
    void stepAllocatesNothing() {
        Flow flow = anharmonicFlow();
        Scheme.Stepper stepper = Mechanics.stepper(new LeapfrogFactory(), flow);
        double[] x = flow.space().initialState();
        double[] aux = new double[0];
        org.varflow.api.RandomStream none = Mechanics.noRandomness();
        org.varflow.testkit.StepCursor cursor = new org.varflow.testkit.StepCursor(0.01);
        long bytes = Mechanics.bytesAllocatedBy(() -> {
            for (int k = 0; k < 20_000; k++) {
                stepper.step(x, aux, cursor.moveTo(0), none);
            }
        });
        assertThat(bytes).isLessThan(16_384L);
    }

    static Flow oscillatorFlow(double[] q0, double[] p0) {
        PhaseSpace space = Mechanics.space(q0, p0, 1.0);
        return Mechanics.flow(space, Mechanics.metric(new SymplecticMetricFactory(), space, Map.of()),
                Mechanics.oscillator(1), Double.POSITIVE_INFINITY);
    }

    private static Flow anharmonicFlow() {
        PhaseSpace space = Mechanics.space(new double[] {0.9, -0.3}, new double[] {0.5, 0.8}, 1.5);
        return Mechanics.flow(space, Mechanics.metric(new SymplecticMetricFactory(), space, Map.of()),
                Mechanics.anharmonic(), Double.POSITIVE_INFINITY);
    }

    private static void flipMomenta(double[] x) {
        int n = x.length / 2;
        for (int i = n; i < 2 * n; i++) {
            x[i] = -x[i];
        }
    }

    /** Determinant by Gaussian elimination with partial pivoting. */
    private static double determinant(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        double det = 1;
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            if (p != c) {
                double[] t = m[p];
                m[p] = m[c];
                m[c] = t;
                det = -det;
            }
            det *= m[c][c];
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k < n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        return det;
    }
}
