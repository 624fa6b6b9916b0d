package org.varflow.measures.particles;

import org.varflow.api.Metric;
import org.varflow.api.PartChoice;
import org.varflow.api.Space;
import org.varflow.measures.MeasureRuns;
import org.varflow.testkit.MetricContract;

/** W2 on an ensemble of 8 particles in R^3 (K = I per particle) passes the metric contract. */
class ParticleWassersteinContractTest extends MetricContract {
    private final org.varflow.api.Flow flow = MeasureRuns.VARFLOW.assemble(ParticlePartsTest.ensemble(
            PartChoice.of("ensemble").with("n", 8).with("d", 3), PartChoice.of("test-zero"))).flow();

    @Override
    protected Metric metric() {
        return flow.metric();
    }

    @Override
    protected Space space() {
        return flow.space();
    }
}
