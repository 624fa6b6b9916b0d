/**
 * Sampling targets and test potentials: the Mueller-Brown potential and Gaussian mixtures.
 * Multimodal laws for samplers.
 */
package org.varflow.models.targets;
