/**
 * The mean-field two-layer network: its risk as an energy of the ensemble of neurons, its training set, the
 * training-loss diagnostic and the width sweep of the demonstration.
 */
package org.varflow.models.meanfield;
