/**
 * The measure SPI: how a measure is a state (ensemble and grid layouts, the measure kinds, starting laws) and the
 * capabilities parts of different modules share about measures (energies of whole measures, Tsallis entropies).
 */
package org.varflow.api.measure;
