/**
 * Charts of runs (XChart, PNG and SVG): energy against time, paths over level sets, phase portraits,
 * histograms against the target law.
 */
package org.varflow.cli.plot;
