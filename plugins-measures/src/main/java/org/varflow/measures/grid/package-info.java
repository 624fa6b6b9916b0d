/**
 * Densities on 1-D and 2-D grids: the grid spaces, their Wasserstein, Fisher-Rao and WFR metrics in finite
 * volumes, and the density-euler scheme.
 */
package org.varflow.measures.grid;
