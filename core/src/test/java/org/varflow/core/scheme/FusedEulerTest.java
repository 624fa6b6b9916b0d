package org.varflow.core.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.varflow.api.ConstantMetric;
import org.varflow.api.Energy;
import org.varflow.api.FlatMetric;
import org.varflow.api.StepContext;
import org.varflow.api.ThermalNoise;
import org.varflow.api.Entropy;
import org.varflow.api.Flow;
import org.varflow.api.Metric;
import org.varflow.api.Noise;
import org.varflow.api.RandomStream;
import org.varflow.api.Space;
import org.varflow.core.euclidean.EuclideanMetricFactory.EuclideanMetric;
import org.varflow.core.random.BlockStreams;

/**
 * The fused Euler-Maruyama loop for the flat metric with thermal noise (a FlatMetric and a ThermalNoise) is an
 * optimisation only: the same states, bit for bit, as the general path through raise, sqrtRaise and retract.
 */
class FusedEulerTest {
    /** A non-separable quadratic E = x^T A x / 2 - b^T x in R^3. */
    static final Energy ENERGY = new Energy() {
        @Override
        public double value(double[] x) {
            return 0.5 * (2 * x[0] * x[0] + x[1] * x[1] + 3 * x[2] * x[2] + 2 * x[0] * x[1]) - x[2];
        }

        @Override
        public void gradient(double[] x, double[] out) {
            out[0] = 2 * x[0] + x[1];
            out[1] = x[1] + x[0];
            out[2] = 3 * x[2] - 1;
        }
    };

    static final Space SPACE = new Space() {
        @Override
        public String kind() {
            return Space.EUCLIDEAN;
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public double[] initialState() {
            return new double[] {1, -0.5, 0.25};
        }
    };

    /** Thermal noise: the increment and correction are ThermalNoise's defaults. */
    static final Noise THERMAL = new ThermalNoise() {
    };

    /** The flat metric that is not a FlatMetric: forces the general path. */
    static final Metric FLAT = new ConstantMetric() {
        @Override
        public void raise(double[] x, double[] covector, double[] out) {
            System.arraycopy(covector, 0, out, 0, covector.length);
        }

        @Override
        public void sqrtRaise(double[] x, double[] xi, double[] out) {
            System.arraycopy(xi, 0, out, 0, xi.length);
        }
    };

    static double[] run(Metric metric, double beta) {
        Entropy entropy = () -> beta;
        Flow flow = new Flow(SPACE, metric, ENERGY, entropy, THERMAL);
        EulerFactory.EulerStepper stepper = new EulerFactory.EulerStepper(flow, true);
        RandomStream rng = BlockStreams.forBlock(42, 0);
        double[] x = SPACE.initialState();
        for (int k = 0; k < 500; k++) {
            stepper.step(x, new double[0], StepContext.of(k, k * 0.01, 0.01), rng);
        }
        return x;
    }

    @Test
    void fusedAndGeneralPathsAgreeBitForBit() {
        for (double beta : new double[] {0.5, 1, Double.POSITIVE_INFINITY}) {
            assertThat(run(EuclideanMetric.INSTANCE, beta)).as("beta = %s", beta).containsExactly(run(FLAT, beta));
        }
        assertThat(EuclideanMetric.INSTANCE).isInstanceOf(FlatMetric.class);
        assertThat(FLAT).isNotInstanceOf(FlatMetric.class);
    }
}
