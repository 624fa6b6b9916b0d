/**
 * The runner: particles in fixed blocks with their own random streams, stepped in parallel, checked for
 * divergence every step, observed at fixed intervals.
 */
package org.varflow.core.run;
