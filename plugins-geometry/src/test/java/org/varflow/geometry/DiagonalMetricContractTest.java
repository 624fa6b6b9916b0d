package org.varflow.geometry;
import org.varflow.testkit.MetricContract;

import java.util.Map;
import org.varflow.api.Metric;
import org.varflow.api.Space;
import org.varflow.geometry.diagonal.DiagonalMetricFactory;
import org.varflow.geometry.testing.Spaces;

/** The existing diagonal metric meets the contract too. */
class DiagonalMetricContractTest extends MetricContract {
    @Override
    protected Metric metric() {
        return Spaces.metric(new DiagonalMetricFactory(), Map.of("k", "2,0.5,3"), space());
    }

    @Override
    protected Space space() {
        return Spaces.euclidean(1, -2, 0.5);
    }
}
