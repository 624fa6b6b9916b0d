package org.varflow.core.registry;

import org.varflow.api.EnergyFactory;
import org.varflow.api.EntropyFactory;
import org.varflow.api.MetricFactory;
import org.varflow.api.NoiseFactory;
import org.varflow.api.PartFactory;
import org.varflow.api.PartKind;
import org.varflow.api.SchemeFactory;
import org.varflow.api.SpaceFactory;

/** The factory interface of each part kind. */
public final class PartTypes {
    private PartTypes() {
    }

    public static Class<? extends PartFactory> factoryType(PartKind kind) {
        return switch (kind) {
            case SPACE -> SpaceFactory.class;
            case METRIC -> MetricFactory.class;
            case ENERGY -> EnergyFactory.class;
            case ENTROPY -> EntropyFactory.class;
            case NOISE -> NoiseFactory.class;
            case SCHEME -> SchemeFactory.class;
        };
    }
}
