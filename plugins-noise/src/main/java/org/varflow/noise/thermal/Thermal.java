package org.varflow.noise.thermal;

import org.varflow.api.ThermalNoise;

/**
 * The thermal noise part: the increment and Ito correction are {@link ThermalNoise}'s defaults, so schemes that
 * recognise the type may fuse them into their loops. Stateless: one instance serves every particle block.
 */
enum Thermal implements ThermalNoise {
    INSTANCE
}
