/** Laws a figure is checked against: the Gibbs law exp(-V/T)/Z by quadrature, its free energy -T log Z. */
package org.varflow.cli.law;
