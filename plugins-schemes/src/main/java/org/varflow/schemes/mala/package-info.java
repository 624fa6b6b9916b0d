/**
 * The Metropolis-adjusted Langevin algorithm: a Langevin proposal accepted or rejected so that the Gibbs law is
 * exact at any step size.
 */
package org.varflow.schemes.mala;
