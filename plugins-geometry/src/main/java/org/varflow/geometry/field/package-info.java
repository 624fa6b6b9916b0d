/**
 * Position-dependent Riemannian metrics on R^d given by built-in SPD matrix fields g(x), applied by Cholesky
 * (K = g^-1, S = L^-T) with the divergence of K by finite differences.
 */
package org.varflow.geometry.field;
