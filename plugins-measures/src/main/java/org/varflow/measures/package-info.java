/**
 * Flows on probability measures, in which the measure itself is the state: the plugin, the Wasserstein metric
 * of both measure spaces, lifted potentials and the zero energy. Subpackages by kind of state or part.
 */
package org.varflow.measures;
