/**
 * Phase space (q, p) over R^n, which lifts energies to H = E(q) + |p|^2 / 2m, and its metrics with a Poisson
 * part: symplectic (Hamiltonian), underdamped (with friction) and the phase-gradient contrast.
 */
package org.varflow.geometry.symplectic;
