/**
 * Functionals of paths with fixed ends: the action S[q] (least action, Newton's law) and the brachistochrone's
 * descent time, read on any space that is a {@link org.varflow.api.FixedEndPath}.
 */
package org.varflow.models.paths;
