/**
 * Classic test functions as energies on R^d: quadratic, double well, Rosenbrock.
 * The defaults of the basic presets.
 */
package org.varflow.models.testfunctions;
