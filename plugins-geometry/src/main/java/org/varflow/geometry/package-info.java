/**
 * Spaces and metrics beyond the Euclidean ones of core: the plugins that provide every geometry of this module.
 * Each geometry lives in its own subpackage.
 */
package org.varflow.geometry;
