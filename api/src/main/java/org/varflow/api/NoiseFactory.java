package org.varflow.api;

/** A stateless factory of {@link Noise} parts. */
public interface NoiseFactory extends PartFactory<Noise> {

    @Override
    default PartType<NoiseFactory, Noise> type() {
        return PartType.NOISE;
    }

    /**
     * Builds the part for one run on {@code space} (already checked against {@link #spaces()}).
     *
     * @throws ConfigurationException if the parameters do not fit the space, naming both
     */
    Noise create(Parameters parameters, Space space);
}
