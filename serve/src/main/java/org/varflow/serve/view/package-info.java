/** How a run is drawn: frames projected to points, densities or vectors; energy contours and Gibbs laws. */
package org.varflow.serve.view;
