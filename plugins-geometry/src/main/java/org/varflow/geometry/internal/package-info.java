/**
 * Helpers of this module's geometries, not API: per-thread scratch, divergence by central differences, vector
 * parameters and a minimal space.
 */
package org.varflow.geometry.internal;
