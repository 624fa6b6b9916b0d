/**
 * The interaction (aggregation) energy of a measure, (1/2) double-integral W(x - y) d rho d rho, on ensembles
 * and on grids.
 */
package org.varflow.measures.interaction;
