/**
 * Ensembles of particles as empirical measures: the ensemble space, its per-particle Wasserstein metric, lifted
 * potentials, and the kernel-density-score noise that realises the entropy deterministically.
 */
package org.varflow.measures.particles;
