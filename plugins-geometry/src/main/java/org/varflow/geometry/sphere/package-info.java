/**
 * The unit sphere and its metric, the tangent projection, with normalising or exponential-map retraction.
 * Riemannian gradient descent and Langevin on S^{d-1}.
 */
package org.varflow.geometry.sphere;
