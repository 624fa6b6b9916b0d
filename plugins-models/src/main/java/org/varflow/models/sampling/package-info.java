/**
 * Energies with data for the samplers: Bayesian linear regression as a finite sum, whose Gibbs law is the exact
 * posterior, and its data (shipped, inline or from a file).
 */
package org.varflow.models.sampling;
