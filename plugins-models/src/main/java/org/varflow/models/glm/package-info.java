/**
 * Regularised generalised linear models with a canonical link as finite-sum energies with their Fisher
 * information: the shared base of the logistic and linear regressions.
 */
package org.varflow.models.glm;
