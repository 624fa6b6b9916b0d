package org.varflow.examples;

import java.util.Map;
import org.varflow.api.Metric;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.testkit.MetricContract;

/**
 * The check kit on the user's metric: symmetric, positive, S S^T = K, div K by differences, retraction, no allocation.
 */
// tag::contract[]
class SoftWallsContractTest extends MetricContract {
    private static final Space PLANE = new Space() {
        @Override
        public String kind() {
            return EUCLIDEAN;
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double[] initialState() {
            return new double[] {0.3, -1.2};
        }
    };

    @Override
    protected Metric metric() {
        SoftWalls factory = new SoftWalls();
        return factory.create(Parameters.resolve("metric 'soft-walls'", factory.parameters(), Map.of()), PLANE);
    }

    @Override
    protected Space space() {
        return PLANE;
    }
}
// end::contract[]
