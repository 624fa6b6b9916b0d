package org.varflow.api;

/** A stateless factory of {@link Entropy} parts. */
public interface EntropyFactory extends PartFactory<Entropy> {

    @Override
    default PartType<EntropyFactory, Entropy> type() {
        return PartType.ENTROPY;
    }

    /**
     * Builds the part for one run on {@code space} (already checked against {@link #spaces()}).
     *
     * @throws ConfigurationException if the parameters do not fit the space, naming both
     */
    Entropy create(Parameters parameters, Space space);
}
