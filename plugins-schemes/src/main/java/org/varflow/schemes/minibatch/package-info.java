/**
 * Minibatch gradient schemes on finite-sum energies: SGD without noise, SGLD with thermal noise, with batch
 * sampling and step-size schedules.
 */
package org.varflow.schemes.minibatch;
