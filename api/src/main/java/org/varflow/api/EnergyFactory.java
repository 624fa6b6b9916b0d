package org.varflow.api;

/** A stateless factory of {@link Energy} parts. */
public interface EnergyFactory extends PartFactory<Energy> {

    @Override
    default PartType<EnergyFactory, Energy> type() {
        return PartType.ENERGY;
    }

    /**
     * Builds the part for one run on {@code space} (already checked against {@link #spaces()}).
     *
     * @throws ConfigurationException if the parameters do not fit the space, naming both
     */
    Energy create(Parameters parameters, Space space);
}
