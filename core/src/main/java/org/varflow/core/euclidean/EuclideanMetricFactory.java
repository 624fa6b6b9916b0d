package org.varflow.core.euclidean;

import java.util.Set;
import org.varflow.api.FlatMetric;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/** The Euclidean metric g = I, so K = I and the gradient flow is x' = -grad E(x). */
public final class EuclideanMetricFactory implements MetricFactory {

    @Override
    public String id() {
        return "euclidean";
    }

    @Override
    public String summary() {
        return "the flat metric g = I: steepest descent in the usual sense";
    }

    @Override
    public String formula() {
        return "K(x) = I,  K^{1/2} = I,  div K = 0,  J = 0";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public Metric create(Parameters parameters, Space space) {
        return EuclideanMetric.INSTANCE;
    }

    /** K = I: the flat metric (every method a {@link FlatMetric} default). */
    public enum EuclideanMetric implements FlatMetric {
        INSTANCE
    }
}
