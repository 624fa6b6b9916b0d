/**
 * The standard observers of every run: energy, free energy, the dissipation check, moments, and the CSV
 * trajectory sink.
 */
package org.varflow.core.observe;
