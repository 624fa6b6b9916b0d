/**
 * Splitting schemes for phase space: leapfrog for Hamiltonian flows and BAOAB for underdamped Langevin, reading
 * the structure from {@link org.varflow.api.DampedHamiltonian}.
 */
package org.varflow.schemes.splitting;
