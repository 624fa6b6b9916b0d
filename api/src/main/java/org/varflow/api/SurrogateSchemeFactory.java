package org.varflow.api;

/**
 * A factory of schemes whose steps do not discretise the flow x' = -K dE + J dE of the composition but a surrogate of
 * it: adaptive preconditioners of their own (Adam, RMSProp: x_(k+1) = x_k - h P_k dE with P_k from moment
 * estimates, not the metric's K), stochastic gradients (minibatch SGD: a random batch's gradient), alternating
 * projections (Sinkhorn's iterative proportional fitting on couplings).
 *
 * <p>The energy-dissipation certificate measures how far a path departs from -K dE; for these schemes that departure
 * is their design, not an error of order h, so their runs report the certificate as null rather than a figure that
 * would read as a fault. Whether E rose between observations is still reported.
 */
public interface SurrogateSchemeFactory extends SchemeFactory {
}
