/**
 * What fluctuates and at what temperature: the plugin of the entropies and noises.
 * Each kind lives in its own subpackage.
 */
package org.varflow.noise;
