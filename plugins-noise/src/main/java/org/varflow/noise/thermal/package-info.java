/**
 * Thermal (Langevin) noise consistent with the metric: covariance 2 h T K per step and the Ito drift T div K,
 * so the Gibbs law is stationary for every metric.
 */
package org.varflow.noise.thermal;
