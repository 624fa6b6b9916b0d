/**
 * The Gaussian family N(mu, Sigma) as a space that lifts energies to the variational free energy KL(q || p), with
 * its two geometries: Fisher-Rao (natural parameters) and Bures-Wasserstein.
 */
package org.varflow.geometry.gaussian;
