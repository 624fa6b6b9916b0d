/**
 * Stein variational gradient descent: the kernelised Wasserstein (Stein) metric on ensembles and the Stein
 * repulsion that realises the entropy.
 */
package org.varflow.measures.svgd;
