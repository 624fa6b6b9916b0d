/**
 * Minimizing-movement (JKO) schemes for measures: the 1-D JKO step in quantile coordinates and the entropic JKO
 * step on grids.
 */
package org.varflow.measures.jko;
