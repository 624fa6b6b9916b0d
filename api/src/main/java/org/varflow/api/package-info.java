/**
 * The SPI of varflow: the five parts (space, metric, energy, entropy, noise), schemes, observers, their factories
 * and the {@code Plugin} provider, with the capability types parts declare and the value types a run is described by.
 */
package org.varflow.api;
