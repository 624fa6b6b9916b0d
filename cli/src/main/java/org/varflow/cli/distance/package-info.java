/**
 * What {@code varflow distance} adds to the OT toolkit: transport plans written as CSV, the closed-form W2 between
 * Gaussians given by their parameters or by samples' moments; and what keeps it honest on any data: samples scaled so
 * that no cost overflows, the cost of every quadratic method stated, bounded and paired with the alternative that
 * scales.
 */
package org.varflow.cli.distance;
