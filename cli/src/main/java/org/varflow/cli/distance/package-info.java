/**
 * What {@code varflow distance} adds to the OT toolkit: transport plans written as CSV, and the closed-form W2
 * between Gaussians given by their parameters or by samples' moments.
 */
package org.varflow.cli.distance;
