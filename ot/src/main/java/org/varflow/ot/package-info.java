/**
 * Optimal-transport toolkit on primitive arrays, for diagnostics (distances to a target law) and for the
 * distribution-space schemes.
 *
 * <ul>
 *   <li>{@link org.varflow.ot.Wasserstein1D}: exact W_p on the line by quantile functions.</li>
 *   <li>{@link org.varflow.ot.GaussianW2}: the Bures-Wasserstein closed form between Gaussians.</li>
 *   <li>{@link org.varflow.ot.ExactOT}: exact discrete OT (network simplex) with plan and dual potentials.</li>
 *   <li>{@link org.varflow.ot.Sinkhorn}: entropic OT, log-domain Sinkhorn with epsilon-scaling.</li>
 *   <li>{@link org.varflow.ot.Mmd}: maximum mean discrepancy with a Gaussian kernel (V- and U-statistics).</li>
 *   <li>{@link org.varflow.ot.Costs}: ground-cost matrices between point clouds.</li>
 * </ul>
 *
 * Conventions: point clouds are row-major n x d arrays; cost matrices and dense plans are row-major n x m (entry
 * (i, j) at index i * m + j, rows = sources, columns = targets); weights are non-negative and both measures carry the
 * same total mass. Invalid input is refused with an {@link java.lang.IllegalArgumentException} naming the argument,
 * its value and what is valid.
 */
package org.varflow.ot;
