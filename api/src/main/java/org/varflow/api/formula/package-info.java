/**
 * Formulas typed by users ({@code (x1^2 - 1)^2/4 + 0.5*x2^2}): parsed, differentiated symbolically and compiled once
 * into allocation-free array programs, so that any part can take a formula with exact gradients and Hessians.
 */
package org.varflow.api.formula;
