package org.varflow.measures.svgd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.varflow.api.Metric;
import org.varflow.api.PartKind;
import org.varflow.api.Space;
import org.varflow.measures.MeasureRuns;
import org.varflow.measures.particles.EnsembleSpace;
import org.varflow.testkit.MetricContract;

/**
 * The Stein operator with a fixed bandwidth (12 particles in R^2) passes the metric contract: K symmetric positive
 * definite, S S^T = K from the Cholesky factor, div K equal to central differences of K, no allocation.
 */
class SteinMetricContractTest extends MetricContract {
    private final Space space = MeasureRuns.VARFLOW.assemble(SvgdTest.svgd(12, 1)).flow().space();
    private final Metric metric = MeasureRuns.VARFLOW.assemble(SvgdTest.svgd(12, 1)
            .withParam(PartKind.METRIC, "bandwidth", "fixed").withParam(PartKind.METRIC, "length", 0.7)).flow()
            .metric();

    @Override
    protected Metric metric() {
        return metric;
    }

    @Override
    protected Space space() {
        return space;
    }

    @Test
    void theSpaceIsAnEnsemble() {
        assertThat(space).isInstanceOf(EnsembleSpace.class);
        assertThat(metric).isInstanceOf(SteinMetric.class);
    }
}
