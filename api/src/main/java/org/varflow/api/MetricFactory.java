package org.varflow.api;

/** A stateless factory of {@link Metric} parts. */
public interface MetricFactory extends PartFactory<Metric> {

    @Override
    default PartType<MetricFactory, Metric> type() {
        return PartType.METRIC;
    }

    /**
     * Builds the part for one run on {@code space} (already checked against {@link #spaces()}).
     *
     * @throws ConfigurationException if the parameters do not fit the space, naming both
     */
    Metric create(Parameters parameters, Space space);
}
