package org.varflow.schemes.splitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Flow;
import org.varflow.api.Parameters;
import org.varflow.api.Scheme;
import org.varflow.api.StepContext;
import org.varflow.geometry.symplectic.Mechanics;
import org.varflow.geometry.symplectic.PhaseGradientMetricFactory;
import org.varflow.geometry.symplectic.PhaseSpace;
import org.varflow.geometry.symplectic.SymplecticMetricFactory;
import org.varflow.geometry.symplectic.UnderdampedMetricFactory;

/** BAOAB's deterministic limits (heavy ball at T = 0, leapfrog at gamma = 0) and its contract, stepped directly. */
class BaoabTest {

    @Test
    void atZeroTemperatureItIsPolyaksHeavyBall() {
        // q_{k+1} = q_k - alpha dE(q_k) + mu (q_k - q_{k-1}), alpha = h^2 (1 + c) / 2m, mu = c = exp(-gamma h)
        double gamma = 0.7;
        double h = 0.15;
        double mass = 1.3;
        PhaseSpace space = Mechanics.space(new double[] {0.9, -0.3}, new double[] {0.2, 0.4}, mass);
        Flow flow = Mechanics.flow(space, Mechanics.metric(new UnderdampedMetricFactory(), space,
                Map.of("friction", gamma)), Mechanics.anharmonic(), Double.POSITIVE_INFINITY);
        assertThat(flow.isDeterministic()).isTrue();
        Scheme.Stepper stepper = Mechanics.stepper(new BaoabFactory(), flow);
        double c = Math.exp(-gamma * h);
        double alpha = h * h * (1 + c) / (2 * mass);
        double[] x = flow.space().initialState();
        double[] previous = {x[0], x[1]};
        stepper.step(x, new double[0], StepContext.of(0, 0, h), Mechanics.noRandomness());
        double[] current = {x[0], x[1]};
        double[] g = new double[2];
        for (int k = 1; k < 200; k++) {
            Mechanics.anharmonic().gradient(current, g);
            double[] next = new double[2];
            for (int i = 0; i < 2; i++) {
                next[i] = current[i] - alpha * g[i] + c * (current[i] - previous[i]);
            }
            stepper.step(x, new double[0], StepContext.of(k, k * h, h), Mechanics.noRandomness());
            for (int i = 0; i < 2; i++) {
                assertThat(x[i]).as("q_%d at step %d", i + 1, k + 1).isCloseTo(next[i], within(1e-12));
            }
            previous = current;
            current = next;
        }
    }

    @Test
    void withoutFrictionItIsLeapfrogAndDrawsNothing() {
        PhaseSpace space = Mechanics.space(new double[] {0.9, -0.3}, new double[] {0.5, 0.8}, 1.5);
        Flow hot = Mechanics.flow(space, Mechanics.metric(new SymplecticMetricFactory(), space, Map.of()),
                Mechanics.anharmonic(), 2.0);
        assertThat(hot.isDeterministic()).isFalse();
        Scheme.Stepper baoab = Mechanics.stepper(new BaoabFactory(), hot);
        Scheme.Stepper leapfrog = Mechanics.stepper(new LeapfrogFactory(), hot);
        double[] a = space.initialState();
        double[] b = space.initialState();
        for (int k = 0; k < 500; k++) {
            baoab.step(a, new double[0], StepContext.of(k, k * 0.05, 0.05), Mechanics.noRandomness());
            leapfrog.step(b, new double[0], StepContext.of(k, k * 0.05, 0.05), Mechanics.noRandomness());
        }
        for (int i = 0; i < 4; i++) {
            assertThat(a[i]).isCloseTo(b[i], within(1e-12));
        }
    }

    @Test
    void momentumNoiseHasTheExactOrnsteinUhlenbeckVariance() {
        // E = 0 (free particle): B and A do not touch p, so after one step p = c p0 + sqrt((1 - c^2) m T) xi
        PhaseSpace space = Mechanics.space(new double[] {0}, new double[] {2.0}, 3.0);
        double gamma = 2.0;
        double h = 0.4;
        double beta = 0.5;
        org.varflow.api.Energy free = new org.varflow.api.Energy() {
            @Override
            public double value(double[] q) {
                return 0;
            }

            @Override
            public void gradient(double[] q, double[] out) {
                out[0] = 0;
            }
        };
        Flow flow = Mechanics.flow(space, Mechanics.metric(new UnderdampedMetricFactory(), space,
                Map.of("friction", gamma)), free, beta);
        Scheme.Stepper stepper = Mechanics.stepper(new BaoabFactory(), flow);
        int n = 100_000;
        double sum = 0;
        double squares = 0;
        org.varflow.api.RandomStream rng = Mechanics.random(3);
        for (int k = 0; k < n; k++) {
            double[] x = space.initialState();
            stepper.step(x, new double[0], StepContext.of(0, 0, h), rng);
            sum += x[1];
            squares += x[1] * x[1];
        }
        double c = Math.exp(-gamma * h);
        double variance = (1 - c * c) * 3.0 / beta;
        double mean = sum / n;
        double sampleVariance = (squares - n * mean * mean) / (n - 1);
        // 5 standard errors: sqrt(v / n) for the mean, v sqrt(2 / (n - 1)) for the variance
        assertThat(mean).isCloseTo(c * 2.0, within(5 * Math.sqrt(variance / n)));
        assertThat(sampleVariance).isCloseTo(variance, within(5 * variance * Math.sqrt(2.0 / (n - 1))));
    }

    @Test
    void refusesTheGradientMetric() {
        PhaseSpace space = Mechanics.space(new double[] {1}, new double[] {0}, 1.0);
        Flow gradient = Mechanics.flow(space, Mechanics.metric(new PhaseGradientMetricFactory(), space, Map.of()),
                Mechanics.oscillator(1), 1.0);
        assertThat(new BaoabFactory().requires()).containsExactly(SplittingSchemes.DAMPED);
        assertThat(SplittingSchemes.DAMPED.isMetBy(gradient.metric())).isFalse();
        assertThatThrownBy(() -> new BaoabFactory().create(Parameters.empty(), gradient))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'symplectic' or 'underdamped'");
    }

    @Test
    void stepAllocatesNothing() {
        PhaseSpace space = Mechanics.space(new double[] {0.9, -0.3}, new double[] {0.5, 0.8}, 1.5);
        Flow flow = Mechanics.flow(space, Mechanics.metric(new UnderdampedMetricFactory(), space, Map.of()),
                Mechanics.anharmonic(), 1.0);
        Scheme.Stepper stepper = Mechanics.stepper(new BaoabFactory(), flow);
        double[] x = space.initialState();
        org.varflow.api.RandomStream rng = Mechanics.random(1);
        double[] aux = new double[0];
        org.varflow.testkit.StepCursor cursor = new org.varflow.testkit.StepCursor(0.01);
        long bytes = Mechanics.bytesAllocatedBy(() -> {
            for (int k = 0; k < 20_000; k++) {
                stepper.step(x, aux, cursor.moveTo(0), rng);
            }
        });
        assertThat(bytes).isLessThan(16_384L);
    }
}
