package org.varflow.api;

/** A stateless factory of {@link Space} parts. */
public interface SpaceFactory extends PartFactory<Space> {

    @Override
    default PartType<SpaceFactory, Space> type() {
        return PartType.SPACE;
    }

    /**
     * Builds the space.
     *
     * @throws ConfigurationException if the parameters are inconsistent
     */
    Space create(Parameters parameters);
}
