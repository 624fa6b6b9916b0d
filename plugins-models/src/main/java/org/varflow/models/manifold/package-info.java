/**
 * Energies on manifolds, the problems of the geometry presets: on the sphere, simplex, orthant and Poincare ball,
 * and statistical models (manifolds of distributions) that know their Fisher information.
 */
package org.varflow.models.manifold;
