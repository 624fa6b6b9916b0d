/**
 * Paths with fixed ends as a space (the interior nodes of a discretised path q(t)) and its L2 metric K = I / dt,
 * for functionals of paths such as an action.
 */
package org.varflow.geometry.path;
