/**
 * What keeps {@code varflow distance} honest on any data: samples scaled so that no cost overflows, and the cost of
 * every quadratic method stated, bounded and paired with the alternative that scales.
 */
package org.varflow.cli.distance;
