/**
 * Generative flows: diffusion models (the forward OU process, exact and learned scores, the reverse SDE and the
 * probability-flow ODE) and Schroedinger bridges (entropic OT by Sinkhorn), with their diagnostics.
 */
package org.varflow.generative;
