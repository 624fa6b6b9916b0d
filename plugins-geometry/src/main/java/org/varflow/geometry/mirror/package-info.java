/**
 * Mirror (Bregman) geometry: the simplex and the positive orthant, and the Hessian metric K = (Hess phi)^-1 of a
 * Legendre potential (neg-entropy, Burg, p-norm).
 */
package org.varflow.geometry.mirror;
