package org.varflow.noise.none;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.varflow.api.Metric;
import org.varflow.api.Noise;
import org.varflow.api.Parameters;
import org.varflow.api.RandomStream;
import org.varflow.noise.TestSpace;

class NoNoiseTest {

    @Test
    void addsNothingAndDrawsNothing() {
        Noise none = new NoNoiseFactory().create(Parameters.empty(), new TestSpace(2));
        assertThat(none).isSameAs(org.varflow.api.NoNoise.INSTANCE);
        RandomStream refusing = new RandomStream() {
            @Override
            public double nextGaussian() {
                throw new AssertionError("no random numbers expected");
            }

            @Override
            public double nextDouble() {
                throw new AssertionError("no random numbers expected");
            }
        };
        Metric metric = (x, v, out) -> {
            throw new AssertionError("the metric is not needed");
        };
        double[] out = {0.5, -1.5};
        none.addIncrement(new double[] {1, 2}, 0.1, 1.0, metric, refusing, new double[4], out);
        none.addDriftCorrection(new double[] {1, 2}, 1.0, metric, new double[4], out);
        assertThat(out).containsExactly(0.5, -1.5);
    }
}
