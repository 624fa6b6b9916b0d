/**
 * Both levels at once: particles (samples) and the grid Fokker-Planck density (law) of one flow, and W2 between them.
 */
package org.varflow.serve.levels;
