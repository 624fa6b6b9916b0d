package org.varflow.api;

/** A stateless factory of {@link Space} parts. */
public interface SpaceFactory extends PartFactory {

    @Override
    default PartKind kind() {
        return PartKind.SPACE;
    }

    /**
     * Builds the space.
     *
     * @throws ConfigurationException if the parameters are inconsistent
     */
    Space create(Parameters parameters);
}
