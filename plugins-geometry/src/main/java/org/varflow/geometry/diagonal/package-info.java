/**
 * The constant diagonal metric K = diag(k): a fixed per-coordinate mobility (preconditioning).
 * It works on R^d.
 */
package org.varflow.geometry.diagonal;
