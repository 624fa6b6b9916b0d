/**
 * Hyperbolic geometry: the Poincare ball and its conformal metric, with the exponential map by Moebius
 * addition as retraction.
 */
package org.varflow.geometry.poincare;
