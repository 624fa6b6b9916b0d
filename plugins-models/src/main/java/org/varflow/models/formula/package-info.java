/**
 * The energy {@code formula}: any E(x) written in the formula language, with exact (symbolic) gradients and
 * Hessians compiled once per run; on measure spaces it is the potential V.
 */
package org.varflow.models.formula;
