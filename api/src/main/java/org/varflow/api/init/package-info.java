/**
 * Starting laws, one concept for every state: a point, a Gaussian with full covariance, a uniform box, two modes or
 * samples from a file, read from the same parameter names by every space, drawn per particle or discretised.
 */
package org.varflow.api.init;
