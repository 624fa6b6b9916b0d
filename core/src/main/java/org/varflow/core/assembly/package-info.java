/**
 * Assembly of a flow from a {@code FlowSpec}: ids looked up, parameters validated, every part checked against the
 * space and against the requirements of the others, before anything runs.
 */
package org.varflow.core.assembly;
