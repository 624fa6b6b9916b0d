package org.varflow.api;

/** A stateless factory of {@link Scheme} parts. */
public interface SchemeFactory extends PartFactory {

    @Override
    default PartKind kind() {
        return PartKind.SCHEME;
    }

    /**
     * Whether the schemes made integrate the noise term; a deterministic scheme is rejected, before running, for a
     * flow with noise. False by default.
     */
    default boolean acceptsNoise() {
        return false;
    }

    /**
     * Builds the part for one run on {@code space} (already checked against {@link #spaces()}).
     *
     * @throws ConfigurationException if the parameters do not fit the space, naming both
     */
    Scheme create(Parameters parameters, Space space);
}
