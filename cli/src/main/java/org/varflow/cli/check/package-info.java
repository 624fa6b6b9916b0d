/**
 * What {@code varflow check} runs for each part kind: the contexts a part is checked in (the spaces, metrics and
 * entropies it is paired with, the test flows of a scheme) and the check kit's results in each.
 */
package org.varflow.cli.check;
