/**
 * Entropies: none, Boltzmann, annealed (a temperature schedule beta(t)) and Tsallis (porous medium); the
 * temperature the noise reads and the internal energy of densities.
 */
package org.varflow.noise.entropy;
