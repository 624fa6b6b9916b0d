/**
 * Natural gradient: the statistical-model space, which hands the run's energy to its metric, and the Fisher-Rao
 * metric K = (F + delta I)^-1 from the model's (or the empirical) Fisher information.
 */
package org.varflow.geometry.fisher;
