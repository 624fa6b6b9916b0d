/**
 * Diagnostics attached to measure runs: mass, moments, the free energy, and the KL divergence and W2 distance
 * to the Gibbs law.
 */
package org.varflow.measures.observe;
