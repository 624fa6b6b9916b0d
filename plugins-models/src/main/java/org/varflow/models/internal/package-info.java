/**
 * Helpers shared by this module's energies, not API.
 * Currently the broadcasting of vector parameters.
 */
package org.varflow.models.internal;
