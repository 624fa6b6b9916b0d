/**
 * Energies (models) and the method presets: what decreases in a flow, and the named compositions of parts.
 * The root plugin provides the test functions; the subpackages hold the other families.
 */
package org.varflow.models;
